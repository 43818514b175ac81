import { createHash, randomBytes } from 'node:crypto';
import { hubClockRefusal } from '../lib/events/clock';
import { makeEvent } from '../lib/events/make-event';
import { MemoryModel } from '../lib/events/memory-model';
import { MetricFacts } from '../lib/metrics/facts';
import { newId } from '../lib/model/common';
import { parseEvent, type BatonEvent } from '../lib/model/event';
import { hasStoreRefusedText } from '../lib/text/clean-text';
import { defaultRuleEvents } from '../lib/workflow/default-rules';
import { isActive, MemberSchema, type Member, type PendingInvite } from '../lib/model/member';
import type { Db, Queryable } from './db';
import { isDatabaseUnavailable } from './database-unavailable';
import { GroupCommit } from './group-commit';
import { InviteError } from './invite-error';

export const EVENTS_CHANNEL = 'baton_events';
/** Announces a member whose tokens were revoked (payload: the member id), so open streams close at once. */
export const REVOCATIONS_CHANNEL = 'baton_revocations';
/** Events read per query when folding a log into metric facts: bounded memory on a large log. */
const FACTS_PAGE = 5000;
/** Said alike whoever holds the id: the answer never tells that an id exists in another workspace. */
const ID_TAKEN = 'Choose another event id.';

export type PushResult =
  | { id: string; status: 'accepted'; seq: number }
  | { id: string; status: 'duplicate'; seq: number }
  | { id: string; status: 'rejected'; reason: string };

interface Invite {
  workspace_id: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
}

export type Invitee = Pick<Member, 'email' | 'name' | 'role'>;

/** A new invite: the only time its code is known. */
export interface NewInvite extends PendingInvite {
  code: string;
}

interface InviteRow {
  id: string;
  name: string;
  email: string;
  role: Member['role'];
  created_at: Date | string;
  expires_at: Date | string | null;
}

const INVITE_COLUMNS = 'id, name, email, role, created_at, expires_at';
const DAY_MS = 86_400_000;

const pendingInvite = (row: InviteRow): PendingInvite => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: row.expires_at === null ? null : new Date(row.expires_at).toISOString(),
});

/** A day as a person reads it in a message ("13 Dec 2026"), in UTC like the hub. */
const dayOf = (at: Date | string) => new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** BATON_INVITE_DAYS: how long an invite can be redeemed (default 7; a fraction of a day is allowed, for tests). */
export function inviteDays(env: NodeJS.ProcessEnv): number {
  const raw = env.BATON_INVITE_DAYS?.trim();
  if (!raw) return 7;
  const days = Number(raw);
  if (!Number.isFinite(days) || days <= 0 || days > 365) throw new Error(`BATON_INVITE_DAYS: a number of days from more than 0 to 365, not "${raw}".`);
  return days;
}

export interface Caller {
  memberId: string;
  workspaceId: string;
}

interface StoredId {
  id: string;
  workspace_id: string;
  seq: string;
}

/** What one append knows as it goes: the sequence so far and the ids stored (before and in it). */
interface Batch {
  workspaceId: string;
  actorId: string;
  /** The push is the hub's own (a reactor's `appendAs`), not a member's: only it may carry a rule's draft. */
  hubMade: boolean;
  seq: number;
  stored: Map<string, StoredId>;
  /** Addresses of the workspace's pending invites, when the batch changes a member (else empty). */
  invited: Set<string>;
}

/** One push waiting to be written: who sent it and its events, as received. */
interface PendingPush {
  actorId: string;
  events: unknown[];
  hubMade: boolean;
}

/** How the hub appends: `hubMade` for the events the hub itself makes (a rule's draft), never for a member's push. */
export interface PushOptions {
  hubMade?: boolean;
}

const RULE_DRAFT_BY_MEMBER = 'Only a workflow rule starts a draft marked as started by a rule.';

/** What a group's write answers one push: its results, or the error that failed it alone. */
type GroupWrite = PushResult[] | { failed: unknown };

/**
 * Bounds of one group commit: pushes gathered while the workspace's previous write runs are written
 * in one transaction, at most this many pushes or events (a single push of up to 500 events still goes).
 */
const GROUP_MAX_PUSHES = 64;
const GROUP_MAX_EVENTS = 500;

const UNSTORABLE_TEXT = 'Invalid event: its text holds a NUL character or half of an emoji (a lone surrogate), which the hub cannot store. Remove the character and send it again.';

/** Inserts judged rows in one statement (none: nothing to do). */
async function insertEvents(tx: Queryable, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((_, r) => `($${r * 6 + 1}, $${r * 6 + 2}, $${r * 6 + 3}, $${r * 6 + 4}, $${r * 6 + 5}, $${r * 6 + 6})`).join(', ');
  await tx.query(`insert into events (workspace_id, seq, id, type, actor, body) values ${values}`, rows.flat());
}

/**
 * Inserts rows under a savepoint, so that a refusal by the database undoes only this insert and the
 * transaction goes on: true when they were stored, false when the database refused them.
 */
async function insertUnderSavepoint(tx: Queryable, savepoint: string, rows: unknown[][]): Promise<boolean> {
  if (rows.length === 0) return true;
  try {
    await tx.query(`savepoint ${savepoint}`);
    await insertEvents(tx, rows);
    await tx.query(`release savepoint ${savepoint}`);
    return true;
  } catch {
    await tx.query(`rollback to savepoint ${savepoint}`);
    return false;
  }
}

/** Each event's id as the hub names it in its answer ('' when it has no string id). */
function eventIds(raw: unknown[]): string[] {
  // Only a string id is named: String() of a hostile id (an array nested 20,000 deep) recurses.
  return raw.map((item) => (typeof item === 'object' && item && 'id' in item && typeof item.id === 'string' ? item.id.slice(0, 100) : ''));
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
  /**
   * Pushes to a workspace that arrive while its previous write runs are gathered and written together,
   * in one transaction, in the workspace's write queue: many pushes for the price of one commit.
   */
  private readonly pushGroups = new GroupCommit<PendingPush, GroupWrite>({
    maxItems: GROUP_MAX_PUSHES,
    maxWeight: GROUP_MAX_EVENTS,
    weight: (push) => push.events.length,
    enqueue: (workspaceId, work) => void this.exclusive(workspaceId, work),
    run: (workspaceId, take) => this.writeGroup(workspaceId, take),
  });

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

  /** A one-time code a person redeems for a member token (the CLI's and the tests' way; `invite` says more). */
  async createInvite(workspaceId: string, invitee: Invitee, createdBy?: string): Promise<string> {
    return (await this.invite(workspaceId, invitee, createdBy)).code;
  }

  /**
   * A one-time invite, valid for BATON_INVITE_DAYS; only its code's hash is kept. An address is one
   * person's: an invite for an address another member changed theirs to is refused (it would hand
   * that member's place to someone else, or never redeem), a re-invite of a member who joined with it
   * is not (a new browser), nor is an invite for a member the log knows who never joined (an admin
   * added them in Settings → Team): redeeming it makes them that member.
   */
  async invite(workspaceId: string, invitee: Invitee, createdBy?: string): Promise<NewInvite> {
    const email = invitee.email.trim().toLowerCase();
    await this.checkInvitee(workspaceId, email, createdBy);
    const code = `bi_${secret(18)}`;
    const expiresAt = new Date(Date.now() + inviteDays(process.env) * DAY_MS);
    const { rows } = await this.db.query<InviteRow>(
      `insert into invites (code_hash, id, workspace_id, email, name, role, expires_at, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${INVITE_COLUMNS}`,
      [hash(code), `inv_${secret(12)}`, workspaceId, email, invitee.name.trim(), invitee.role, expiresAt, createdBy ?? null],
    );
    return { ...pendingInvite(rows[0]!), code };
  }

  /**
   * `byMember`: an admin invites from the extension, and sees the link. A re-invite of someone who
   * joined would hand that admin a token for the colleague (acting as them), so only the server's
   * operator (the CLI) and the colleague's own sign-in give a member a new browser.
   */
  private async checkInvitee(workspaceId: string, email: string, byMember?: string): Promise<void> {
    const holder = await this.exclusive(workspaceId, async () => (await this.model(this.db, workspaceId)).members().find((m) => m.email === email));
    if (!holder) return;
    if (!isActive(holder)) throw new InviteError(`${holder.name} (${email}) was removed from this workspace: invite them with another address.`);
    const joined = (await this.db.query<{ email: string }>('select email from members where id = $1', [holder.id])).rows[0];
    if (joined && joined.email !== email) throw new InviteError(`${email} is the address ${holder.name} changed theirs to: re-invite them with the address they joined with, ${joined.email}.`);
    if (joined && byMember) throw new InviteError(`${holder.name} already joined this workspace. On a new browser they sign in with the hub’s sign-in, where it has one, or the hub’s operator makes them an invite on the server (npm run hub -- invite).`);
  }

  /** The workspace's invites still waiting: not used, not revoked, not expired (never their codes). */
  async listInvites(workspaceId: string): Promise<PendingInvite[]> {
    const { rows } = await this.db.query<InviteRow>(
      `select ${INVITE_COLUMNS} from invites where workspace_id = $1 and used_at is null and revoked_at is null and (expires_at is null or expires_at > $2) order by created_at`,
      [workspaceId, new Date()],
    );
    return rows.map(pendingInvite);
  }

  /** Revokes a pending invite of the workspace: whether there was one to revoke. */
  async revokeInvite(workspaceId: string, id: string): Promise<boolean> {
    const { rows } = await this.db.query('update invites set revoked_at = now() where workspace_id = $1 and id = $2 and used_at is null and revoked_at is null returning id', [workspaceId, id]);
    return rows.length > 0;
  }

  /**
   * Redeems an invite: the member joins (as an event in the log) and gets a token, once. A re-invite
   * answers the member as the log knows them (their role now, not the invite's). An invite that can
   * no longer be honoured answers an InviteError (409; 410 expired or revoked), never a crash.
   */
  async redeemInvite(code: string): Promise<{ token: string; member: Member; workspaceId: string } | null> {
    const pending = (
      await this.db.query<{ workspace_id: string; revoked_at: unknown; expires_at: Date | string | null }>('select workspace_id, revoked_at, expires_at from invites where code_hash = $1 and used_at is null', [hash(code)])
    ).rows[0];
    if (!pending) return null;
    if (pending.revoked_at) throw new InviteError('This invite was revoked; ask an admin for a new one.', 410);
    if (pending.expires_at && new Date(pending.expires_at).getTime() <= Date.now()) throw new InviteError(`This invite expired on ${dayOf(pending.expires_at)}; ask an admin for a new one.`, 410);
    const token = `bt_${secret(32)}`;
    // In the workspace's write queue: the cached model never sees this join half-done.
    const joined = await this.exclusive(pending.workspace_id, () =>
      this.db.transaction((tx) => this.joinInTx(tx, hash(code), hash(token))).catch((error: unknown) => {
        this.models.clear();
        throw error;
      }),
    );
    return joined && { token, ...joined };
  }

  private async joinInTx(tx: Queryable, codeHash: string, tokenHash: string): Promise<{ member: Member; workspaceId: string } | null> {
    const { rows } = await tx.query<Invite>(
      'update invites set used_at = now() where code_hash = $1 and used_at is null and revoked_at is null and (expires_at is null or expires_at > $2) returning workspace_id, email, name, role',
      [codeHash, new Date()],
    );
    const invite = rows[0];
    if (!invite) return null;
    const joinedAs = (await tx.query<{ id: string }>('select id from members where workspace_id = $1 and email = $2', [invite.workspace_id, invite.email])).rows[0];
    const model = await this.model(tx, invite.workspace_id);
    const logged = model.members().find((m) => m.email === invite.email && isActive(m));
    // Only someone who never joined: a member who joined with another address and changed theirs to this one keeps their place.
    const known = logged && (await tx.query('select 1 from members where id = $1', [logged.id])).rows.length === 0 ? logged : undefined;
    let member: Member;
    if (joinedAs) {
      // Re-invited (a new browser): the same member, a new token.
      member = model.member(joinedAs.id) ?? MemberSchema.parse({ ...invite, id: joinedAs.id });
      // An invite made before they were removed does not let them back in.
      if (!isActive(member)) throw new InviteError(`${member.name} was removed from this workspace: this invite no longer works.`);
    } else if (known) {
      // In the log, never joined (an admin added them before the hub, or in Settings → Team): they join as themselves.
      member = known;
      await tx.query('insert into members (id, workspace_id, name, email, role) values ($1, $2, $3, $4, $5)', [member.id, invite.workspace_id, member.name, member.email, member.role]);
    } else {
      member = await this.addMember(tx, invite, model);
    }
    await tx.query('insert into tokens (hash, member_id, workspace_id) values ($1, $2, $3)', [tokenHash, member.id, invite.workspace_id]);
    return { member, workspaceId: invite.workspace_id };
  }

  /** A new member from an invite: added to the log on behalf of an admin (one who joined, first), or founding the workspace. */
  private async addMember(tx: Queryable, invite: Invite, model: MemoryModel): Promise<Member> {
    const member = MemberSchema.parse({ id: newId(), name: invite.name, email: invite.email, role: invite.role });
    const joined = new Set((await tx.query<{ id: string }>('select id from members where workspace_id = $1 order by created_at', [invite.workspace_id])).rows.map((r) => r.id));
    const admins = model.members().filter((m) => m.role === 'admin' && isActive(m));
    const admin = admins.find((m) => joined.has(m.id)) ?? admins[0];
    if (!admin && invite.role !== 'admin') throw new InviteError('The workspace’s admin has to join first, with the admin invite.');
    const ws = (await tx.query<{ name: string }>('select name from workspaces where id = $1', [invite.workspace_id])).rows[0];
    // The founding admin's join creates the workspace and gives it the default workflow rules
    // (lib/workflow/default-rules.ts), as a local workspace gets them, in this one transaction.
    const events = admin
      ? [makeEvent('member.added', admin.id, member.id, { member })]
      : [
          makeEvent('workspace.created', member.id, invite.workspace_id, { workspace: { id: invite.workspace_id, name: ws?.name ?? 'Workspace' }, admin: { ...member, role: 'admin' } }),
          ...defaultRuleEvents(member.id, new Date()),
        ];
    const results = await this.appendInTx(tx, invite.workspace_id, events[0]!.actor, events);
    const result = results.find((r) => r.status !== 'accepted') ?? results[0];
    // Another member took this address after the invite was made (before the hub refused that).
    if (result?.status !== 'accepted') throw new InviteError(`This invite cannot be used: ${result && 'reason' in result ? result.reason : 'the workspace refused it.'} Ask an admin for a new invite.`);
    await tx.query('insert into members (id, workspace_id, name, email, role) values ($1, $2, $3, $4, $5)', [member.id, invite.workspace_id, member.name, member.email, member.role]);
    return member;
  }

  async authenticate(token: string): Promise<Caller | null> {
    const { rows } = await this.db.query<{ member_id: string; workspace_id: string }>('select member_id, workspace_id from tokens where hash = $1 and revoked_at is null', [hash(token)]);
    const row = rows[0];
    return row ? { memberId: row.member_id, workspaceId: row.workspace_id } : null;
  }

  async revokeTokens(workspaceId: string, email: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>('select id from members where workspace_id = $1 and email = $2', [workspaceId, email.trim().toLowerCase()]);
      return revokeMemberTokens(
        tx,
        rows.map((row) => row.id),
      );
    });
  }

  async member(caller: Caller): Promise<Member | undefined> {
    return this.exclusive(caller.workspaceId, async () => (await this.model(this.db, caller.workspaceId)).member(caller.memberId));
  }

  /**
   * Pushes a batch: each event accepted with its sequence number, a duplicate of one already stored, or
   * rejected with the reason. Answered once committed; batches pushed meanwhile by others may share the
   * transaction (group commit), each judged in turn exactly as if it had come alone. `hubMade` only
   * for the events the hub itself makes (a reactor's `appendAs`): a member's push of a rule's draft is refused.
   */
  async push(caller: Caller, events: unknown[], options: PushOptions = {}): Promise<PushResult[]> {
    const written = await this.pushGroups.submit(caller.workspaceId, { actorId: caller.memberId, events, hubMade: options.hubMade === true });
    if ('failed' in written) throw written.failed;
    return written;
  }

  /**
   * A group of pushes in one transaction. When it fails with the database away, every push in it
   * fails (none was acknowledged; the browsers send them again). When it fails otherwise, each push
   * is written again alone, so a push that fails every time fails only itself, never its colleagues'.
   */
  private async writeGroup(workspaceId: string, take: () => PendingPush[]): Promise<GroupWrite[]> {
    let taken: PendingPush[] = [];
    try {
      return await this.writeInTx(workspaceId, () => (taken = take()));
    } catch (error) {
      if (taken.length < 2 || isDatabaseUnavailable(error)) throw error;
      const alone: GroupWrite[] = [];
      for (const push of taken) alone.push(await this.writeInTx(workspaceId, () => [push]).then(([written]) => written!, (failed: unknown) => ({ failed })));
      return alone;
    }
  }

  private writeInTx(workspaceId: string, take: () => PendingPush[]): Promise<PushResult[][]> {
    return this.db
      .transaction((tx) => this.appendGroupInTx(tx, workspaceId, take))
      .catch((error: unknown) => {
        // The cached model may hold events that were rolled back: rebuild it next time.
        this.models.delete(workspaceId);
        throw error;
      });
  }

  /**
   * Reads the workspace's model as of every committed event, in its write queue. `read` runs
   * synchronously and must not keep the model: it moves on with the next write.
   */
  async withModel<T>(workspaceId: string, read: (model: MemoryModel) => T): Promise<T> {
    return this.exclusive(workspaceId, async () => read(await this.model(this.db, workspaceId)));
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
      cached.model.apply(row.body, 'accepted');
      cached.seq = Number(row.seq);
    }
    return cached.model;
  }

  private async appendInTx(tx: Queryable, workspaceId: string, actorId: string, raw: unknown[]): Promise<PushResult[]> {
    return (await this.appendGroupInTx(tx, workspaceId, () => [{ actorId, events: raw, hubMade: true }]))[0]!;
  }

  /**
   * Appends a group of pushes (`take` closes the group) in the transaction: the workspace locked once,
   * the ids looked up once, each push judged in turn against the model, all rows in one insert, one
   * NOTIFY with the last seq.
   * When the database refuses that insert, each push is written on its own (`appendPushAlone`), so a
   * refusal affects only the push (and the event) it belongs to.
   */
  private async appendGroupInTx(tx: Queryable, workspaceId: string, take: () => PendingPush[]): Promise<PushResult[][]> {
    const locked = await tx.query<{ last_seq: string }>('select last_seq from workspaces where id = $1 for update', [workspaceId]);
    if (!locked.rows[0]) throw new Error('Unknown workspace.');
    // Taken once the lock is held: pushes that came while this one waited for it are in the group too.
    const pushes = take();
    const batch: Batch = { workspaceId, actorId: '', hubMade: false, seq: Number(locked.rows[0].last_seq), stored: new Map(), invited: new Set() };
    const ids = pushes.map((push) => eventIds(push.events));
    // One look-up for the whole group: which of these ids does the hub have already, and where.
    // An id the database could not even compare (NUL, half a pair) is left out: its event is refused anyway.
    const lookup = ids.flat().filter((id) => id && !hasStoreRefusedText(id));
    for (const row of (await tx.query<StoredId>('select id, workspace_id, seq from events where id = any($1)', [lookup])).rows) batch.stored.set(row.id, row);
    const firstSeq = batch.seq;
    const storedBefore = new Map(batch.stored);
    batch.invited = await pendingInvites(
      tx,
      workspaceId,
      pushes.flatMap((push) => push.events),
    );
    const model = await this.model(tx, workspaceId);
    const judged = pushes.map((push, index) => {
      batch.actorId = push.actorId;
      batch.hubMade = push.hubMade;
      return this.judge(model, batch, push.events, ids[index]!);
    });
    let results = judged.map((j) => j.results);
    // One statement for the group, the fast path.
    if (await insertUnderSavepoint(tx, 'baton_group', judged.flatMap((j) => j.rows))) {
      this.advanceModel(workspaceId, batch.seq);
    } else {
      batch.seq = firstSeq;
      batch.stored = storedBefore;
      // The model took the whole group: rebuilt from what the transaction holds.
      this.models.delete(workspaceId);
      results = [];
      for (const [index, push] of pushes.entries()) results.push(await this.appendPushAlone(tx, batch, push, ids[index]!));
    }
    if (batch.seq > firstSeq) {
      if (pushes.some((push) => push.events.some((item) => typeOf(item) === 'member.removed'))) await revokeRemovedInTx(tx, workspaceId, firstSeq);
      await tx.query('update workspaces set last_seq = $2 where id = $1', [workspaceId, batch.seq]);
      // Delivered to every hub process's listeners when the transaction commits: one for the group.
      await tx.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, `${workspaceId}:${batch.seq}`]);
    }
    return results;
  }

  /** One push of a group the database refused: its events in one insert, else one by one. */
  private async appendPushAlone(tx: Queryable, batch: Batch, push: PendingPush, ids: string[]): Promise<PushResult[]> {
    batch.actorId = push.actorId;
    batch.hubMade = push.hubMade;
    const firstSeq = batch.seq;
    const storedBefore = new Map(batch.stored);
    const judged = this.judge(await this.model(tx, batch.workspaceId), batch, push.events, ids);
    if (await insertUnderSavepoint(tx, 'baton_batch', judged.rows)) {
      this.advanceModel(batch.workspaceId, batch.seq);
      return judged.results;
    }
    batch.seq = firstSeq;
    batch.stored = storedBefore;
    return this.appendOneByOne(tx, batch, push.events, ids);
  }

  /** The cached model took the events up to `seq` (judged and stored): its next catch-up reads after them. */
  private advanceModel(workspaceId: string, seq: number): void {
    const cached = this.models.get(workspaceId);
    if (cached) cached.seq = seq;
  }

  /**
   * The slow path, after the database refused the batch: each event judged and inserted on its own,
   * under its own savepoint, so that the one it refuses is rejected with the reason and the others
   * are stored. The cached model held the whole batch: it is rebuilt from what the transaction holds.
   */
  private async appendOneByOne(tx: Queryable, batch: Batch, raw: unknown[], ids: string[]): Promise<PushResult[]> {
    const results: PushResult[] = [];
    this.models.delete(batch.workspaceId);
    let model = await this.model(tx, batch.workspaceId);
    for (const [index, item] of raw.entries()) {
      const judged = this.judge(model, batch, [item], [ids[index] ?? '']);
      const result = judged.results[0]!;
      try {
        await tx.query('savepoint baton_event');
        await insertEvents(tx, judged.rows);
        await tx.query('release savepoint baton_event');
        this.advanceModel(batch.workspaceId, batch.seq);
        results.push(result);
      } catch (error) {
        await tx.query('rollback to savepoint baton_event');
        batch.seq -= judged.rows.length;
        for (const row of judged.rows) batch.stored.delete(String(row[2]));
        // The model took the event the database refused: rebuild it from what the transaction holds.
        this.models.delete(batch.workspaceId);
        model = await this.model(tx, batch.workspaceId);
        results.push({ id: result.id, status: 'rejected', reason: `The hub could not store this event: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    return results;
  }

  /** Judges each event of a batch in order against the model (which takes the accepted ones); no I/O. */
  private judge(model: MemoryModel, batch: Batch, raw: unknown[], ids: string[]): { results: PushResult[]; rows: unknown[][] } {
    const results: PushResult[] = [];
    const rows: unknown[][] = [];
    raw.forEach((item, index) => {
      const id = ids[index] ?? '';
      // PostgreSQL refuses these in jsonb (and in text): judged here, for this event alone.
      if (hasStoreRefusedText(item)) return results.push({ id, status: 'rejected', reason: UNSTORABLE_TEXT });
      const parsed = parseEvent(item);
      if (!parsed.ok) return results.push({ id, status: 'rejected', reason: `Invalid event: ${parsed.problem.message}` });
      const event = parsed.data;
      if (event.actor !== batch.actorId) return results.push({ id, status: 'rejected', reason: 'You can only act as yourself.' });
      // A member who pushed a rule's draft (its ids known in advance) would pre-empt the real one.
      if (!batch.hubMade && event.type === 'handoff.created' && event.payload.startedBy) return results.push({ id, status: 'rejected', reason: RULE_DRAFT_BY_MEMBER });
      const known = batch.stored.get(event.id);
      if (known) {
        return results.push(known.workspace_id === batch.workspaceId ? { id, status: 'duplicate', seq: Number(known.seq) } : { id, status: 'rejected', reason: ID_TAKEN });
      }
      // Judged by the hub's clock, not the sender's (the workspace's creation is the hub's stamp too).
      const misdated = hubClockRefusal(event, model.workspace()?.createdAt, Date.now());
      if (misdated) return results.push({ id, status: 'rejected', reason: misdated });
      const squat = squatting(event, model, batch.invited);
      if (squat) return results.push({ id, status: 'rejected', reason: squat });
      const decision = model.apply(event);
      if (!decision.ok) return results.push({ id, status: 'rejected', reason: decision.problem.message });
      batch.seq += 1;
      batch.stored.set(event.id, { id: event.id, workspace_id: batch.workspaceId, seq: String(batch.seq) });
      rows.push([batch.workspaceId, batch.seq, event.id, event.type, event.actor, JSON.stringify(event)]);
      return results.push({ id, status: 'accepted', seq: batch.seq });
    });
    return { results, rows };
  }
}

const typeOf = (item: unknown): unknown => (typeof item === 'object' && item ? (item as { type?: unknown }).type : undefined);

/**
 * Revokes the members' tokens in the transaction. Every hub process (this one, or one the CLI shares
 * PostgreSQL with) hears the NOTIFY on commit and closes the member's live streams.
 */
async function revokeMemberTokens(tx: Queryable, memberIds: string[]): Promise<number> {
  if (memberIds.length === 0) return 0;
  const { rows } = await tx.query<{ member_id: string }>('update tokens set revoked_at = now() where revoked_at is null and member_id = any($1) returning member_id', [memberIds]);
  for (const memberId of new Set(rows.map((row) => row.member_id))) await tx.query('select pg_notify($1, $2)', [REVOCATIONS_CHANNEL, memberId]);
  return rows.length;
}

/** A member removed by an event this transaction stored loses every token with it: the removal and the revocation commit together. */
async function revokeRemovedInTx(tx: Queryable, workspaceId: string, afterSeq: number): Promise<void> {
  const { rows } = await tx.query<{ member_id: string }>("select body->'entity'->>'id' as member_id from events where workspace_id = $1 and seq > $2 and type = 'member.removed'", [workspaceId, afterSeq]);
  await revokeMemberTokens(
    tx,
    rows.map((row) => row.member_id),
  );
}

/** The addresses a pending invite of the workspace is for: they belong to the people invited. Asked only when a batch changes a member. */
async function pendingInvites(tx: Queryable, workspaceId: string, raw: unknown[]): Promise<Set<string>> {
  if (!raw.some((item) => typeOf(item) === 'member.updated')) return new Set();
  const { rows } = await tx.query<{ email: string }>('select distinct email from invites where workspace_id = $1 and used_at is null and revoked_at is null', [workspaceId]);
  return new Set(rows.map((r) => r.email));
}

/** Why a member may not take this address (someone is invited with it), or nothing. */
function squatting(event: BatonEvent, model: MemoryModel, invited: Set<string>): string | undefined {
  if (event.type !== 'member.updated' || !event.payload.email) return undefined;
  const { email } = event.payload;
  if (!invited.has(email) || model.member(event.entity.id)?.email === email) return undefined;
  return `${email} belongs to someone invited to this workspace: choose another address.`;
}
