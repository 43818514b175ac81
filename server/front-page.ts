// The attribute lets Node's own loader read it too (the e2e harness runs the hub's source unbundled).
import pkg from '../package.json' with { type: 'json' };

/** What a browser shows at the hub's address: fixed text, nothing a person typed, so no escaping is needed but the address's. */
export const HUB_VERSION: string = pkg.version;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The hub's front page: what this address is, its version, and how a person joins (someone opening
 * the address their admin sent should learn what to do, not read "404"). `publicUrl` is the address
 * members paste into Baton.
 */
export function frontPage(publicUrl: string): string {
  const address = escapeHtml(publicUrl);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Baton team hub</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
  code { font-size: 1.05em; padding: 0.1em 0.3em; border-radius: 0.25em; background: color-mix(in srgb, currentColor 10%, transparent); }
  .version { opacity: 0.75; }
</style>
</head>
<body>
<main>
<h1>Baton team hub</h1>
<p>This is your agency's Baton hub: it shares clients and handoffs between the people on your team. There is nothing to do here in a browser tab.</p>
<h2>Join your team</h2>
<ol>
<li>Install the Baton browser extension (ask whoever runs Baton at your agency where to get it).</li>
<li>Get an invite link from your Baton admin (it starts with <code>${address}/join#</code> and works once).</li>
<li>In Baton, open <strong>Settings → Team hub</strong>, paste the whole link as <strong>Invite link</strong>, then choose <strong>Connect</strong>. Given a code instead, enter this hub's address, <code>${address}</code>, as <strong>Hub address</strong> and the code as <strong>Invite code</strong>. Where your agency signs in with its work accounts, enter the address and choose <strong>Sign in</strong>.</li>
</ol>
<p class="version">Baton hub ${escapeHtml(HUB_VERSION)}</p>
</main>
</body>
</html>
`;
}
