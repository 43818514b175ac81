import type { HandoffState } from '../model/handoff';
import { FAILURE_CATEGORIES } from '../model/note';
import { TemplateSchema, type Template } from '../model/template';
import { BUILT_IN_TEMPLATES, findTemplate } from '../templates';
import { assessCompleteness } from '../workflow/completeness';
import { DEFAULT_CURRENCY, DEFAULT_HOURLY_RATE } from '../workflow/defaults';
import { actionOf, advance, confirmByHours, deadlineAfter, editedTitle, initialTitle, isInFlight, startedDeadline } from '../workflow/handoff-machine';
import { parseInstant } from './instant';
import { packHandoff, unpackHandoff, type PackedHandoff } from './packed-handoff';
import { WorkflowFacts, type RuleFact } from './workflow-facts';
import type { TeamRole } from '../model/team';

export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

/** A confirm-by date agreed at a send or a reassignment, and when it stopped applying (confirmed, reassigned, cancelled). */
export interface Deadline {
  due: number;
  endedAt?: number;
}

/** What the metrics need to know of one handoff's life: times in ms since the epoch. */
export interface HandoffFact {
  id: string;
  clientId: string;
  templateId: string;
  templateVersion: number;
  title: string;
  senderId: string;
  receiverId?: string;
  /** Every receiver it had, first to last (a reassignment adds one). */
  receiverIds: string[];
  state: HandoffState;
  createdAt: number;
  sentAt?: number;
  confirmedAt?: number;
  cancelledAt?: number;
  reassignedAt: number[];
  deadlines: Deadline[];
  completeness?: { required: number; satisfied: number; missing: string[] };
  overrideReason?: string;
  gapRounds: number;
  /** Every gap raised; a withdrawn one is kept with `withdrawnAt` (see the dashboard's counts, compute.ts). */
  gaps: GapFact[];
}

export interface GapFact {
  id: string;
  fieldIds: string[];
  question: string;
  raisedAt: number;
  answeredAt?: number;
  withdrawnAt?: number;
}

export interface FailureFact {
  id: string;
  clientId: string;
  handoffId?: string;
  category: FailureCategory;
  hours: number;
  description: string;
  loggedBy: string;
  at: number;
}

/** Bumped whenever the fold changes what it derives: saved copies of an older fold are refolded. */
export const FACTS_VERSION = 5;

export interface FactsSnapshot {
  v: number;
  handoffs: PackedHandoff[];
  failures: FailureFact[];
  members: [string, string][];
  clients: [string, { name: string; archived: boolean }][];
  templates: Template[];
  hourlyRate: number;
  currency: string;
  events: number;
  skipped: number;
  drafts: [string, Record<string, unknown>[]][];
  dueBy: [string, number][];
  /** Team roles and rules (the handoff map). */
  workflow: { roles: TeamRole[] | null; rules: RuleFact[] };
}

/**
 * The event log folded into what the metrics count. Built in one pass, and built further as events
 * arrive (`add`). The log is the reducer's: only accepted events are stored, once each, by the
 * extension and the hub alike. Every record is still read defensively: a malformed one, or one that
 * names what the log never created, is counted in `skipped` and changes nothing.
 */
export class MetricFacts {
  readonly handoffs = new Map<string, HandoffFact>();
  readonly failures: FailureFact[] = [];
  readonly members = new Map<string, string>();
  readonly clients = new Map<string, { name: string; archived: boolean }>();
  readonly templates: Template[] = [];
  hourlyRate = DEFAULT_HOURLY_RATE;
  currency = DEFAULT_CURRENCY;
  events = 0;
  skipped = 0;
  /** The workspace's team roles and rules: what the handoff map names and marks. */
  readonly workflow = new WorkflowFacts();
  /** Field values of handoffs not yet sent: what their completeness at send is assessed on. */
  private readonly failureIds = new Set<string>();
  /** One envelope reused for every event read: the fold runs synchronously and keeps none of it. */
  private readonly scratch: RawEvent = { id: '', type: '', actor: '', ms: 0, entityId: '', payload: {} };
  private readonly drafts = new Map<string, Record<string, unknown>[]>();
  /** A draft's confirm-by date, if the sender set one before sending. */
  private readonly dueBy = new Map<string, number>();

  /** Everything the fold knows, as plain data: what a saved copy keeps, so the log is not read again. */
  toJSON(): FactsSnapshot {
    return {
      v: FACTS_VERSION,
      handoffs: [...this.handoffs.values()].map(packHandoff),
      failures: this.failures,
      members: [...this.members],
      clients: [...this.clients],
      templates: this.templates,
      hourlyRate: this.hourlyRate,
      currency: this.currency,
      events: this.events,
      skipped: this.skipped,
      drafts: [...this.drafts],
      dueBy: [...this.dueBy],
      workflow: this.workflow.toJSON(),
    };
  }

  /** Facts from a saved copy; null when it is not one this version of the fold wrote (fold the log again). */
  static fromJSON(raw: unknown): MetricFacts | null {
    const data = raw as Partial<FactsSnapshot> | null;
    if (!data || data.v !== FACTS_VERSION) return null;
    const arrays = [data.handoffs, data.failures, data.members, data.clients, data.templates, data.drafts, data.dueBy];
    if (!arrays.every(Array.isArray) || typeof data.hourlyRate !== 'number' || typeof data.currency !== 'string' || typeof data.events !== 'number' || typeof data.skipped !== 'number') return null;
    const facts = new MetricFacts();
    try {
      for (const packed of data.handoffs!) {
        const h = unpackHandoff(packed);
        facts.handoffs.set(h.id, h);
      }
    } catch {
      return null;
    }
    for (const f of data.failures!) {
      facts.failures.push(f);
      facts.failureIds.add(f.id);
    }
    for (const [id, name] of data.members!) facts.members.set(id, name);
    for (const [id, client] of data.clients!) facts.clients.set(id, client);
    facts.templates.push(...data.templates!);
    for (const [id, parts] of data.drafts!) facts.drafts.set(id, parts);
    for (const [id, due] of data.dueBy!) facts.dueBy.set(id, due);
    facts.hourlyRate = data.hourlyRate!;
    facts.currency = data.currency!;
    facts.events = data.events!;
    facts.skipped = data.skipped!;
    if (!facts.workflow.read(data.workflow)) return null;
    return facts;
  }

  template(id: string, version?: number): Template | undefined {
    return findTemplate(this.templates, id, version) ?? findTemplate(BUILT_IN_TEMPLATES, id, version);
  }

  addAll(events: Iterable<unknown>): this {
    for (const event of events) this.add(event);
    return this;
  }

  add(raw: unknown): void {
    this.events += 1;
    // Most of a log is notes and edits the metrics do not read: they are passed over before any work.
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || IGNORED.has(type)) {
      if (typeof type !== 'string') this.skipped += 1;
      return;
    }
    const e = readEvent(raw, type, this.scratch);
    try {
      if (!e || !this.apply(e)) this.skipped += 1;
    } catch {
      this.skipped += 1;
    }
  }

  private apply(e: RawEvent): boolean {
    const p = e.payload;
    const at = e.ms;
    switch (e.type) {
      case 'workspace.created': {
        const ws = obj(p.workspace);
        const admin = obj(p.admin);
        this.setRate(ws);
        if (str(admin.id) && str(admin.name)) this.members.set(admin.id, admin.name);
        this.workflow.setRoles(ws.roles);
        return true;
      }
      case 'workspace.updated':
        this.setRate(p);
        this.workflow.setRoles(p.roles);
        return true;
      case 'rule.saved':
        return this.workflow.saved(p.rule);
      case 'rule.deleted':
        return this.workflow.deleted(e.entityId);
      case 'member.added': {
        const m = obj(p.member);
        if (!str(m.id) || !str(m.name)) return false;
        this.members.set(m.id, m.name);
        return true;
      }
      case 'member.updated':
        if (str(p.name)) this.members.set(e.entityId, p.name);
        return true;
      case 'client.created':
      case 'client.updated': {
        const existing = this.clients.get(e.entityId);
        const name = str(p.name) ? p.name : existing?.name;
        if (!name) return false;
        this.clients.set(e.entityId, { name, archived: existing?.archived ?? false });
        return true;
      }
      case 'client.archived': {
        const c = this.clients.get(e.entityId);
        if (c) c.archived = p.archived === true;
        return c !== undefined;
      }
      case 'template.saved': {
        // Checked whole (templates are few): a malformed field would throw later, half-way through a send.
        const t = TemplateSchema.safeParse(p.template);
        if (!t.success) return false;
        this.templates.push(t.data);
        return true;
      }
      case 'handoff.created':
        return this.created(e, at);
      case 'failure.logged':
        return this.failureLogged(obj(p.failure));
      default:
        if (e.type.startsWith('handoff.')) return this.changed(e, at);
        return true;
    }
  }

  private setRate(p: Record<string, unknown>): void {
    if (typeof p.hourlyRate === 'number' && Number.isFinite(p.hourlyRate)) this.hourlyRate = p.hourlyRate;
    if (str(p.currency)) this.currency = p.currency;
  }

  private created(e: RawEvent, at: number): boolean {
    const p = e.payload;
    if (!str(p.clientId) || !str(p.templateId) || typeof p.templateVersion !== 'number') return false;
    const template = this.template(p.templateId, p.templateVersion);
    const client = this.clients.get(p.clientId);
    if (this.handoffs.has(e.entityId)) return false;
    const fact: HandoffFact = {
      id: e.entityId,
      clientId: p.clientId,
      templateId: p.templateId,
      templateVersion: p.templateVersion,
      // The reducer's title (an unknown template is named by its id, an unknown client by nothing).
      title: initialTitle(text(p.title), template?.name ?? p.templateId, client?.name ?? ''),
      senderId: e.actor,
      receiverIds: [],
      state: 'draft',
      createdAt: at,
      reassignedAt: [],
      deadlines: [],
      gapRounds: 0,
      gaps: [],
      // Every field present from the start: one object shape for all facts keeps the fold fast.
      receiverId: str(p.receiverId) ? p.receiverId : undefined,
      sentAt: undefined,
      confirmedAt: undefined,
      cancelledAt: undefined,
      completeness: undefined,
      overrideReason: undefined,
    };
    this.handoffs.set(fact.id, fact);
    this.drafts.set(fact.id, [obj(p.fields)]);
    const due = time(p.dueBy);
    if (due !== undefined) this.dueBy.set(fact.id, due);
    return true;
  }

  private changed(e: RawEvent, at: number): boolean {
    const h = this.handoffs.get(e.entityId);
    const action = actionOf(e.type);
    if (!h || !action) return false;
    const p = e.payload;
    switch (action) {
      case 'update':
        return this.updated(h, p);
      case 'send':
        return this.sent(h, p, at);
      case 'raise_gaps':
        return this.gapsRaised(h, p, at);
      case 'answer_gaps':
        return this.gapsAnswered(h, p, at);
      case 'confirm':
        // A confirmation again after an edit is not a second answer to the send: time to confirm
        // and the confirmed count keep the first.
        h.confirmedAt ??= at;
        break;
      case 'cancel':
        // Confirmed once (an edit re-opened it): the reducer refuses the cancel (rules.ts), so does the fold.
        if (h.confirmedAt !== undefined) return false;
        h.cancelledAt = at;
        this.drafts.delete(h.id);
        break;
      case 'reassign':
        return this.reassigned(h, p, at);
      case 'withdraw_gap':
        return this.gapWithdrawn(h, p, at);
      case 'edit':
        return this.edited(h, p, at);
      case 'nudge':
        return true;
    }
    endDeadline(h, at);
    advance(h, action, false);
    return true;
  }

  private updated(h: HandoffFact, p: Record<string, unknown>): boolean {
    const draft = this.drafts.get(h.id);
    // Merged once, at send: most drafts are edited many times.
    if (draft) draft.push(obj(p.fields));
    h.title = editedTitle(h.title, text(p.title));
    if (str(p.receiverId)) h.receiverId = p.receiverId;
    const due = time(p.dueBy);
    const open = h.deadlines.at(-1);
    // After the send, a new confirm-by moves the deadline that applies now (as the reducer does).
    if (due !== undefined && h.sentAt === undefined) this.dueBy.set(h.id, due);
    else if (due !== undefined && open && open.endedAt === undefined) open.due = due;
    return true;
  }

  private sent(h: HandoffFact, p: Record<string, unknown>, at: number): boolean {
    if (h.sentAt !== undefined) return false;
    const fields = Object.assign({}, ...(this.drafts.get(h.id) ?? [])) as Record<string, unknown>;
    this.drafts.delete(h.id);
    h.sentAt = at;
    advance(h, 'send', false);
    if (h.receiverId) h.receiverIds.push(h.receiverId);
    const t = this.template(h.templateId, h.templateVersion);
    if (t) {
      // The log's field values were parsed when they were written: checked as they are.
      const c = assessCompleteness(t, fields, true);
      h.completeness = { required: c.required, satisfied: c.satisfied, missing: c.missing.map((m) => m.fieldId) };
      if (c.missing.length > 0 && str(p.overrideReason)) h.overrideReason = p.overrideReason.trim();
    }
    h.deadlines.push({ due: startedDeadline('send', time(p.dueBy), this.dueBy.get(h.id), deadlineAfter(at, confirmByHours(t))) });
    this.dueBy.delete(h.id);
    return true;
  }

  private gapsRaised(h: HandoffFact, p: Record<string, unknown>, at: number): boolean {
    const before = h.gaps.length;
    for (const g of Array.isArray(p.gaps) ? p.gaps : []) {
      const gap = obj(g);
      const fieldIds = Array.isArray(gap.fieldIds) ? gap.fieldIds.filter(str) : [];
      if (str(gap.id) && fieldIds.length > 0) h.gaps.push({ id: gap.id, fieldIds, question: str(gap.question) ? gap.question : '', raisedAt: at });
    }
    // No gap to raise: malformed, it counts no round.
    if (h.gaps.length === before) return false;
    advance(h, 'raise_gaps', true);
    return true;
  }

  private gapsAnswered(h: HandoffFact, p: Record<string, unknown>, at: number): boolean {
    const answered = new Set((Array.isArray(p.answers) ? p.answers : []).map((a) => obj(a).gapId));
    const open = h.gaps.filter((gap) => answered.has(gap.id) && isOpen(gap));
    // Answers no open gap: malformed, the state stays.
    if (open.length === 0) return false;
    for (const gap of open) gap.answeredAt = at;
    advance(h, 'answer_gaps', hasOpenGap(h));
    return true;
  }

  /**
   * A gap taken back by the receiver before its answer: kept, marked withdrawn, as the handoff shows it
   * (the dashboard counts it among the gaps raised, not against its field); the round it opened still
   * counted; the state moves as the reducer moves it.
   */
  private gapWithdrawn(h: HandoffFact, p: Record<string, unknown>, at: number): boolean {
    const gap = h.gaps.find((g) => g.id === p.gapId && isOpen(g));
    if (!gap) return false;
    gap.withdrawnAt = at;
    advance(h, 'withdraw_gap', hasOpenGap(h), { answered: h.gaps.some((g) => g.answeredAt !== undefined) });
    return true;
  }

  private reassigned(h: HandoffFact, p: Record<string, unknown>, at: number): boolean {
    if (!str(p.receiverId)) return false;
    endDeadline(h, at);
    h.receiverId = p.receiverId;
    h.receiverIds.push(p.receiverId);
    h.reassignedAt.push(at);
    advance(h, 'reassign', hasOpenGap(h));
    const t = this.template(h.templateId, h.templateVersion);
    h.deadlines.push({ due: startedDeadline('reassign', time(p.dueBy), undefined, deadlineAfter(at, confirmByHours(t))) });
    return true;
  }

  /** An edit after the send; one that changes a required field of a confirmed handoff starts a new confirm-by (as the reducer does). */
  private edited(h: HandoffFact, p: Record<string, unknown>, at: number): boolean {
    h.title = editedTitle(h.title, text(p.title));
    const reopened = p.reconfirm === true && h.state === 'confirmed';
    advance(h, 'edit', hasOpenGap(h), { reconfirm: p.reconfirm === true });
    const due = time(p.dueBy);
    const open = h.deadlines.at(-1);
    if (reopened) h.deadlines.push({ due: due ?? deadlineAfter(at, confirmByHours(this.template(h.templateId, h.templateVersion))) });
    else if (due !== undefined && open && open.endedAt === undefined) open.due = due;
    return true;
  }

  private failureLogged(f: Record<string, unknown>): boolean {
    const handoff = str(f.handoffId) ? this.handoffs.get(f.handoffId) : undefined;
    const clientId = handoff?.clientId ?? (str(f.clientId) ? f.clientId : undefined);
    const at = time(f.at);
    const category = FAILURE_CATEGORIES.find((c) => c === f.category);
    if (!str(f.id) || this.failureIds.has(f.id) || !clientId || at === undefined || !category || typeof f.hours !== 'number' || !Number.isFinite(f.hours) || f.hours < 0) return false;
    const fact: FailureFact = { id: f.id, clientId, category, hours: f.hours, description: str(f.description) ? f.description : '', loggedBy: str(f.loggedBy) ? f.loggedBy : '', at };
    if (handoff) fact.handoffId = handoff.id;
    this.failures.push(fact);
    this.failureIds.add(fact.id);
    return true;
  }
}

/** Folds a log (oldest first) into facts. */
export function collectFacts(events: Iterable<unknown>): MetricFacts {
  return new MetricFacts().addAll(events);
}

interface RawEvent {
  id: string;
  type: string;
  actor: string;
  ms: number;
  entityId: string;
  payload: Record<string, unknown>;
}

const str = (v: unknown): v is string => typeof v === 'string' && v !== '';
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const time = (v: unknown): number | undefined => (typeof v === 'string' ? parseInstant(v) : undefined);

/** Neither answered nor withdrawn: the sender still owes an answer. */
const isOpen = (g: GapFact) => g.answeredAt === undefined && g.withdrawnAt === undefined;
const hasOpenGap = (h: HandoffFact) => h.gaps.some(isOpen);

/**
 * Confirmed once, then sent back to its receiver by an edit of a required field: in flight again, its
 * first confirmation kept. The dashboard counts that confirmation and lists it as open, marked.
 */
export const awaitsReconfirmation = (h: Pick<HandoffFact, 'confirmedAt' | 'state'>): boolean => h.confirmedAt !== undefined && isInFlight(h.state);

/** The open deadline stops applying: the handoff was confirmed, reassigned or cancelled. */
function endDeadline(h: HandoffFact, at: number): void {
  const last = h.deadlines.at(-1);
  if (last && last.endedAt === undefined) last.endedAt = at;
}

function readEvent(raw: unknown, type: string, into: RawEvent): RawEvent | null {
  const e = raw as Record<string, unknown>;
  const entityId = (e.entity as { id?: unknown } | null)?.id;
  const ms = time(e.at);
  if (!str(e.id) || !str(e.actor) || ms === undefined || !str(entityId)) return null;
  into.id = e.id;
  into.type = type;
  into.actor = e.actor;
  into.ms = ms;
  into.entityId = entityId;
  into.payload = obj(e.payload);
  return into;
}

/** Event types no metric reads. */
const IGNORED = new Set(['note.added', 'item.added', 'item.completed', 'client.identifier_linked']);
