import { MAX_SELECTED_TEXT, type Result } from '../messaging/protocol';
import { cleanTrimmed } from '../text/clean-text';
import { isShown } from '../sites/shown';
import type { PageContext } from '../sites/types';
import { BASE_CSS, createButton, createShadowHost, removeStrays } from './shadow-host';

export const CAPTURE_MARKER = 'data-baton-capture';
export const CAPTURE_LABEL = 'Capture handoff';

const CSS = `${BASE_CSS}
:host { display: inline-flex; align-items: center; gap: 8px; margin-left: 12px; vertical-align: middle; }
`;

export interface CaptureButtonOptions {
  doc: Document;
  signal: AbortSignal;
  /** Asks the background to open the panel on a new handoff; the selection is included when there is one. */
  capture(selectedText: string | undefined): Promise<Result<{ opened: boolean }>>;
}

/** The open thread's subject heading, the one readPage took the thread from (never a hidden copy). */
function threadHeading(doc: Document, threadId: string): Element | null {
  return [...doc.querySelectorAll('h2.hP[data-thread-perm-id]')].find((h) => h.getAttribute('data-thread-perm-id') === threadId && isShown(h)) ?? null;
}

function selectionIn(doc: Document): string | undefined {
  const text = cleanTrimmed(doc.getSelection()?.toString() ?? '', MAX_SELECTED_TEXT);
  return text || undefined;
}

/**
 * "Capture handoff" beside the open Gmail thread's subject: one host, keyed to the heading it sits
 * beside. `place` runs after every debounced read of the page: it re-attaches when Gmail replaced the
 * heading and removes the button when no thread is open.
 */
export function createCaptureButton({ doc, signal, capture }: CaptureButtonOptions) {
  let host: HTMLElement | null = null;
  let anchor: Element | null = null;

  const remove = () => {
    host?.remove();
    host = null;
    anchor = null;
  };

  function build(): HTMLElement {
    const { host: element, root } = createShadowHost(doc, CAPTURE_MARKER, CSS);
    const note = doc.createElement('span');
    note.className = 'note';
    note.setAttribute('role', 'status');
    let selected: string | undefined;
    let busy = false;
    const button = createButton(doc, CAPTURE_LABEL, () => {
      if (busy) return;
      busy = true;
      note.textContent = '';
      void capture(selected ?? selectionIn(doc))
        .then((reply) => {
          if (!reply.ok) note.textContent = `Baton could not start the handoff: ${reply.problem.message}`;
          else if (!reply.data.opened) note.textContent = 'Open Baton’s side panel to finish the handoff.';
        })
        .finally(() => {
          busy = false;
          selected = undefined;
        });
    });
    // A click may collapse the page's selection before "click" fires: keep what was selected at press.
    button.addEventListener('pointerdown', () => {
      selected = selectionIn(doc);
    });
    root.append(button, note);
    return element;
  }

  signal.addEventListener('abort', remove, { once: true });

  return {
    place(context: PageContext | null): void {
      if (signal.aborted) return;
      const heading = context?.thread ? threadHeading(doc, context.thread.id) : null;
      removeStrays(doc, CAPTURE_MARKER, host);
      if (!heading) return remove();
      if (host?.isConnected && anchor === heading && heading.isConnected) return;
      remove();
      host = build();
      anchor = heading;
      heading.insertAdjacentElement('afterend', host);
    },
  };
}
