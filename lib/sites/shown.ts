// Whether an element is shown, decided from the document alone: readPage runs without layout (a test's
// DOM has none, and a read must not force one in Gmail). Gmail hides what it keeps for later with an
// inline `display: none` on a container (the thread list behind an open conversation, a conversation
// closed on the way back to a list) and the `hidden` attribute does the same. `aria-hidden` is not
// a sign: a page sets it on what a dialog covers, which the person still sees; nor is an ancestor's
// `visibility: hidden`, which a descendant can turn back on.
const MAX_DEPTH = 100;

function hides(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = (element as Partial<ElementCSSInlineStyle>).style;
  return style?.display === 'none';
}

/** False when the element or one of its ancestors (a bounded number) hides it. */
export function isShown(element: Element): boolean {
  let node: Element | null = element;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = node.parentElement) if (hides(node)) return false;
  return true;
}
