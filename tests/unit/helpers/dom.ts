import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

const FIXTURES = new URL('../../fixtures/sites/', import.meta.url);

/** A browser-like Document parsed from HTML, as readPage receives it in a tab. */
export function parseHtml(html: string): Document {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function loadFixture(name: string): { html: string; doc: Document; url: string; expected: Record<string, unknown> } {
  const html = readFileSync(new URL(`${name}.html`, FIXTURES), 'utf8');
  const { url, expected } = JSON.parse(readFileSync(new URL(`${name}.expected.json`, FIXTURES), 'utf8')) as {
    url: string;
    expected: Record<string, unknown>;
  };
  return { html, doc: parseHtml(html), url, expected };
}
