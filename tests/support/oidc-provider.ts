// A real OpenID Connect provider (oidc-provider, the certified implementation) on this machine, for
// the hub's sign-in tests: unit tests drive its login form over HTTP, e2e tests through a browser.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ProviderContext } from 'oidc-provider';

export interface TestAccount {
  email: string;
  email_verified: boolean;
  /** Google's Workspace domain claim, for an account of a Workspace (absent: a personal account). */
  hd?: string;
  name: string;
}

export interface TestProvider {
  /** http://127.0.0.1:<port>: the hub allows plain http for a loopback issuer only. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * Starts a provider whose one client (the hub) may return to `redirectUris`. Its login form is
 * oidc-provider's development form (any password; the login names an account of `accounts`), and
 * consent is granted at once (as Google does for a Workspace's own apps), so a sign-in is one form.
 */
export async function startOidcProvider(redirectUris: string[], accounts: Record<string, TestAccount>): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'baton-hub';
  const clientSecret = 'a-test-secret-that-is-long-enough-for-hs256';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'hd'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['baton-test-provider-cookie-key'] },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts[id];
      return account && { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    async loadExistingGrant(ctx: ProviderContext) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A cookie jar for one origin: enough to carry oidc-provider's interaction and session cookies. */
class Cookies {
  private readonly jar = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Signs in as a person does, over HTTP: from the hub's sign-in start to the provider, its login form
 * filled with `login`, and back through the hub. Returns where the hub finally sends the browser
 * (the extension's redirect, with ?code or ?error), or the hub's own refusal, and every address asked.
 */
export async function signInOverHttp(startUrl: string, login: string): Promise<{ status: number; location?: URL; body?: unknown; visited: string[] }> {
  const cookies = new Cookies();
  let url = startUrl;
  let init: RequestInit = {};
  const visited: string[] = [];
  for (let hop = 0; hop < 20; hop++) {
    visited.push(url);
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { cookie: cookies.header(), ...init.headers } });
    cookies.take(res);
    init = {};
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (!next.protocol.startsWith('http') || !next.hostname.startsWith('127.0.0.1')) return { status: res.status, location: next, visited };
      url = next.href;
      continue;
    }
    const text = await res.text();
    if (res.status === 200 && text.includes('name="login"')) {
      const action = /<form[^>]*action="([^"]+)"/.exec(text)?.[1] ?? '';
      url = new URL(action.replace(/&amp;/g, '&'), url).href;
      init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString() };
      continue;
    }
    return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text, visited };
  }
  throw new Error(`signInOverHttp: too many hops, last at ${url}`);
}
