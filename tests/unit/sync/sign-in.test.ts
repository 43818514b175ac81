import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from '../../../server/db';
import { startHub, type Hub } from '../../../server/server';
import { exchangeSignInCode, fetchHubInfo, signInThroughHub, type WebAuthFlow } from '../../../lib/sync/sign-in';
import { signInOverHttp, startOidcProvider } from '../../support/oidc-provider';
import { freePort } from '../server/hub-process';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of started.splice(0).reverse()) await s.close().catch(() => undefined);
});

/** The browser's sign-in window, played over HTTP: the person logs in as `login`. */
const windowFor = (login: string, rewrite: (url: URL) => URL = (u) => u): WebAuthFlow => ({
  redirectUrl: () => REDIRECT,
  async launch(url) {
    const done = await signInOverHttp(url, login);
    if (!done.location) throw new Error(`the window stayed on a page (${done.status})`);
    return rewrite(done.location).href;
  },
});

async function hubWithProvider(): Promise<Hub> {
  const port = await freePort();
  const provider = await startOidcProvider([`http://127.0.0.1:${port}/v1/sign-in/callback`], {
    ana: { email: 'ana@brightlane.agency', email_verified: true, name: 'Ana Ortiz' },
    eve: { email: 'eve@gmail.com', email_verified: true, name: 'Eve Outsider' },
  });
  started.push(provider);
  const hub = await startHub(await openPglite(), { port, signIn: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, providerName: 'Google', allowedDomains: ['brightlane.agency'], newMembers: 'join' } });
  started.push(hub);
  const workspaceId = await hub.store.createWorkspace('Brightlane');
  await hub.store.redeemInvite(await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
  return hub;
}

describe('the extension’s sign-in through the hub', { timeout: 60_000 }, () => {
  it('learns the hub’s provider, signs in with its own PKCE verifier and trades the hub’s code for a member token', async () => {
    const hub = await hubWithProvider();
    expect(await fetchHubInfo(hub.url)).toMatchObject({ ok: true, data: { name: 'Brightlane', signIn: { provider: 'Google' } } });
    const signedIn = await signInThroughHub(hub.url, windowFor('ana'));
    if (!signedIn.ok) throw new Error(signedIn.problem.message);
    const joined = await exchangeSignInCode(hub.url, signedIn.data.code, signedIn.data.verifier);
    expect(joined).toMatchObject({ ok: true, data: { member: { name: 'Ana Ortiz', email: 'ana@brightlane.agency' } } });
  });

  it('shows the hub’s refusal in its own words, and never trades an answer that is not this sign-in’s', async () => {
    const hub = await hubWithProvider();
    expect(await signInThroughHub(hub.url, windowFor('eve'))).toEqual({ ok: false, problem: { code: 'hub-refused', message: 'Sign-in with addresses at gmail.com is not allowed on this hub.' } });
    const otherState = (url: URL) => (url.searchParams.set('state', 'someone-elses-state'), url);
    const forged = await signInThroughHub(hub.url, windowFor('ana', otherState));
    expect(forged).toMatchObject({ ok: false, problem: { message: 'The hub’s answer did not belong to this sign-in. Try again.' } });
    const closed = await signInThroughHub(hub.url, { redirectUrl: () => REDIRECT, launch: () => Promise.reject(new Error('The user did not approve access.')) });
    expect(closed).toMatchObject({ ok: false, problem: { message: 'Sign-in did not finish (The user did not approve access.). Try again.' } });
  });
});
