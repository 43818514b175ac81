// Signing in to a team hub through its OpenID Connect provider (Google Workspace, or any other). The
// hub is the provider's client: this browser never sees the provider's tokens, only a one-time code
// from the hub, which it trades for a member token with the PKCE verifier only it holds.
import { browser } from 'wxt/browser';
import type { Member } from '../model/member';
import { failure, type Result, succeed } from '../result';
import { call, type HubConnection, hubUrl } from './hub-client';

/** What a hub tells anyone about itself (GET /v1/hub). */
export interface HubInfo {
  name: string;
  version: string;
  /** The provider a person signs in with, or null: invites only. */
  signIn: { provider: string } | null;
}

/** The browser's part of the flow: a window for the provider's pages, and where it must end. */
export interface WebAuthFlow {
  redirectUrl(): string;
  /** Opens `url` in a window until it reaches the redirect URL; that URL, or a rejection when closed or failed. */
  launch(url: string): Promise<string | undefined>;
}

const browserFlow: WebAuthFlow = {
  redirectUrl: () => browser.identity.getRedirectURL(),
  launch: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
};

export function fetchHubInfo(base: string) {
  return call<HubInfo>(hubUrl(base, 'v1/hub'));
}

/** Trades the hub's one-time sign-in code (with this sign-in's verifier) for a member token, as an invite is redeemed. */
export function exchangeSignInCode(base: string, code: string, verifier: string) {
  return call<{ token: string; member: Member; workspaceId: string }>(hubUrl(base, 'v1/sign-in/token'), { method: 'POST', body: JSON.stringify({ code, code_verifier: verifier }), notFound: 'invite-spent' });
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomText = (size: number) => base64url(crypto.getRandomValues(new Uint8Array(size)));

/** The S256 challenge of a PKCE verifier (RFC 7636). */
export async function pkceChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/**
 * Runs the sign-in in the browser's sign-in window: the hub's start address (with this browser's
 * redirect, state and PKCE challenge), the provider's pages, and back. Answers the hub's one-time code
 * with the verifier to trade it with, or the hub's (or provider's) reason in its own words.
 */
export async function signInThroughHub(base: string, flow: WebAuthFlow = browserFlow): Promise<Result<{ code: string; verifier: string }>> {
  const verifier = randomText(32);
  const state = randomText(16);
  const params = new URLSearchParams({ redirect_uri: flow.redirectUrl(), state, code_challenge: await pkceChallenge(verifier), code_challenge_method: 'S256' });
  let answer: string | undefined;
  try {
    answer = await flow.launch(hubUrl(base, `v1/sign-in/start?${params}`));
  } catch (error) {
    return failure('unavailable', `Sign-in did not finish (${error instanceof Error ? error.message : String(error)}). Try again.`);
  }
  const back = answer && URL.canParse(answer) ? new URL(answer).searchParams : undefined;
  // An answer to another sign-in (or none at all) is never traded.
  if (!back || back.get('state') !== state) return failure('hub-refused', 'The hub’s answer did not belong to this sign-in. Try again.');
  const error = back.get('error');
  if (error) return failure('hub-refused', back.get('error_description') ?? `Sign-in was refused (${error}).`);
  const code = back.get('code');
  return code ? succeed({ code, verifier }) : failure('hub-refused', 'The hub answered without a sign-in code. Try again.');
}

/** Someone who signed in with an allowed address and waits for an admin (the hub's BATON_OIDC_NEW_MEMBERS=approve). */
export interface JoinRequest {
  id: string;
  email: string;
  name: string;
  requestedAt: string;
}

export function fetchJoinRequests(hub: HubConnection) {
  return call<{ requests: JoinRequest[] }>(hubUrl(hub.url, 'v1/join-requests'), { token: hub.token });
}

/** Approves (they join at their next sign-in) or declines a request; answers those still waiting. */
export function decideJoinRequest(hub: HubConnection, id: string, decision: 'approve' | 'decline') {
  return call<{ requests: JoinRequest[] }>(hubUrl(hub.url, `v1/join-requests/${encodeURIComponent(id)}/${decision}`), { method: 'POST', token: hub.token, body: '{}' });
}
