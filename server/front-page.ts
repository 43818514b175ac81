import { escapeHtml, hubPage } from './hub-page';

/**
 * The hub's front page: what this address is, its version, and how a person joins (someone opening
 * the address their admin sent should learn what to do, not read "404"). `publicUrl` is the address
 * members paste into Baton.
 */
export function frontPage(publicUrl: string): string {
  const address = escapeHtml(publicUrl);
  return hubPage(
    'Baton team hub',
    `<p>This is your agency's Baton hub: it shares clients and handoffs between the people on your team. There is nothing to do here in a browser tab.</p>
<h2>Join your team</h2>
<ol>
<li>Install the Baton browser extension (ask whoever runs Baton at your agency where to get it).</li>
<li>Get an invite link from your Baton admin (it starts with <code>${address}/join#</code> and works once).</li>
<li>In Baton, open <strong>Settings → Team hub</strong>, paste the whole link as <strong>Invite link</strong>, then choose <strong>Connect</strong>. Given a code instead, enter this hub's address, <code>${address}</code>, as <strong>Hub address</strong> and the code as <strong>Invite code</strong>. Where your agency signs in with its work accounts, enter the address and choose <strong>Sign in</strong>.</li>
</ol>`,
  );
}
