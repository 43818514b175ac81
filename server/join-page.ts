import { HUB_VERSION } from './front-page';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What a person sees when they open the invite link they were sent (`<hub>/join#<code>`) in a
 * browser: where to get Baton and what to paste where. The code stays in the fragment, which the
 * browser never sends: the page needs no script and never sees it. `extensionUrl`: where this agency
 * gets the extension (BATON_EXTENSION_URL), else the README's words.
 */
export function joinPage(publicUrl: string, extensionUrl: string | undefined): string {
  const get = extensionUrl
    ? `Install the Baton browser extension from <a href="${escapeHtml(extensionUrl)}">${escapeHtml(extensionUrl)}</a>.`
    : 'Install the Baton browser extension. If your agency has not sent you a store link, ask whoever runs Baton for the extension’s folder, open <code>chrome://extensions</code>, turn on <strong>Developer mode</strong>, choose <strong>Load unpacked</strong> and pick that folder.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Join your team on Baton</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
  code { font-size: 1.05em; padding: 0.1em 0.3em; border-radius: 0.25em; background: color-mix(in srgb, currentColor 10%, transparent); }
  .version { opacity: 0.75; }
</style>
</head>
<body>
<main>
<h1>Join your team on Baton</h1>
<p>You were invited to your agency's Baton hub at <code>${escapeHtml(publicUrl)}</code>. Baton is a browser extension that makes handoffs between colleagues impossible to fumble: every brief arrives complete, and confirmed.</p>
<ol>
<li>${get}</li>
<li>Open Baton's <strong>Settings → Team hub</strong>.</li>
<li>Paste the <strong>whole link you were sent</strong> (it ends in <code>/join#bi_…</code>) into <strong>Invite link</strong>, then choose <strong>Connect</strong>.</li>
</ol>
<p>The link works once and expires: if it does not, ask your Baton admin for a new one.</p>
<p class="version">Baton hub ${escapeHtml(HUB_VERSION)}</p>
</main>
</body>
</html>
`;
}
