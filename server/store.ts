import { createHash, randomBytes } from 'node:crypto';
import { makeEvent } from '../lib/events/make-event';
import { MemoryModel } from '../lib/events/memory-model';
import { MetricFacts } from '../lib/metrics/facts';
import { newId } from '../lib/model/common';
import { parseEvent, type BatonEvent } from '../lib/model/event';
import { MemberSchema, type Member } from '../lib/model/member';
import type { Db, Queryable } from './db';
import { InviteError } from './invite-error';

export const EVENTS_CHANNEL = 'baton_events';
/** Announces a member whose tokens were revoked (payload: the member id), so open streams close at once. */
export const REVOCATIONS_CHANNEL = 'baton_revocations';
/** Events read per query when folding a log into metric facts: bounded memory on a large log. */
const FACTS_PAGE = 5000;

export type PushResult =
  | { id: string; status: 'accepted'; seq: number }
  | { id: string; status: 'duplicate'; seq: number }
  | { id: string; status: 'rejected'; reason: string };

export interface Caller {
  memberId: string;
  workspaceId: string;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const secret = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * The hub's store: workspaces, members, token and invite hashes, and each workspace's event log with
 * its sequence. Every event is checked by the same reducer as the extension, against the workspace's
 * state, inside the transaction that appends it: appends to one workspace are serialised by a row lock,
 * so two hub processes on one PostgreSQL agree.
 */
export class HubStore {
  private readonly models = new Map<string, { model: MemoryModel; seq: number }>();
  /** One write at a time per workspace in this process: the cached model never holds uncommitted events when another request reads it. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /**
   * Each workspace's log folded into metric facts, up to `seq`. Built only from committed rows, read
   * outside any transaction, so a push that rolls back never reaches it; brought up to date by seq
   * on each read (also with what other hub processes appended).
   */
  private readonly facts = new Map<string, { facts: MetricFacts; seq: number }>();
  /** One catch-up at a time per workspace, apart from the writes: a slow first fold does not hold up pushes. */
  private readonly factQueues = new Map<string, Promise<unknown>>();

  private exclusive<T>(workspaceId: string, work: () => Promise<T>, queues = this.queues): Promise<T> {
    const run = (queues.get(workspaceId) ?? Promise.resolve()).then(work, work);
    // The caller of `run` gets its failure; the queue only waits for it to settle before the next.
    queues.set(workspaceId, run.catch(() => undefined));
    return run;
  }

  /** `factsPage`: events read per query when folding metric facts (tests make it small). */
  constructor(
    readonly db: Db,
    private readonly factsPage = FACTS_PAGE,
  ) {}

  async createWorkspace(name: string): Promise<string> {
    const id = newId();
    await this.db.query('insert into workspaces (id, name) values ($1, $2)', [id, name]);
    return id;
  }

  async workspaces(): Promise<{ id: string; name: string; last_seq: string }[]> {
    return (await this.db.query<{ id: string; name: string; last_seq: string }>('select id, name, last_seq from workspaces order by created_at')).rows;
  }

  /** A one-time code a person redeems for a member token; only its hash is kept. */
  async createInvite(workspaceId: string, invitee: { email: string; name: string; role: 'admin' | 'member' }): Promise<string> {
    const code = `bi_${secret(18)}`;
    await this.db.query('insert into invites (code_hash, workspace_id, email, name, role) values ($1, $2, $3, $4, $5)', [
      hash(code),
      workspaceId,
      invitee.email.trim().toLowerCase(),
      invitee.name.trim(),
      invitee.role,
    ]);
    return code;
  }

  /** Redeems an invite: the member joins (as an event in the log) and gets a token, once. */
  async redeemInvite(code: string): Promise<{ token: string; member: Member; workspaceId: string } | null> {
    const token = `bt_${secret(32)}`;
    const joined = await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ workspace_id: string; email: string; name: string; role: 'admin' | 'member' }>(
        'update invites set used_at = now() where code_hash = $1 and used_at is null returning workspace_id, email, name, role',
        [hash(code)],
      );
      const invite = rows[0];
      if (!invite) return null;
      const member = MemberSchema.parse({ id: newId(), name: invite.name, email: invite.email, role: invite.role });
      const existing = (await tx.query<{ id: string }>('select id from members where workspace_id = $1 and email = $2', [invite.workspace_id, member.email])).rows[0];
      if (existing) {
        // Re-invited (a new browser): the same member, a new token.
        member.id = existing.id;
      } else {
        const admin = (await tx.query<{ id: string }>("select id from members where workspace_id = $1 and role = 'admin' order by created_at limit 1", [invite.workspace_id])).rows[0];
        if (!admin && invite.role !== 'admin') throw new InviteError('The workspace’s admin has to join first, with the admin invite.');
        const ws = (await tx.query<{ name: string }>('select name from workspaces where id = $1', [invite.workspace_id])).rows[0];
        // The first member founds the workspace; later ones are added on behalf of its first admin.
        const event = admin
          ? makeEvent('member.added', admin.id, member.id, { member })
          : makeEvent('workspace.created', member.id, invite.workspace_id, { workspace: { id: invite.workspace_id, name: ws?.name ?? 'Workspace' }, admin: { ...member, role: 'admin' } });
        const [result] = await this.appendInTx(tx, invite.workspace_id, event.actor, [event]);
        if (result?.status !== 'accepted') throw new Error(`Could not add the member: ${result && 'reason' in result ? result.reason : 'unknown'}`);
        await tx.query('insert into members (id, workspace_id, name, email, role) values ($1, $2, $3, $4, $5)', [member.id, invite.workspace_id, member.name, member.email, member.role]);
      }
      await tx.query('insert into tokens (hash, member_id, workspace_id) values ($1, $2, $3)', [hash(token), member.id, invite.workspace_id]);
      return { member, workspaceId: invite.workspace_id };
    }).catch((error: unknown) => {
      this.models.clear();
      throw error;
    });
    return joined && { token, ...joined };
  }

  async authenticate(token: string): Promise<Caller | null> {
    const { rows } = await this.db.query<{ member_id: string; workspace_id: string }>('select member_id, workspace_id from tokens where hash = $1 and revoked_at is null', [hash(token)]);
    const row = rows[0];
    return row ? { memberId: row.member_id, workspaceId: row.workspace_id } : null;
  }

  async revokeTokens(workspaceId: string, email: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ member_id: string }>(
        'update tokens set revoked_at = now() where revoked_at is null and member_id in (select id from members where workspace_id = $1 and email = $2) returning member_id',
        [workspaceId, email.trim().toLowerCase()],
      );
      // Every hub process (this one, or one the CLI shares PostgreSQL with) hears it on commit and closes the member's streams.
      for (const memberId of new Set(rows.map((row) => row.member_id))) await tx.query('select pg_notify($1, $2)', [REVOCATIONS_CHANNEL, memberId]);
      return rows.length;
    });
  }

  async member(caller: Caller): Promise<Member | undefined> {
    return this.exclusive(caller.workspaceId, async () => (await this.model(this.db, caller.workspaceId)).member(caller.memberId));
  }

  /** Pushes a batch: each event accepted with its sequence number, a duplicate of one already stored, or rejected with the reason. */
  async push(caller: Caller, events: unknown[]): Promise<PushResult[]> {
    return this.exclusive(caller.workspaceId, () =>
      this.db
        .transaction((tx) => this.appendInTx(tx, caller.workspaceId, caller.memberId, events))
        .catch((error: unknown) => {
          // The cached model may hold events that were rolled back: rebuild it next time.
          this.models.delete(caller.workspaceId);
          throw error;
        }),
    );
  }

  /** Events after a sequence number, oldest first, at most `limit`. */
  async pull(workspaceId: string, after: number, limit: number): Promise<{ seq: number; event: BatonEvent }[]> {
    const { rows } = await this.db.query<{ seq: string; body: BatonEvent }>('select seq, body from events where workspace_id = $1 and seq > $2 order by seq limit $3', [workspaceId, after, limit]);
    return rows.map((r) => ({ seq: Number(r.seq), event: r.body }));
  }

  /**
   * The workspace's metric facts, with every event committed so far. The fold is incremental: a
   * second call reads only the events appended since the first. Sequence numbers are committed in
   * order (appends hold the workspace's row lock until they commit), so reading after the last seq
   * seen misses nothing. The facts are shared: compute from them synchronously, never keep them
   * across an await.
   */
  async metricFacts(workspaceId: string): Promise<MetricFacts> {
    return this.exclusive(
      workspaceId,
      async () => {
        let cached = this.facts.get(workspaceId);
        if (!cached) {
          cached = { facts: new MetricFacts(), seq: 0 };
          this.facts.set(workspaceId, cached);
        }
        for (;;) {
          const { rows } = await this.db.query<{ seq: string; body: unknown }>('select seq, body from events where workspace_id = $1 and seq > $2 order by seq limit $3', [
            workspaceId,
            cached.seq,
            this.factsPage,
          ]);
          for (const row of rows) {
            cached.facts.add(row.body);
            cached.seq = Number(row.seq);
          }
          if (rows.length < this.factsPage) return cached.facts;
        }
      },
      this.factQueues,
    );
  }

  private async model(q: Queryable, workspaceId: string): Promise<MemoryModel> {
    let cached = this.models.get(workspaceId);
    if (!cached) {
      cached = { model: new MemoryModel(), seq: 0 };
      this.models.set(workspaceId, cached);
    }
    // Catch up with what other hub processes appended since.
    const { rows } = await q.query<{ seq: string; body: BatonEvent }>('select seq, body from events where workspace_id = $1 and seq > $2 order by seq', [workspaceId, cached.seq]);
    for (const row of rows) {
      cached.model.apply(row.body);
      cached.seq = Number(row.seq);
    }
    return cached.model;
  }

  private async appendInTx(tx: Queryable, workspaceId: string, actorId: string, raw: unknown[]): Promise<PushResult[]> {
    const locked = await tx.query<{ last_seq: string }>('select last_seq from workspaces where id = $1 for update', [workspaceId]);
    if (!locked.rows[0]) throw new Error('Unknown workspace.');
    let seq = Number(locked.rows[0].last_seq);
    const model = await this.model(tx, workspaceId);
    const results: PushResult[] = [];
    // One look-up for the whole batch: which of these ids does the hub have already, and where.
    // Only a string id is named: String() of a hostile id (an array nested 20,000 deep) recurses.
    const ids = raw.map((item) => (typeof item === 'object' && item && 'id' in item && typeof item.id === 'string' ? item.id.slice(0, 100) : ''));
    const stored = new Map(
      (await tx.query<{ id: string; workspace_id: string; seq: string }>('select id, workspace_id, seq from events where id = any($1)', [ids.filter(Boolean)])).rows.map((r) => [r.id, r]),
    );
    const rows: unknown[][] = [];
    raw.forEach((item, index) => {
      const id = ids[index] ?? '';
      const parsed = parseEvent(item);
      if (!parsed.ok) return results.push({ id, status: 'rejected', reason: `Invalid event: ${parsed.problem.message}` });
      const event = parsed.data;
      if (event.actor !== actorId) return results.push({ id, status: 'rejected', reason: 'You can only act as yourself.' });
      const known = stored.get(event.id);
      if (known) {
        return results.push(known.workspace_id === workspaceId ? { id, status: 'duplicate', seq: Number(known.seq) } : { id, status: 'rejected', reason: 'That event id is taken.' });
      }
      const decision = model.apply(event);
      if (!decision.ok) return results.push({ id, status: 'rejected', reason: decision.problem.message });
      seq += 1;
      stored.set(event.id, { id: event.id, workspace_id: workspaceId, seq: String(seq) });
      rows.push([workspaceId, seq, event.id, event.type, event.actor, JSON.stringify(event)]);
      return results.push({ id, status: 'accepted', seq });
    });
    if (rows.length > 0) {
      // One statement for the batch.
      const values = rows.map((_, r) => `($${r * 6 + 1}, $${r * 6 + 2}, $${r * 6 + 3}, $${r * 6 + 4}, $${r * 6 + 5}, $${r * 6 + 6})`).join(', ');
      await tx.query(`insert into events (workspace_id, seq, id, type, actor, body) values ${values}`, rows.flat());
    }
    const accepted = results.filter((r) => r.status === 'accepted').length;
    if (accepted > 0) {
      await tx.query('update workspaces set last_seq = $2 where id = $1', [workspaceId, seq]);
      // Delivered to every hub process's listeners when the transaction commits.
      await tx.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, `${workspaceId}:${seq}`]);
      const cached = this.models.get(workspaceId);
      if (cached) cached.seq = seq;
    }
    return results;
  }
}
