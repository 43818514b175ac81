// Joining a team hub by signing in with its OpenID Connect provider (as with Google Workspace), against
// a real provider on this machine (oidc-provider): the extension's "Sign in with <provider>" opens the
// browser's sign-in window (identity.launchWebAuthFlow), the person logs in there, and is in.
import { openPglite } from '../../server/db';
import { startHub } from '../../server/server';
import { signInOverHttp, startOidcProvider } from '../support/oidc-provider';
import { freePort } from '../unit/server/hub-process';
import { joinHub, signInWithProvider } from './support/team.ts';
import { expect, test } from './support/test.ts';

/** Another browser's identity.getRedirectURL(), for a sign-in played over HTTP. */
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

test('joins a team hub by signing in with its provider; an address at a domain the hub refuses is told why, and a replayed answer is refused', async ({ baton }) => {
  const port = await freePort();
  const provider = await startOidcProvider([`http://127.0.0.1:${port}/v1/sign-in/callback`], {
    ana: { email: 'ana@brightlane.agency', email_verified: true, name: 'Ana Ortiz' },
    eve: { email: 'eve@gmail.com', email_verified: true, name: 'Eve Outsider' },
  });
  const hub = await startHub(await openPglite(), {
    port,
    signIn: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, providerName: 'Brightlane SSO', allowedDomains: ['brightlane.agency'], newMembers: 'join' },
  });
  try {
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    await hub.store.redeemInvite(await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const options = await baton.openExtensionPage('options.html');
    await options.getByRole('textbox', { name: 'Hub address' }).fill(hub.url);

    await signInWithProvider(baton, options, 'Brightlane SSO', 'eve');
    await expect(options.getByRole('alert')).toHaveText('Sign-in with addresses at gmail.com is not allowed on this hub.', { timeout: 20_000 });
    await expect(options.getByRole('status').filter({ hasText: 'Connected to' })).toHaveCount(0);

    // Eve's session at the provider ends with her: the next person logs in afresh.
    await baton.context.clearCookies();
    const asked = await signInWithProvider(baton, options, 'Brightlane SSO', 'ana');
    await expect(options.getByRole('status').filter({ hasText: 'Connected to' })).toContainText('as Ana Ortiz (ana@brightlane.agency)', { timeout: 20_000 });
    const tokens = async () => Number((await hub.store.db.query<{ n: string }>('select count(*) as n from tokens')).rows[0]?.n);
    const before = await tokens();
    const members = await hub.store.db.query<{ email: string }>('select email from members order by created_at');
    expect(members.rows.map((m) => m.email)).toEqual(['jane@brightlane.agency', 'ana@brightlane.agency']);

    // The provider's answer to the hub, replayed (a stolen or back-buttoned address): refused, nothing issued.
    const answer = asked.find((url) => url.startsWith(`${hub.url}/v1/sign-in/callback?`));
    expect(answer).toContain('state=');
    // (Sent from here: a browser tab would keep a spare connection open that holds up the hub's close.)
    const replay = await fetch(answer!, { redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({ error: 'This sign-in was already used or has expired: start again from Baton.' });
    expect(await tokens()).toBe(before);
  } finally {
    await hub.close();
    await provider.close();
  }
});

test('an admin sees who waits for approval and approves them; approved, they join at their next sign-in', async ({ baton }) => {
  const port = await freePort();
  const provider = await startOidcProvider([`http://127.0.0.1:${port}/v1/sign-in/callback`], { ana: { email: 'ana@brightlane.agency', email_verified: true, name: 'Ana Ortiz' } });
  const hub = await startHub(await openPglite(), {
    port,
    signIn: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, providerName: 'Brightlane SSO', allowedDomains: ['brightlane.agency'], newMembers: 'approve' },
  });
  try {
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' } as const;
    await joinHub(baton, hub.url, await hub.store.createInvite(workspaceId, jane), jane);
    // Ana signs in from her own browser (played over HTTP here): she is told to wait.
    const asked = await signInOverHttp(`${hub.url}/v1/sign-in/start?${new URLSearchParams({ redirect_uri: REDIRECT, state: 'ana-browser-state-1', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' })}`, 'ana');
    expect(asked.location?.searchParams.get('error_description')).toBe('Waiting for an admin of Brightlane to approve you. Sign in again once they have.');

    const options = await baton.openExtensionPage('options.html');
    const waiting = options.getByRole('region', { name: 'Waiting for approval' });
    await expect(waiting).toContainText('Ana Ortiz', { timeout: 20_000 });
    await waiting.getByRole('button', { name: 'Approve ana@brightlane.agency' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Approved ana@brightlane.agency' })).toBeVisible();
    await expect(waiting.getByRole('button', { name: 'Approve ana@brightlane.agency' })).toHaveCount(0);

    const again = await signInOverHttp(`${hub.url}/v1/sign-in/start?${new URLSearchParams({ redirect_uri: REDIRECT, state: 'ana-browser-state-2', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' })}`, 'ana');
    expect(again.location?.searchParams.get('code')).toMatch(/^bs_/);
  } finally {
    await hub.close();
    await provider.close();
  }
});
