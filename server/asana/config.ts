import type { FiredRules } from '../reactors/fire-rules';
import type { ReactorContext } from '../reactors/reactor';
import { AsanaClient, DEFAULT_ASANA_BASE_URL } from './client';
import { secretBox, type SecretBox } from '../secrets';
import type { AsanaRuleTrigger } from './triggers';

/** The rules engine (server/reactors/fire-rules.ts) on one Asana trigger: drafts started, rules skipped and why. */
export type FireRules = (ctx: ReactorContext, workspaceId: string, trigger: AsanaRuleTrigger) => Promise<FiredRules>;

export interface AsanaHubOptions {
  /** Asana's API base; by default BATON_ASANA_BASE_URL, else https://app.asana.com/api/1.0 (tests: the local Asana). */
  baseUrl?: string;
  /** Seconds between two polls of a project's Events API; by default BATON_ASANA_POLL_SECONDS, else 60. */
  pollSeconds?: number;
  /** How long one Asana call may take. */
  timeoutMs?: number;
  /** Hands an Asana change to the rules (the lead wires server/reactors/fire-rules.ts). */
  fireRules?: FireRules;
  /** Create webhooks on an http or private address too (tests against the local Asana; Asana itself refuses them). */
  allowPrivateWebhookTargets?: boolean;
  /** Seals the token and webhook secrets at rest; by default BATON_SECRET_KEY. */
  secretKey?: string;
}

export interface AsanaConfig {
  baseUrl: string;
  pollMs: number;
  timeoutMs: number;
  fireRules: FireRules;
  box: SecretBox;
  /** Where Asana posts webhook deliveries (`<publicUrl>/hooks/asana/<id>`); undefined: poll only. */
  hookBase?: string;
}

const DEFAULT_POLL_SECONDS = 60;

export function asanaConfig(options: AsanaHubOptions, publicUrl: string | undefined, env: NodeJS.ProcessEnv, fallbackFire: FireRules): AsanaConfig {
  const poll = options.pollSeconds ?? Number(env.BATON_ASANA_POLL_SECONDS ?? DEFAULT_POLL_SECONDS);
  return {
    baseUrl: options.baseUrl ?? (env.BATON_ASANA_BASE_URL?.trim() || DEFAULT_ASANA_BASE_URL),
    pollMs: Math.max(0.05, Number.isFinite(poll) && poll > 0 ? poll : DEFAULT_POLL_SECONDS) * 1000,
    timeoutMs: options.timeoutMs ?? 15_000,
    fireRules: options.fireRules ?? fallbackFire,
    box: secretBox(options.secretKey ?? env.BATON_SECRET_KEY),
    hookBase: webhookBase(publicUrl, options.allowPrivateWebhookTargets ?? false),
  };
}

/**
 * The hub's address for webhook targets, when Asana can reach it: https and not localhost or a
 * private address (Asana refuses those). Without one, the hub only polls the Events API.
 */
export function webhookBase(publicUrl: string | undefined, allowPrivate: boolean): string | undefined {
  if (!publicUrl || !URL.canParse(publicUrl)) return undefined;
  const url = new URL(publicUrl);
  const base = url.origin + url.pathname.replace(/\/$/, '');
  if (allowPrivate) return base;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const local = host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^(127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|0\.)/.test(host) || /^f[cd]/i.test(host);
  return url.protocol === 'https:' && !local ? base : undefined;
}

export const clientFor = (config: AsanaConfig, token: string) => new AsanaClient({ baseUrl: config.baseUrl, token, timeoutMs: config.timeoutMs });
