/**
 * An element of ours in a page we do not own: its own shadow root (the page's styles stay out, ours
 * stay in), marked so that a later copy of the content script can find and replace it. Open, so
 * assistive technology and tests see into it like any other part of the page.
 */
export function createShadowHost(doc: Document, marker: string, css: string, tag: 'span' | 'div' = 'span'): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(marker, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/**
 * A button with a visible text name; page text only ever goes in through textContent. Only a person's
 * click counts: the page's own scripts can reach an open shadow root, and their synthetic clicks
 * (isTrusted false) must not capture a selection or snooze a prompt.
 */
export function createButton(doc: Document, label: string, onClick: (event: MouseEvent) => void, className = ''): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = label;
  if (className) button.className = className;
  button.addEventListener('click', (event) => {
    if (event.isTrusted) onClick(event);
  });
  return button;
}

/** Removes every element carrying our marker except `keep`: an earlier copy of the script left them. */
export function removeStrays(doc: Document, marker: string, keep: Element | null): void {
  for (const stray of doc.querySelectorAll(`[${marker}]`)) if (stray !== keep) stray.remove();
}

/** Shared look: calm, small, Google-like, with a focus ring that is always visible on keyboard focus. */
export const BASE_CSS = `
:host { all: initial; }
button {
  font: 500 12px/16px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
  color: #1f1f1f; background: #fff; border: 1px solid #c4c7c5; border-radius: 999px;
  padding: 3px 10px; cursor: pointer; white-space: nowrap;
}
button:hover { background: #f1f3f4; }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.note { font: 12px/16px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #444746; }
`;
