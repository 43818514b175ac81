import * as client from 'openid-client';
import { isLoopbackHost, type SignInSettings } from './sign-in-settings';

/** What the hub learned from the provider about the person who signed in. */
export interface ProviderAnswer {
  email: string;
  emailVerified: boolean;
  /** Google's `hd`: the Workspace domain of the account, absent for a personal Google account. */
  hostedDomain?: string;
  name?: string;
}

/** The claims the hub needs, from the ID token or else the userinfo endpoint (a provider may keep them there). */
interface Claims {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

/**
 * The hub as the provider's OpenID client. The provider's metadata is fetched on first use (and again
 * after a failure), so a hub starts even while the provider cannot be reached.
 */
export class OidcClient {
  private config: Promise<client.Configuration> | undefined;

  constructor(private readonly settings: SignInSettings) {}

  private configuration(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const url = new URL(issuer);
    // Plain http only to a provider on this machine (SignInSettings refuses it for any other host).
    const execute = url.protocol === 'http:' && isLoopbackHost(url.hostname) ? [client.allowInsecureRequests] : [];
    this.config ??= client.discovery(url, clientId, clientSecret, undefined, { execute }).catch((error: unknown) => {
      this.config = undefined;
      throw error;
    });
    return this.config;
  }

  /** The provider's authorization URL for this sign-in (code flow, PKCE S256, state and nonce). */
  async authorizationUrl(callback: string, checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL> {
    const config = await this.configuration();
    return client.buildAuthorizationUrl(config, {
      redirect_uri: callback,
      scope: 'openid email profile',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * Trades the provider's code for tokens and checks them (state, nonce, PKCE, the ID token's issuer,
   * audience, expiry and signature: openid-client's authorizationCodeGrant), then reads the person's
   * address from the ID token, or from userinfo for the same subject.
   */
  async verify(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<ProviderAnswer> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, { expectedState: checks.state, expectedNonce: checks.nonce, pkceCodeVerifier: checks.codeVerifier, idTokenExpected: true });
    let claims: Claims = tokens.claims()!;
    // Some providers put the address, or whether it is verified, only in userinfo.
    if (typeof claims.email !== 'string' || claims.email_verified === undefined) claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)) };
    if (typeof claims.email !== 'string') throw new Error(`${this.settings.providerName} did not tell the hub your email address.`);
    return {
      email: claims.email.trim().toLowerCase(),
      emailVerified: claims.email_verified === true,
      hostedDomain: hostedDomainOf(claims),
      name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : undefined,
    };
  }
}

/** Google's `hd` claim (not in the standard claims' type). */
function hostedDomainOf(claims: object): string | undefined {
  const hd = (claims as { hd?: unknown }).hd;
  return typeof hd === 'string' ? hd.toLowerCase() : undefined;
}
