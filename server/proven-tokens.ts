import { createHash } from 'node:crypto';

/** Tokens remembered at most (the least recently proven is forgotten first) and for how long. */
const MAX_PROVEN = 10_000;
const PROVEN_FOR_MS = 10 * 60_000;

/**
 * Bearer tokens that authenticated lately. Their requests are not charged to their address's
 * allowance for unproven attempts: an office behind one address (NAT) has many members' requests in
 * flight at once, and none of them is a guess. Every request still authenticates against the store,
 * so a revoked token is refused at once; a token that fails is forgotten here at once too. Only a
 * digest is kept, bounded in number and in age.
 */
export class ProvenTokens {
  private readonly proven = new Map<string, number>();

  constructor(
    private readonly maxTokens = MAX_PROVEN,
    private readonly provenForMs = PROVEN_FOR_MS,
    private readonly now: () => number = Date.now,
  ) {}

  has(token: string): boolean {
    const key = digest(token);
    const at = this.proven.get(key);
    if (at === undefined) return false;
    if (this.now() - at <= this.provenForMs) return true;
    this.proven.delete(key);
    return false;
  }

  add(token: string): void {
    const key = digest(token);
    // Re-inserted so the map's order is least recently proven first: that one is forgotten.
    this.proven.delete(key);
    this.proven.set(key, this.now());
    if (this.proven.size > this.maxTokens) this.proven.delete(this.proven.keys().next().value as string);
  }

  forget(token: string): void {
    this.proven.delete(digest(token));
  }

  size(): number {
    return this.proven.size;
  }
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');
