import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../lib/model/common';
import type { Queryable } from './db';

/** A sign-in under way: what the hub sent the provider, and what the extension asked with. */
export interface PendingSignIn {
  nonce: string;
  codeVerifier: string;
  /** The extension's own redirect (identity.getRedirectURL()), where the answer goes back. */
  redirectUri: string;
  clientState: string;
  codeChallenge: string;
}

/** Whom a one-time sign-in code lets in. */
export interface SignedInPerson {
  workspaceId: string;
  email: string;
  name: string;
}

export interface JoinRequest {
  id: string;
  email: string;
  name: string;
  status: 'pending' | 'approved' | 'declined';
  requestedAt: string;
}

/** A sign-in must be finished within this time at the provider; the code it ends with is traded at once. */
const SIGN_IN_MINUTES = 10;
const CODE_MINUTES = 2;

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The S256 PKCE challenge of a verifier (RFC 7636). */
export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** Sign-ins, one-time codes and join requests, in the hub's database (only hashes of the secrets that open something). */
export class SignInStore {
  constructor(private readonly db: Queryable) {}

  async begin(state: string, pending: PendingSignIn): Promise<void> {
    await this.db.query(
      `insert into sign_ins (state_hash, nonce, code_verifier, redirect_uri, client_state, code_challenge, expires_at)
       values ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))`,
      [hash(state), pending.nonce, pending.codeVerifier, pending.redirectUri, pending.clientState, pending.codeChallenge, SIGN_IN_MINUTES],
    );
    // Sign-ins abandoned at the provider are forgotten as new ones begin.
    await this.db.query("delete from sign_ins where expires_at < now() - interval '1 day'");
  }

  /** The sign-in this state began, used up by this call: a replayed or stale state finds nothing. */
  async finish(state: string): Promise<PendingSignIn | null> {
    const { rows } = await this.db.query<{ nonce: string; code_verifier: string; redirect_uri: string; client_state: string; code_challenge: string }>(
      'update sign_ins set used_at = now() where state_hash = $1 and used_at is null and expires_at > now() returning nonce, code_verifier, redirect_uri, client_state, code_challenge',
      [hash(state)],
    );
    const row = rows[0];
    return row ? { nonce: row.nonce, codeVerifier: row.code_verifier, redirectUri: row.redirect_uri, clientState: row.client_state, codeChallenge: row.code_challenge } : null;
  }

  /** A one-time code for the extension that began the sign-in (it proves it with its PKCE verifier). */
  async issueCode(person: SignedInPerson, codeChallenge: string): Promise<string> {
    const code = `bs_${randomBytes(24).toString('base64url')}`;
    await this.db.query(
      `insert into sign_in_codes (code_hash, workspace_id, email, name, code_challenge, expires_at)
       values ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
      [hash(code), person.workspaceId, person.email, person.name, codeChallenge, CODE_MINUTES],
    );
    await this.db.query("delete from sign_in_codes where expires_at < now() - interval '1 day'");
    return code;
  }

  /** The person a code lets in, and the challenge its verifier must meet; used up by this call, whatever follows. */
  async redeemCode(code: string): Promise<(SignedInPerson & { codeChallenge: string }) | null> {
    const { rows } = await this.db.query<{ workspace_id: string; email: string; name: string; code_challenge: string }>(
      'update sign_in_codes set used_at = now() where code_hash = $1 and used_at is null and expires_at > now() returning workspace_id, email, name, code_challenge',
      [hash(code)],
    );
    const row = rows[0];
    return row ? { workspaceId: row.workspace_id, email: row.email, name: row.name, codeChallenge: row.code_challenge } : null;
  }

  async joinRequest(workspaceId: string, email: string): Promise<JoinRequest | undefined> {
    return (await this.db.query<JoinRequest>(`${SELECT_REQUESTS} where workspace_id = $1 and email = $2`, [workspaceId, email])).rows[0];
  }

  /** Asks to join (again, after a decline: the admins decide anew). */
  async requestToJoin(workspaceId: string, email: string, name: string): Promise<void> {
    await this.db.query(
      `insert into join_requests (id, workspace_id, email, name, status) values ($1, $2, $3, $4, 'pending')
       on conflict (workspace_id, email) do update set name = excluded.name, status = 'pending', created_at = now(), decided_at = null
       where join_requests.status = 'declined'`,
      [newId(), workspaceId, email, name],
    );
  }

  async pendingRequests(workspaceId: string): Promise<JoinRequest[]> {
    return (await this.db.query<JoinRequest>(`${SELECT_REQUESTS} where workspace_id = $1 and status = 'pending' order by created_at`, [workspaceId])).rows;
  }

  /** Decides a pending request of the workspace: false when there is none with that id. */
  async decide(workspaceId: string, id: string, status: 'approved' | 'declined'): Promise<boolean> {
    const { rows } = await this.db.query<{ id: string }>(
      "update join_requests set status = $3, decided_at = now() where workspace_id = $1 and id = $2 and status = 'pending' returning id",
      [workspaceId, id, status],
    );
    return rows.length > 0;
  }

  /** The role a pending invite for this address offers (an admin's invite is their approval), or undefined. */
  async invitedRole(workspaceId: string, email: string): Promise<'admin' | 'member' | undefined> {
    const { rows } = await this.db.query<{ role: 'admin' | 'member' }>(
      "select role from invites where workspace_id = $1 and email = $2 and used_at is null and revoked_at is null and (expires_at is null or expires_at > now()) order by (role = 'admin') desc limit 1",
      [workspaceId, email],
    );
    return rows[0]?.role;
  }

  /** The person joined by signing in: the invites still pending for their address are spent too. */
  async spendInvites(workspaceId: string, email: string): Promise<void> {
    await this.db.query('update invites set used_at = now() where workspace_id = $1 and email = $2 and used_at is null and revoked_at is null', [workspaceId, email]);
  }

  async isMember(workspaceId: string, email: string): Promise<boolean> {
    return (await this.db.query('select 1 from members where workspace_id = $1 and email = $2', [workspaceId, email])).rows.length > 0;
  }
}

const SELECT_REQUESTS = `select id, email, name, status, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "requestedAt" from join_requests`;
