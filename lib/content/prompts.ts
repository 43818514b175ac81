import { browser } from 'wxt/browser';
import { PROMPTS_PUSH, type PromptsPush } from '../messaging/protocol';
import { sendRequest } from '../messaging/send';
import { createPromptCard, SNOOZE_MINUTES } from './prompt-card';

const REFRESH_EVERY_MS = 5 * 60_000;
const REFRESH_DELAY_MS = 1_000;

function isPromptsPush(message: unknown): message is PromptsPush {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PROMPTS_PUSH && Array.isArray((message as { items?: unknown }).items);
}

/**
 * The receiver's prompt on this page: fetched on load (and now and then after a navigation), redrawn
 * when the background says what awaits me changed. Returns what to call after a navigation.
 */
export function startPrompts(signal: AbortSignal, doc: Document = document): { onNavigate(): void } {
  const card = createPromptCard({
    doc,
    signal,
    async review(handoffId) {
      const reply = await sendRequest({ type: 'prompt/open', handoffId });
      if (!reply.ok) return `Baton could not open it: ${reply.problem.message}`;
      return reply.data.opened ? null : 'Open Baton’s side panel to review it.';
    },
    async snooze(handoffId) {
      const reply = await sendRequest({ type: 'prompt/snooze', handoffId, minutes: SNOOZE_MINUTES });
      return reply.ok ? reply.data : `Baton could not snooze it: ${reply.problem.message}`;
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
  // The background pushes every change; asking again on navigation only catches snoozes that ran out.
  // So: at once on the first read of the page, then at most every few minutes, and never in the same
  // moment as the navigation's own report (the worker answers that first).
  let lastRefresh = 0;
  return {
    onNavigate() {
      if (signal.aborted) return;
      const now = Date.now();
      if (lastRefresh === 0) {
        lastRefresh = now;
        void refresh();
      } else if (now - lastRefresh >= REFRESH_EVERY_MS) {
        lastRefresh = now;
        const timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
        signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      }
    },
  };
}
