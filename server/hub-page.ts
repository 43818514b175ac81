// The look every page the hub serves to a browser shares (its front page, /join): plain HTML, no
// script (the hub's Content-Security-Policy allows none), light and dark.
// The attribute lets Node's own loader read it too (the e2e harness runs the hub's source unbundled).
import pkg from '../package.json' with { type: 'json' };

export const HUB_VERSION: string = pkg.version;

/** Text for HTML: every character that could open markup or end an attribute, as a character reference. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A whole page: `title` (plain text) as the title and heading, `body` (HTML the caller escaped) below it, the hub's version last. */
export function hubPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
  code { font-size: 1.05em; padding: 0.1em 0.3em; border-radius: 0.25em; background: color-mix(in srgb, currentColor 10%, transparent); }
  .version { opacity: 0.75; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
<p class="version">Baton hub ${escapeHtml(HUB_VERSION)}</p>
</main>
</body>
</html>
`;
}
