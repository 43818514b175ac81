import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

const FIXTURES = new URL('../../fixtures/sites/', import.meta.url);

/** A browser-like Document parsed from HTML, as readPage receives it in a tab. */
export function parseHtml(html: string): Document {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** A saved page and what readPage must make of it (`absent`: dotted paths that must be undefined). */
export interface Fixture {
  html: string;
  doc: Document;
  url: string;
  expected: Record<string, unknown>;
  absent?: string[];
  inboxRows?: number;
  unreadRows?: number;
  firstRow?: unknown;
}

export function loadFixture(name: string): Fixture {
  const html = readFileSync(new URL(`${name}.html`, FIXTURES), 'utf8');
  const spec = JSON.parse(readFileSync(new URL(`${name}.expected.json`, FIXTURES), 'utf8')) as Omit<Fixture, 'html' | 'doc'>;
  return { ...spec, html, doc: parseHtml(html) };
}

/**
 * A person's click. Baton's in-page buttons ignore synthetic clicks (the page's scripts can reach them),
 * and happy-dom marks every click untrusted, so this marks it as the browser would for a real one.
 */
export function personClick(element: Element): void {
  const view = element.ownerDocument.defaultView as unknown as typeof globalThis;
  const event = new view.MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}
