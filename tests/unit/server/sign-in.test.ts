/* eslint-disable @typescript-eslint/no-explicit-any -- hub answers are parsed JSON, checked by the tests */
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { redirectAllowed } from '../../../server/sign-in-routes';
import { startHub, type Hub } from '../../../server/server';
import type { SignInSettings } from '../../../server/sign-in-settings';
import { signInOverHttp, startOidcProvider, type TestAccount, type TestProvider } from '../../support/oidc-provider';
import { databases, freshDb, join, type Member } from './hub-harness';
import { freePort } from './hub-process';

const ACCOUNTS: Record<string, TestAccount> = {
  ana: { email: 'Ana@Brightlane.Agency', email_verified: true, name: 'Ana Ortiz' },
  ben: { email: 'ben@brightlane.agency', email_verified: false, name: 'Ben Unverified' },
  eve: { email: 'eve@gmail.com', email_verified: true, name: 'Eve Outsider' },
  // Google Workspace: Wes's account is the agency's; Pat's is a personal Google account at the same address domain.
  wes: { email: 'wes@brightlane.agency', email_verified: true, name: 'Wes Workspace', hd: 'brightlane.agency' },
  pat: { email: 'pat@brightlane.agency', email_verified: true, name: 'Pat Personal' },
};
/** Chrome's identity.getRedirectURL() for an extension (an id is 32 letters a–p). */
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of started.splice(0).reverse()) await s.close().catch(() => undefined);
});

/** What the extension does: its own state and PKCE verifier, and the start address it opens. */
function extensionSignIn(hub: Hub, redirect = REDIRECT) {
  const state = randomBytes(16).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const start = `${hub.url}/v1/sign-in/start?${new URLSearchParams({ redirect_uri: redirect, state, code_challenge: challenge, code_challenge_method: 'S256' })}`;
  return { state, verifier, start };
}

const trade = async (hub: Hub, code: string, verifier: string) => {
  const res = await fetch(`${hub.url}/v1/sign-in/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, code_verifier: verifier }) });
  return { status: res.status, body: (await res.json()) as any };
};

describe.each(databases())('sign-in through an OpenID provider on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  /** A hub offering sign-in through a real local provider, with its admin Jane joined by invite. */
  async function hubWithProvider(newMembers: 'join' | 'approve', workspaceAccountsOnly = false): Promise<{ hub: Hub; jane: Member; provider: TestProvider }> {
    const port = await freePort();
    const provider = await startOidcProvider([`http://127.0.0.1:${port}/v1/sign-in/callback`], ACCOUNTS);
    started.push(provider);
    const signIn: SignInSettings = { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, providerName: 'Brightlane SSO', allowedDomains: ['brightlane.agency'], newMembers, workspaceAccountsOnly };
    const hub = await startHub((await freshDb(kind, url)).db, { port, signIn });
    started.push(hub);
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    return { hub, jane, provider };
  }

  /** Signs in as `login` from the extension; the hub's answer at the extension's redirect. */
  async function signIn(hub: Hub, login: string) {
    const flow = extensionSignIn(hub);
    const done = await signInOverHttp(flow.start, login);
    expect(done.location?.origin).toBe(new URL(REDIRECT).origin);
    const params = done.location!.searchParams;
    expect(params.get('state')).toBe(flow.state);
    return { ...flow, params, visited: done.visited };
  }

  it('tells anyone which provider it signs in with at /v1/hub, and an allowed address joins at its first sign-in (join mode)', async () => {
    const { hub, jane } = await hubWithProvider('join');
    expect(await (await fetch(`${hub.url}/v1/hub`)).json()).toMatchObject({ name: 'Brightlane', signIn: { provider: 'Brightlane SSO' } });
    const ana = await signIn(hub, 'ana');
    expect(ana.params.get('error_description')).toBeNull();
    const code = ana.params.get('code')!;
    const joined = await trade(hub, code, ana.verifier);
    expect(joined.status).toBe(200);
    expect(joined.body.member).toMatchObject({ name: 'Ana Ortiz', email: 'ana@brightlane.agency', role: 'member' });
    const me = await fetch(`${hub.url}/v1/me`, { headers: { authorization: `Bearer ${joined.body.token}` } });
    expect((await me.json()).member.email).toBe('ana@brightlane.agency');
    // Jane's browser hears of Ana through the log, as of any member who joins.
    const { body } = await jane.call('/v1/events?after=0');
    expect(body.events.map((e: any) => e.event.type)).toContain('member.added');
    // The code is spent: a second trade is refused.
    expect((await trade(hub, code, ana.verifier)).status).toBe(404);
    // Ana again (a new browser): a new token for the same member.
    const again = await signIn(hub, 'ana');
    const second = await trade(hub, again.params.get('code')!, again.verifier);
    expect(second.body.member.id).toBe(joined.body.member.id);
    expect(second.body.token).not.toBe(joined.body.token);
  });

  it('holds a newcomer for an admin’s approval (approve mode); approved, their next sign-in joins', async () => {
    const { hub, jane } = await hubWithProvider('approve');
    const first = await signIn(hub, 'ana');
    expect(first.params.get('code')).toBeNull();
    expect(first.params.get('error_description')).toBe('Waiting for an admin of Brightlane to approve you. Sign in again once they have.');
    const listed = await jane.call('/v1/join-requests');
    expect(listed.body.requests).toEqual([expect.objectContaining({ email: 'ana@brightlane.agency', name: 'Ana Ortiz', status: 'pending' })]);
    const waiting = await signIn(hub, 'ana');
    expect(waiting.params.get('error_description')).toMatch(/^Waiting for an admin/);
    expect((await jane.call(`/v1/join-requests/${listed.body.requests[0].id}/approve`, { method: 'POST' })).body.requests).toEqual([]);
    const approved = await signIn(hub, 'ana');
    const joined = await trade(hub, approved.params.get('code')!, approved.verifier);
    expect(joined.body.member).toMatchObject({ email: 'ana@brightlane.agency', role: 'member' });
    // Only admins see or decide: Ana, a member now, may not.
    const asAna = await fetch(`${hub.url}/v1/join-requests`, { headers: { authorization: `Bearer ${joined.body.token}` } });
    expect(asAna.status).toBe(403);
  });

  it('lets someone an admin invited in at once (approve mode), in the invite’s role, and spends the invite', async () => {
    const { hub, jane } = await hubWithProvider('approve');
    const [workspace] = await hub.store.workspaces();
    const invite = await hub.store.createInvite(workspace!.id, { email: 'ana@brightlane.agency', name: 'Ana', role: 'admin' });
    const ana = await signIn(hub, 'ana');
    expect(ana.params.get('error_description')).toBeNull();
    const joined = await trade(hub, ana.params.get('code')!, ana.verifier);
    expect(joined.body.member).toMatchObject({ name: 'Ana Ortiz', email: 'ana@brightlane.agency', role: 'admin' });
    expect((await jane.call('/v1/join-requests')).body.requests).toEqual([]);
    const redeem = await fetch(`${hub.url}/v1/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: invite }) });
    expect(redeem.status).toBe(404);
  });

  it('lets the first admin, invited at the hub’s first start, found the workspace by signing in', async () => {
    const port = await freePort();
    const provider = await startOidcProvider([`http://127.0.0.1:${port}/v1/sign-in/callback`], ACCOUNTS);
    started.push(provider);
    const hub = await startHub((await freshDb(kind, url)).db, { port, signIn: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, providerName: 'Google', allowedDomains: ['brightlane.agency'], newMembers: 'approve' } });
    started.push(hub);
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    await hub.store.createInvite(workspaceId, { email: 'ana@brightlane.agency', name: 'Admin', role: 'admin' });
    const ana = await signIn(hub, 'ana');
    const joined = await trade(hub, ana.params.get('code')!, ana.verifier);
    expect(joined.body.member).toMatchObject({ name: 'Ana Ortiz', role: 'admin' });
    const log = await fetch(`${hub.url}/v1/events?after=0`, { headers: { authorization: `Bearer ${joined.body.token}` } });
    // The founding join creates the workspace with the default workflow rules.
    expect((await log.json()).events.map((e: any) => e.event.type)).toEqual(['workspace.created', 'rule.saved', 'rule.saved']);
  });

  it('refuses an address at a domain the hub does not allow, and one the provider has not verified', async () => {
    const { hub, jane } = await hubWithProvider('approve');
    const eve = await signIn(hub, 'eve');
    expect(eve.params.get('code')).toBeNull();
    expect(eve.params.get('error')).toBe('access_denied');
    expect(eve.params.get('error_description')).toBe('Sign-in with addresses at gmail.com is not allowed on this hub.');
    const ben = await signIn(hub, 'ben');
    expect(ben.params.get('code')).toBeNull();
    expect(ben.params.get('error_description')).toBe('Brightlane SSO has not verified ben@brightlane.agency: verify it there, then sign in again.');
    // Neither waits for approval.
    expect((await jane.call('/v1/join-requests')).body.requests).toEqual([]);
  });

  it('lets only the agency’s own Google Workspace accounts in where it must (hd), not a personal account at the same domain', async () => {
    const { hub } = await hubWithProvider('join', true);
    const pat = await signIn(hub, 'pat');
    expect(pat.params.get('code')).toBeNull();
    expect(pat.params.get('error_description')).toBe('pat@brightlane.agency is not an account of the brightlane.agency Google Workspace: sign in with your work account.');
    expect((await signIn(hub, 'wes')).params.get('code')).toMatch(/^bs_/);
  });

  it('lets one address begin only so many sign-ins a minute: nobody fills the hub with pending sign-ins', async () => {
    const { hub } = await hubWithProvider('join');
    const begin = () => fetch(extensionSignIn(hub).start, { redirect: 'manual' });
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push((await begin()).status);
    expect(answers.slice(0, 30).every((status) => status === 302)).toBe(true);
    expect(answers[30]).toBe(429);
    const { rows } = await hub.store.db.query<{ n: string }>('select count(*) as n from sign_ins');
    expect(Number(rows[0]?.n)).toBe(30);
  });

  it('refuses a replayed state: each sign-in the hub began answers once', async () => {
    const { hub } = await hubWithProvider('join');
    const ana = await signIn(hub, 'ana');
    const callback = ana.visited.find((u) => u.includes('/v1/sign-in/callback'))!;
    expect(callback).toContain('state=');
    const replay = await fetch(callback, { redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(replay.headers.get('location')).toBeNull();
    expect((await replay.json()).error).toBe('This sign-in was already used or has expired: start again from Baton.');
  });

  it('gives a token only to the browser that began the sign-in (its code verifier), once', async () => {
    const { hub } = await hubWithProvider('join');
    const ana = await signIn(hub, 'ana');
    const code = ana.params.get('code')!;
    const wrong = await trade(hub, code, randomBytes(32).toString('base64url'));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatch(/code verifier does not match/);
    expect(wrong.body.token).toBeUndefined();
    // A wrong try spends the code: the right verifier comes too late.
    expect((await trade(hub, code, ana.verifier)).status).toBe(404);
  });

  it('sends a sign-in back only to a browser extension’s own redirect address', async () => {
    const { hub } = await hubWithProvider('join');
    for (const redirect of ['https://evil.example/', 'http://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/', 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org.evil.example/', 'https://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.chromiumapp.org/', 'https://0123abcd.extensions.allizom.org/']) {
      const res = await fetch(extensionSignIn(hub, redirect).start, { redirect: 'manual' });
      expect(res.status, redirect).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect((await res.json()).error).toMatch(/^redirect_uri: only a browser extension’s own redirect/);
    }
    // Firefox's: the SHA-1 of the add-on id, in hex.
    const firefox = await fetch(extensionSignIn(hub, 'https://0123456789abcdef0123456789abcdef01234567.extensions.allizom.org/').start, { redirect: 'manual' });
    expect(firefox.status).toBe(302);
  });
});

describe('a hub that names its extensions (BATON_ALLOWED_ORIGINS)', () => {
  it('ends a sign-in only at a listed Chrome extension; Firefox’s redirect only when a Firefox origin is listed', () => {
    const ours = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    expect(redirectAllowed('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/', [ours])).toBe(true);
    expect(redirectAllowed('https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/', [ours])).toBe(false);
    expect(redirectAllowed('https://0123456789abcdef0123456789abcdef01234567.extensions.allizom.org/', [ours])).toBe(false);
    expect(redirectAllowed('https://0123456789abcdef0123456789abcdef01234567.extensions.allizom.org/', [ours, 'moz-extension://5c1b7e2a-0000-4000-8000-000000000000'])).toBe(true);
    expect(redirectAllowed('https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/', undefined)).toBe(true);
  });

  it('answers another extension’s sign-in with a 403 and sends it nowhere', async () => {
    const signIn: SignInSettings = { issuer: 'http://127.0.0.1:9', clientId: 'hub', clientSecret: 'secret', providerName: 'Brightlane SSO', allowedDomains: ['brightlane.agency'], newMembers: 'join' };
    const hub = await startHub((await freshDb('pglite')).db, { port: 0, signIn, allowedOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'] });
    started.push(hub);
    const res = await fetch(extensionSignIn(hub, 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/').start, { redirect: 'manual' });
    expect(res.status).toBe(403);
    expect(res.headers.get('location')).toBeNull();
  });
});

describe('a hub without sign-in', () => {
  it('says so at /v1/hub and has no sign-in routes', async () => {
    const hub = await startHub((await freshDb('pglite')).db, { port: 0, signIn: null });
    started.push(hub);
    await hub.store.createWorkspace('Brightlane');
    expect(await (await fetch(`${hub.url}/v1/hub`)).json()).toMatchObject({ name: 'Brightlane', signIn: null });
    expect((await fetch(`${hub.url}/v1/sign-in/start`, { redirect: 'manual' })).status).toBe(401);
  });
});

describe('a hub whose provider cannot be reached', () => {
  it('starts all the same and says so at sign-in, without sending the browser anywhere', { timeout: 30_000 }, async () => {
    const closedPort = await freePort();
    const signIn: SignInSettings = { issuer: `http://127.0.0.1:${closedPort}`, clientId: 'baton-hub', clientSecret: 'x', providerName: 'Google', allowedDomains: ['brightlane.agency'], newMembers: 'join' };
    const hub = await startHub((await freshDb('pglite')).db, { port: 0, signIn });
    started.push(hub);
    const res = await fetch(extensionSignIn(hub).start, { redirect: 'manual' });
    expect(res.status).toBe(502);
    expect(res.headers.get('location')).toBeNull();
    expect((await res.json()).error).toBe('The hub cannot reach Google right now: try again in a minute, or ask your admin to check BATON_OIDC_ISSUER.');
  });
});
