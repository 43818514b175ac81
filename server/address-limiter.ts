import { ProvenTokens } from './proven-tokens';

/**
 * A token bucket per client address for traffic that has not proved who it is (invite codes, bad
 * bearer tokens, WebSocket upgrades). Each attempt is charged before the store is asked, so a
 * parallel flood cannot slip past while its queries are in flight; a success gets its charge back,
 * so legitimate joins and members never use up their address's allowance.
 */
export interface AddressLimiterOptions {
  /** Attempts refilled per minute per address. */
  perMinute: number;
  /** Attempts an address may make at once before the refill rate applies. */
  burst: number;
  /** Addresses tracked at most; the least recently seen is forgotten first (bounded memory). */
  maxAddresses: number;
  now?: () => number;
}

export type Charge = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface AddressLimiter {
  /** Takes one attempt from the address's bucket, or says in how many seconds one will be free. */
  charge(address: string): Charge;
  /** Gives back the attempt a successful request was charged. */
  refund(address: string): void;
  tracked(): number;
}

export function createAddressLimiter({ perMinute, burst, maxAddresses, now = Date.now }: AddressLimiterOptions): AddressLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  const current = (address: string) => {
    const t = now();
    const bucket = buckets.get(address) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    // Re-inserted so the map's order is least recently seen first: that one is evicted.
    buckets.delete(address);
    buckets.set(address, bucket);
    if (buckets.size > maxAddresses) buckets.delete(buckets.keys().next().value as string);
    return bucket;
  };
  return {
    charge(address) {
      const bucket = current(address);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
    refund(address) {
      const bucket = buckets.get(address);
      if (bucket) bucket.tokens = Math.min(burst, bucket.tokens + 1);
    },
    tracked: () => buckets.size,
  };
}

/** The limiters for unauthenticated traffic, and whether to believe a reverse proxy's X-Forwarded-For. */
export interface Throttle {
  /** `POST /v1/invites/redeem`. */
  invites: AddressLimiter;
  /** Bearer tokens on HTTP and on WebSocket upgrades. */
  tokens: AddressLimiter;
  /** Tokens that authenticated lately: not charged to `tokens` (they are not guesses). */
  proven: ProvenTokens;
  trustProxy: boolean;
}

export type TokenCheck<C> = { caller: C | null } | { throttled: number };

/**
 * Authenticates a bearer token for a request from `address`. A token proven lately goes straight to
 * the store; any other attempt is charged to the address first (`throttled`: seconds to wait, when
 * it has none left) and gets its charge back when the token proves good.
 */
export async function checkToken<C>(throttle: Throttle, address: string, token: string | undefined, authenticate: (token: string) => Promise<C | null>): Promise<TokenCheck<C>> {
  const proven = token !== undefined && throttle.proven.has(token);
  if (!proven) {
    const charge = throttle.tokens.charge(address);
    if (!charge.allowed) return { throttled: charge.retryAfterSeconds };
  }
  let caller: C | null;
  try {
    caller = token ? await authenticate(token) : null;
  } catch (error) {
    // The database could not say (it is away): that was no guess.
    if (!proven) throttle.tokens.refund(address);
    throw error;
  }
  if (caller && token) {
    throttle.proven.add(token);
    if (!proven) throttle.tokens.refund(address);
  } else if (token) throttle.proven.forget(token);
  return { caller };
}

/** A whole number from 1 read from the environment, or `fallback` when unset; anything else stops the hub with a clear message. */
export function positiveWhole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name}: a whole number from 1, not "${raw}".`);
  return value;
}

/**
 * BATON_AUTH_ATTEMPTS_PER_MINUTE (default 30) and BATON_AUTH_ATTEMPT_BURST (default 30) per address,
 * BATON_THROTTLE_MAX_ADDRESSES (default 10000), BATON_TRUST_PROXY=1 behind a reverse proxy.
 */
export function throttleFromEnv(env: NodeJS.ProcessEnv): Throttle {
  const options = {
    perMinute: positiveWhole(env, 'BATON_AUTH_ATTEMPTS_PER_MINUTE', 30),
    burst: positiveWhole(env, 'BATON_AUTH_ATTEMPT_BURST', 30),
    maxAddresses: positiveWhole(env, 'BATON_THROTTLE_MAX_ADDRESSES', 10_000),
  };
  return { invites: createAddressLimiter(options), tokens: createAddressLimiter(options), proven: new ProvenTokens(), trustProxy: env.BATON_TRUST_PROXY === '1' };
}

/**
 * The client's address: the socket's peer, or, when a trusted proxy is in front, the last address in
 * X-Forwarded-For (the one that proxy appended; earlier entries are whatever the client claimed).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? forwardedFor?.split(',').at(-1)?.trim() : undefined;
  return forwarded || socketAddress || 'unknown';
}

/** The JSON error every throttled answer carries. */
export function tooManyMessage(retryAfterSeconds: number): string {
  return `Too many attempts from your address: try again in ${retryAfterSeconds} s.`;
}
