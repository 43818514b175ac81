import type { PromptItem } from '../messaging/protocol';
import { BASE_CSS, createButton, createShadowHost, removeStrays } from './shadow-host';

export const PROMPT_MARKER = 'data-baton-prompt';
export const PROMPT_REGION_LABEL = 'Baton: handoffs awaiting you';
export const SNOOZE_MINUTES = 60;
/** Narrow enough to stay inside Gmail's expanded left rail (256 px) with its margin. */
export const PROMPT_WIDTH_PX = 224;

const CSS = `${BASE_CSS}
/* Bottom-left, within Gmail's 256 px left rail: bottom-right is where Gmail opens compose windows. */
:host { position: fixed; left: 16px; bottom: 16px; z-index: 2147483000; }
section {
  width: ${PROMPT_WIDTH_PX}px; max-width: calc(100vw - 32px); max-height: 50vh; overflow: auto; box-sizing: border-box;
  background: #fff; color: #1f1f1f; border: 1px solid #dadce0; border-radius: 12px;
  box-shadow: 0 2px 6px rgba(60, 64, 67, 0.15), 0 1px 2px rgba(60, 64, 67, 0.3);
  padding: 10px 12px; font: 13px/18px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
}
header { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }
.title { font-weight: 600; margin: 0; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 6px 0; border-top: 1px solid #f1f3f4; }
li:first-child { border-top: 0; }
.line { display: block; margin-bottom: 4px; overflow-wrap: anywhere; }
.overdue { color: #b3261e; font-weight: 600; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; }
.quiet { border-color: transparent; }
`;

export interface PromptCardOptions {
  doc: Document;
  signal: AbortSignal;
  review(handoffId: string): Promise<string | null>;
  /** Returns the items still to show, or an error to say. */
  snooze(handoffId: string): Promise<PromptItem[] | string>;
}

/** What a line's buttons do; `note` is the card's status line, where a problem is said. */
interface LineActions {
  review(item: PromptItem, note: HTMLElement): void;
  snooze(item: PromptItem, note: HTMLElement): void;
}

function promptLine(doc: Document, item: PromptItem, note: HTMLElement, actions: LineActions): HTMLLIElement {
  const li = doc.createElement('li');
  const text = doc.createElement('span');
  text.className = 'line';
  text.id = `baton-prompt-${item.handoffId}`;
  text.textContent = `${item.senderName} handed you ${item.clientName}: ${item.templateName}`;
  if (item.overdue) {
    const overdue = doc.createElement('span');
    overdue.className = 'overdue';
    overdue.textContent = ' · overdue';
    text.append(overdue);
  }
  const buttons = doc.createElement('span');
  buttons.className = 'actions';
  const reviewButton = createButton(doc, 'Review', () => actions.review(item, note));
  const snoozeButton = createButton(doc, 'Snooze', () => actions.snooze(item, note), 'quiet');
  snoozeButton.title = 'Hide this one for an hour';
  for (const button of [reviewButton, snoozeButton]) button.setAttribute('aria-describedby', text.id);
  buttons.append(reviewButton, snoozeButton);
  li.append(text, buttons);
  return li;
}

/** The card in its shadow host: a titled region, one line per item, Dismiss, and a status line. */
function promptCard(doc: Document, items: PromptItem[], onDismiss: () => void, actions: LineActions): HTMLElement {
  const { host, root } = createShadowHost(doc, PROMPT_MARKER, CSS, 'div');
  const section = doc.createElement('section');
  section.setAttribute('role', 'region');
  section.setAttribute('aria-label', PROMPT_REGION_LABEL);
  const header = doc.createElement('header');
  // Not a heading: the page's outline is Gmail's and Asana's, the region's name says what this is.
  const title = doc.createElement('p');
  title.className = 'title';
  title.textContent = items.length === 1 ? 'A handoff awaits you' : `${items.length} handoffs await you`;
  header.append(title, createButton(doc, 'Dismiss', onDismiss, 'quiet'));
  const note = doc.createElement('p');
  note.className = 'note';
  note.setAttribute('role', 'status');
  const list = doc.createElement('ul');
  list.append(...items.map((item) => promptLine(doc, item, note, actions)));
  section.append(header, list, note);
  root.append(section);
  return host;
}

/**
 * The compact in-page prompt, fixed bottom-left (clear of Gmail's compose windows): "<sender> handed you <client>: <template> — Review".
 * It never takes focus and never covers more than a corner; dismissed, it stays away until a handoff
 * arrives that it has not shown yet.
 */
export function createPromptCard({ doc, signal, review, snooze }: PromptCardOptions) {
  let host: HTMLElement | null = null;
  let dismissed = new Set<string>();
  let current: PromptItem[] = [];

  const remove = () => {
    host?.remove();
    host = null;
  };
  const dismiss = () => {
    dismissed = new Set(current.map((i) => i.handoffId));
    remove();
  };
  const actions: LineActions = {
    review(item, note) {
      void review(item.handoffId).then((problem) => {
        note.textContent = problem ?? '';
      });
    },
    snooze(item, note) {
      void snooze(item.handoffId).then((result) => {
        if (typeof result === 'string') note.textContent = result;
        else show(result);
      });
    },
  };

  function show(items: PromptItem[]): void {
    if (signal.aborted) return;
    // The same list again (a push after an unrelated change): keep the card, and any focus in it.
    if (host?.isConnected && JSON.stringify(items) === JSON.stringify(current)) return;
    current = items;
    removeStrays(doc, PROMPT_MARKER, null);
    // A dismissed card comes back only for something new.
    const fresh = items.some((i) => !dismissed.has(i.handoffId));
    if (items.length === 0 || !fresh) return remove();
    dismissed.clear();
    remove();
    host = promptCard(doc, items, dismiss, actions);
    (doc.body ?? doc.documentElement).append(host);
  }

  signal.addEventListener('abort', remove, { once: true });
  return { show };
}
