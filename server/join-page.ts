import { escapeHtml, hubPage } from './hub-page';

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
  return hubPage(
    'Join your team on Baton',
    `<p>You were invited to your agency's Baton hub at <code>${escapeHtml(publicUrl)}</code>. Baton is a browser extension that makes handoffs between colleagues impossible to fumble: every brief arrives complete, and confirmed.</p>
<ol>
<li>${get}</li>
<li>Open Baton's <strong>Settings → Team hub</strong>.</li>
<li>Paste the <strong>whole link you were sent</strong> (it ends in <code>/join#bi_…</code>) into <strong>Invite link</strong>, then choose <strong>Connect</strong>.</li>
</ol>
<p>The link works once and expires: if it does not, ask your Baton admin for a new one.</p>`,
  );
}
