/**
 * Sign-in through an OpenID Connect provider (Google Workspace, or any other), read once at start
 * from the environment. Half a configuration stops the hub with a message naming what is missing:
 * a hub that silently offered no sign-in, or one open to every address, would be worse.
 */
export interface SignInSettings {
  /** The provider's issuer URL (`https://accounts.google.com`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the extension's button: "Sign in with <provider>". */
  providerName: string;
  /** Lower-case email domains whose verified addresses may sign in (`agency.example`). */
  allowedDomains: readonly string[];
  /** `join`: an allowed address becomes a member on first sign-in; `approve`: it waits for an admin. */
  newMembers: 'join' | 'approve';
  /**
   * Only accounts of the agency's Google Workspace (the ID token's `hd` is the address's domain): on by
   * default for Google, where an address at the agency's domain can also be a personal Google account.
   */
  workspaceAccountsOnly?: boolean;
}

const SETTINGS = ['BATON_OIDC_ISSUER', 'BATON_OIDC_CLIENT_ID', 'BATON_OIDC_CLIENT_SECRET', 'BATON_OIDC_ALLOWED_DOMAINS'] as const;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Loopback hosts: the only ones an issuer may be reached on over plain http (a provider on this machine, as in tests). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]' || hostname === '::1';
}

/** The provider's name as people know it: Google for Google's issuer, else the issuer's host. */
function defaultProviderName(issuer: URL): string {
  return issuer.hostname === 'accounts.google.com' ? 'Google' : issuer.host;
}

function parseIssuer(raw: string): URL {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  const secure = url?.protocol === 'https:' || (url?.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!url || !secure || url.search || url.hash) throw new Error(`BATON_OIDC_ISSUER: an https:// issuer URL such as https://accounts.google.com, not "${raw}".`);
  return url;
}

function parseDomains(raw: string): string[] {
  const domains = raw
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
  const wrong = domains.find((d) => !DOMAIN.test(d));
  if (wrong !== undefined) throw new Error(`BATON_OIDC_ALLOWED_DOMAINS: "${wrong}" is not an email domain such as agency.example.`);
  if (domains.length === 0) throw new Error('BATON_OIDC_ALLOWED_DOMAINS: name at least one email domain (comma-separated) whose addresses may sign in.');
  return domains;
}

/** The sign-in settings, or null when BATON_OIDC_ISSUER and the rest are all unset (no sign-in: invites only). */
export function signInSettingsFrom(env: NodeJS.ProcessEnv): SignInSettings | null {
  const value = (name: string) => env[name]?.trim() ?? '';
  const given = SETTINGS.filter((name) => value(name) !== '');
  if (given.length === 0) return null;
  const missing = SETTINGS.filter((name) => value(name) === '');
  if (missing.length > 0) throw new Error(`Sign-in is half set: ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not. Set all of them, or none for invites only.`);
  const issuer = parseIssuer(value('BATON_OIDC_ISSUER'));
  const mode = value('BATON_OIDC_NEW_MEMBERS') || 'approve';
  if (mode !== 'join' && mode !== 'approve') throw new Error(`BATON_OIDC_NEW_MEMBERS: "join" (an allowed address becomes a member at once) or "approve" (an admin approves each newcomer), not "${mode}".`);
  return {
    issuer: issuer.href.replace(/\/$/, ''),
    clientId: value('BATON_OIDC_CLIENT_ID'),
    clientSecret: value('BATON_OIDC_CLIENT_SECRET'),
    providerName: value('BATON_OIDC_PROVIDER_NAME') || defaultProviderName(issuer),
    allowedDomains: parseDomains(value('BATON_OIDC_ALLOWED_DOMAINS')),
    newMembers: mode,
    workspaceAccountsOnly: issuer.hostname === 'accounts.google.com',
  };
}
