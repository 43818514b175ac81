import * as client from 'openid-client';
import type { Context, Hono } from 'hono';
import { z } from '../lib/model/zod';
import type { Throttled } from './app';
import { HUB_VERSION } from './hub-page';
import { InviteError } from './invite-error';
import { OidcClient, type ProviderAnswer } from './oidc-client';
import type { SignInSettings } from './sign-in-settings';
import { type PendingSignIn, s256, SignInStore } from './sign-in-store';
import type { Caller, HubStore } from './store';

type App = Hono<{ Variables: { caller: Caller } }>;

export interface SignInRouteOptions {
  store: HubStore;
  signIn: SignInSettings | null;
  publicUrl?: string;
  /** Charges guesses at one-time codes to the caller's address, as invite redemption does. */
  guard: Throttled;
  log: (entry: Record<string, unknown>) => void;
  /** BATON_ALLOWED_ORIGINS: where set, only those extensions may end a sign-in here (a rogue one gets no code). */
  allowedOrigins?: readonly string[];
}

/**
 * Whether the extension a redirect belongs to is one BATON_ALLOWED_ORIGINS lets call the hub. Chrome's
 * redirect names the extension's id (`chrome-extension://<id>`); Firefox's is a hash of the add-on id,
 * not its per-install origin, so a list naming a Firefox origin lets Firefox's redirects through.
 */
export function redirectAllowed(redirect: string, allowedOrigins: readonly string[] | undefined): boolean {
  if (!allowedOrigins) return true;
  const chrome = /^https:\/\/([a-p]{32})\.chromiumapp\.org\//.exec(redirect);
  if (chrome) return allowedOrigins.includes(`chrome-extension://${chrome[1]}`);
  return allowedOrigins.some((origin) => origin.startsWith('moz-extension://'));
}

/**
 * Where a browser extension's identity.launchWebAuthFlow ends: Chrome's `https://<extension id>.chromiumapp.org/…`
 * (an id is 32 letters a–p) and Firefox's `https://<SHA-1 of the add-on id, hex>.extensions.allizom.org/…`. Nothing else: the
 * hub must never send a sign-in's code to an address a stranger chose.
 */
const EXTENSION_REDIRECT = /^https:\/\/(?:[a-p]{32}\.chromiumapp\.org|[0-9a-f]{40}\.extensions\.allizom\.org)\/[\w\-./~%]*$/;
const StartSchema = z.object({
  redirect_uri: z.string().max(300).regex(EXTENSION_REDIRECT, 'redirect_uri: only a browser extension’s own redirect (identity.getRedirectURL()) is accepted.'),
  state: z.string().regex(/^[\w-]{16,200}$/, 'state: 16 to 200 URL-safe characters.'),
  code_challenge: z.string().regex(/^[\w-]{43}$/, 'code_challenge: the S256 challenge of your code verifier (43 base64url characters).'),
  code_challenge_method: z.literal('S256').optional(),
});
const TokenSchema = z.object({ code: z.string().min(10).max(200), code_verifier: z.string().regex(/^[\w\-.~]{43,128}$/) });
const STALE_SIGN_IN = 'This sign-in was already used or has expired: start again from Baton.';

/** The person is sent back to the extension with a code, or with an error it shows them verbatim. */
type Outcome = { code: string } | { error: string; description: string };

/** The hub's public face for sign-in: GET /v1/hub, and the sign-in itself when the hub offers one. */
export function routeSignIn(app: App, options: SignInRouteOptions): void {
  const { store, signIn } = options;
  app.get('/v1/hub', async (c) => {
    const [workspace] = await store.workspaces();
    return c.json({ name: workspace?.name ?? 'Baton hub', version: HUB_VERSION, signIn: signIn ? { provider: signIn.providerName } : null });
  });
  if (!signIn) return;
  const oidc = new OidcClient(signIn);
  const signIns = new SignInStore(store.db);
  const callbackUrl = (c: Context) => `${options.publicUrl ?? new URL(c.req.url).origin}/v1/sign-in/callback`;

  // Each start stores a pending sign-in: charged to the address like a failed invite (30 a minute by
  // default), so no one fills the table; a person starts one or two.
  app.get('/v1/sign-in/start', (c) => options.guard(c, async () => ({ ok: false, response: await start(c) })));
  const start = async (c: Context) => {
    const asked = StartSchema.safeParse(c.req.query());
    if (!asked.success) return c.json({ error: asked.error.issues[0]?.message ?? 'Start sign-in from Baton.' }, 400);
    if (!redirectAllowed(asked.data.redirect_uri, options.allowedOrigins)) return c.json({ error: 'redirect_uri: this hub lets only its agency’s Baton (BATON_ALLOWED_ORIGINS) sign people in.' }, 403);
    const state = client.randomState();
    const pending: PendingSignIn = { nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), redirectUri: asked.data.redirect_uri, clientState: asked.data.state, codeChallenge: asked.data.code_challenge };
    const to = await oidc.authorizationUrl(callbackUrl(c), { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier }).catch((error: unknown) => {
      options.log({ level: 'error', msg: 'provider discovery failed', issuer: signIn.issuer, error: error instanceof Error ? error.message : String(error) });
      return undefined;
    });
    if (!to) return c.json({ error: `The hub cannot reach ${signIn.providerName} right now: try again in a minute, or ask your admin to check BATON_OIDC_ISSUER.` }, 502);
    await signIns.begin(state, pending);
    return c.redirect(to.href, 302);
  };

  app.get('/v1/sign-in/callback', async (c) => {
    const pending = await signIns.finish(c.req.query('state') ?? '');
    if (!pending) return c.json({ error: STALE_SIGN_IN }, 400);
    const outcome = await answerProvider(c, { ...options, signIn, oidc, signIns, pending, callback: callbackUrl(c) });
    const back = new URL(pending.redirectUri);
    if ('code' in outcome) back.searchParams.set('code', outcome.code);
    else {
      back.searchParams.set('error', outcome.error);
      back.searchParams.set('error_description', outcome.description);
    }
    back.searchParams.set('state', pending.clientState);
    return c.redirect(back.href, 302);
  });

  app.post('/v1/sign-in/token', async (c) => {
    const body = TokenSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'Send {"code": "<the hub’s sign-in code>", "code_verifier": "<your PKCE verifier>"}.' }, 400);
    return options.guard(c, () => tradeCode(c, store, signIns, body.data));
  });
}

interface CallbackContext extends SignInRouteOptions {
  signIn: SignInSettings;
  oidc: OidcClient;
  signIns: SignInStore;
  pending: PendingSignIn;
  callback: string;
}

/** What the provider's answer comes to: verified, then the person admitted (a code), held for approval or refused. */
async function answerProvider(c: Context, ctx: CallbackContext): Promise<Outcome> {
  const { signIn, pending } = ctx;
  const said = c.req.query('error');
  if (said) return { error: said, description: c.req.query('error_description') ?? `${signIn.providerName} did not sign you in (${said}).` };
  const current = new URL(ctx.callback);
  current.search = new URL(c.req.url).search;
  let answer: ProviderAnswer;
  try {
    answer = await ctx.oidc.verify(current, { state: c.req.query('state') ?? '', nonce: pending.nonce, codeVerifier: pending.codeVerifier });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.log({ level: 'warn', msg: 'sign-in not verified', error: reason });
    return { error: 'access_denied', description: `The hub could not verify your sign-in with ${signIn.providerName}: ${reason}` };
  }
  return admit(answer, ctx);
}

/** A verified person: a member or a newcomer the hub's settings let in gets a one-time code; others are told why not. */
async function admit(answer: ProviderAnswer, ctx: CallbackContext): Promise<Outcome> {
  const { email } = answer;
  if (!answer.emailVerified) return { error: 'access_denied', description: `${ctx.signIn.providerName} has not verified ${email}: verify it there, then sign in again.` };
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (!ctx.signIn.allowedDomains.includes(domain)) return { error: 'access_denied', description: `Sign-in with addresses at ${domain} is not allowed on this hub.` };
  // Google: an address at the agency's domain may also be a personal Google account (someone who left
  // can keep one); only the Workspace's own accounts carry its domain in `hd`.
  if (ctx.signIn.workspaceAccountsOnly && answer.hostedDomain !== domain) return { error: 'access_denied', description: `${email} is not an account of the ${domain} Google Workspace: sign in with your work account.` };
  const [workspace] = await ctx.store.workspaces();
  if (!workspace) return { error: 'server_error', description: 'This hub has no workspace yet: start it once with `npm run hub`.' };
  const person = { workspaceId: workspace.id, email, name: answer.name ?? email.slice(0, email.lastIndexOf('@')) };
  // A member, or someone an admin invited (the invite is the admin's approval), never waits.
  const known = (await ctx.signIns.isMember(workspace.id, email)) || (await ctx.signIns.invitedRole(workspace.id, email)) !== undefined;
  if (!known && ctx.signIn.newMembers === 'approve') {
    const request = await ctx.signIns.joinRequest(workspace.id, email);
    if (request?.status !== 'approved') {
      await ctx.signIns.requestToJoin(workspace.id, email, person.name);
      return { error: 'access_denied', description: `Waiting for an admin of ${workspace.name} to approve you. Sign in again once they have.` };
    }
  }
  return { code: await ctx.signIns.issueCode(person, ctx.pending.codeChallenge) };
}

/**
 * The extension's one-time code, with the verifier of the challenge it began with, becomes a member
 * token exactly as an invite does (a one-time invite made and redeemed at once): a newcomer joins
 * through the log (in the role a pending invite for their address offers, else as a member; that
 * invite is spent), a member (same address) gets a new token for the same member id.
 */
async function tradeCode(c: Context, store: HubStore, signIns: SignInStore, body: { code: string; code_verifier: string }) {
  const person = await signIns.redeemCode(body.code);
  if (!person) return { ok: false, response: c.json({ error: 'That sign-in code is unknown, expired or was already used: sign in again.' }, 404) };
  if (s256(body.code_verifier) !== person.codeChallenge) return { ok: false, response: c.json({ error: 'That sign-in code was given to another sign-in (the code verifier does not match): sign in again.' }, 400) };
  try {
    const role = (await signIns.invitedRole(person.workspaceId, person.email)) ?? 'member';
    const invite = await store.invite(person.workspaceId, { email: person.email, name: person.name, role });
    // Made for this sign-in alone: one that cannot be redeemed must not wait on the admins' list.
    const joined = await store.redeemInvite(invite.code).catch(async (error: unknown) => {
      await store.revokeInvite(person.workspaceId, invite.id);
      throw error;
    });
    if (!joined) throw new InviteError('The sign-in could not be completed: sign in again.');
    await signIns.spendInvites(person.workspaceId, person.email);
    return { ok: true, response: c.json({ token: joined.token, member: joined.member, workspaceId: joined.workspaceId }) };
  } catch (error) {
    if (error instanceof InviteError) return { ok: false, response: c.json({ error: error.message }, 409) };
    throw error;
  }
}
