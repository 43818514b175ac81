import { browser } from 'wxt/browser';
import { PROMPTS_PUSH, type PromptsPush } from '../messaging/protocol';
import { sendRequest } from '../messaging/send';
import { createPromptCard, SNOOZE_MINUTES } from './prompt-card';

function isPromptsPush(message: unknown): message is PromptsPush {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PROMPTS_PUSH && Array.isArray((message as { items?: unknown }).items);
}

/**
 * The receiver's prompt on this page: fetched on load and after each in-app navigation, redrawn when
 * the background says what awaits me changed. Returns what to call after a navigation.
 */
export function startPrompts(signal: AbortSignal, doc: Document = document): { onNavigate(url: string): void } {
  const card = createPromptCard({
    doc,
    signal,
    async review(handoffId) {
      const reply = await sendRequest({ type: 'prompt/open', handoffId });
      if (!reply.ok) return `Baton could not open it: ${reply.error.message}`;
      return reply.data.opened ? null : 'Open Baton’s side panel to review it.';
    },
    async snooze(handoffId) {
      const reply = await sendRequest({ type: 'prompt/snooze', handoffId, minutes: SNOOZE_MINUTES });
      return reply.ok ? reply.data : `Baton could not snooze it: ${reply.error.message}`;
    },
  });
  const refresh = async () => {
    const reply = await sendRequest({ type: 'prompts/get' });
    // Baton not answering (a reload, a starting worker) leaves the card as it was: the next push redraws it.
    if (reply.ok) card.show(reply.data);
  };
  const onPush = (message: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id && isPromptsPush(message)) card.show(message.items);
  };
  browser.runtime.onMessage.addListener(onPush);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onPush), { once: true });
  let lastUrl = '';
  return {
    onNavigate(url) {
      if (url === lastUrl || signal.aborted) return;
      lastUrl = url;
      void refresh();
    },
  };
}
