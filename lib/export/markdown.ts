// Markdown building blocks that keep user text as text: nothing a person typed can become a link,
// an image, a heading or HTML in the rendered document.

/**
 * Escapes what Markdown (CommonMark + GFM) gives a meaning to, and HTML's `&`: emphasis, code, links
 * and images (`[`), HTML (`<`), tables, strikethrough, and autolinks (`:` of a scheme, `@` of an
 * address, `www.`); at the start of a line also headings, lists, quotes and rules. Other punctuation
 * stays as typed, so the raw file reads well too.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~:@]/g, '\\$&')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Escaped text keeping its line breaks (a hard break at the end of each line). */
export function escapeLines(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line.trim()))
    .join('  \n');
}

/** A link to an http(s) address, shown as the address itself; anything else stays plain text. */
export function safeLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return escapeMarkdown(url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return escapeMarkdown(url);
  // An autolink ends at the first space or `>`: percent-encode them so the address stays whole.
  return `<${parsed.href.replace(/[\s<>]/g, (c) => encodeURIComponent(c))}>`;
}

export const bullets = (lines: string[]) => lines.map((line) => `- ${line}`).join('\n');
export const quote = (text: string) => escapeLines(text).split('  \n').map((line) => `> ${line}`).join('\n');
