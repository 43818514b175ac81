import { MemoryModel } from '../../../lib/events/memory-model';
import { makeEvent, type EventInput } from '../../../lib/events/make-event';
import type { Decision } from '../../../lib/events/reducer';
import type { BatonEvent, EventType } from '../../../lib/model/event';
import type { Handoff, HandoffState } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { Template, TemplateField } from '../../../lib/model/template';
import { BUILT_IN_TEMPLATES } from '../../../lib/templates';

// The cast of every handoff test. Ada is the admin and never party to a handoff; Jane sends, Tom
// receives, Sam is a colleague with no part in it (or the first receiver of a reassigned handoff).
export const ADA = { id: 'ada', name: 'Ada Admin', email: 'ada@agency.test', role: 'admin' } as const satisfies Member;
export const JANE = { id: 'jane', name: 'Jane Sender', email: 'jane@agency.test', role: 'member' } as const satisfies Member;
export const TOM = { id: 'tom', name: 'Tom Receiver', email: 'tom@agency.test', role: 'member' } as const satisfies Member;
export const SAM = { id: 'sam', name: 'Sam Other', email: 'sam@agency.test', role: 'member' } as const satisfies Member;
export const PEOPLE = { ada: ADA, jane: JANE, tom: TOM, sam: SAM } as const;
export type Who = keyof typeof PEOPLE;

export const WORKSPACE_ID = 'ws-agency';
export const CLIENT_ID = 'client-acme';
export const CLIENT_NAME = 'Acme Outdoor';
export const HANDOFF_ID = 'h-1';

const T0 = Date.parse('2025-03-03T09:00:00.000Z');

export function template(id: string): Template {
  const t = BUILT_IN_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no built-in template ${id}`);
  return t;
}

export function field(templateId: string, fieldId: string): TemplateField {
  const f = template(templateId).fields.find((x) => x.id === fieldId);
  if (!f) throw new Error(`no field ${fieldId} in ${templateId}`);
  return f;
}

/** A value that passes the completeness check of a field of this type: complete and valid. */
export function validValue(f: TemplateField): unknown {
  switch (f.type) {
    case 'short_text':
      return `${f.label}: agreed with the client`;
    case 'long_text':
      return `${f.label}: written down in full, with the history behind it.`;
    case 'list':
      return [`${f.label}: first point`, `${f.label}: second point`];
    case 'people':
      return [{ name: 'Maria Client', role: 'CMO, signs off', email: 'maria@acme-outdoor.test' }];
    case 'link':
      return `https://docs.example.test/${f.id}`;
    case 'date':
      return '2025-04-01';
    case 'kpi_targets':
      return [{ metric: 'ROAS', value: '4.0', validated: true, evidence: 'Checked against 12 months of Google Ads history and 38% gross margin.' }];
    case 'checklist':
      return (f.items ?? ['Done']).map((label) => ({ label, done: true }));
    case 'decisions':
      return [{ decision: 'No brand bidding', rationale: 'The CFO sees it as paying for free traffic.', consideredAndRejected: 'Brand bidding at a capped CPC' }];
    case 'action_items':
      return [{ id: 'a1', text: `Follow up on ${f.label}`, ownerEmail: JANE.email, due: '2025-04-15' }];
  }
}

/** Every required field of a template, filled completely and validly; overrides replace single fields. */
export function completeFields(templateId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of template(templateId).fields) if (f.required) out[f.id] = validValue(f);
  return { ...out, ...overrides };
}

/** A plain, comparable picture of every view of a model (Maps and Sets become arrays, in order). */
export function snapshot(model: MemoryModel): unknown {
  return {
    eventIds: [...model.eventIds],
    workspace: model.workspace_ ?? null,
    members: [...model.members_.entries()],
    clients: [...model.clients.entries()],
    handoffs: [...model.handoffs.entries()],
    templates: [...model.templates],
    notes: [...model.notes.entries()],
    failures: [...model.failures.entries()],
    items: [...model.items.entries()],
    timeline: [...model.timeline],
  };
}

/** Same, as a string: a rejected event must leave it byte for byte unchanged. */
export const frozen = (model: MemoryModel): string => JSON.stringify(snapshot(model));

/**
 * A log being written: every event gets a sequential id and a time one minute after the previous one,
 * is applied to the model and kept in `events` (accepted or not).
 */
export class Scenario {
  readonly model = new MemoryModel();
  readonly events: BatonEvent[] = [];
  private seq = 0;

  constructor(readonly prefix = 'e') {}

  /** Builds the next event without applying it. */
  next<T extends EventType>(type: T, actor: Who | string, entityId: string, payload: EventInput<T>): BatonEvent<T> {
    this.seq += 1;
    return makeEvent(type, actor, entityId, payload, { id: `${this.prefix}-${this.seq}`, at: new Date(T0 + this.seq * 60_000) });
  }

  /** Applies the next event and returns the decision (accepted or not). */
  try<T extends EventType>(type: T, actor: Who | string, entityId: string, payload: EventInput<T>): Decision {
    const event = this.next(type, actor, entityId, payload);
    this.events.push(event);
    return this.model.apply(event);
  }

  /** Applies the next event; throws with the reducer's reason when it is refused. */
  must<T extends EventType>(type: T, actor: Who | string, entityId: string, payload: EventInput<T>): BatonEvent<T> {
    const event = this.next(type, actor, entityId, payload);
    this.events.push(event);
    const decision = this.model.apply(event);
    if (!decision.ok) throw new Error(`${type} by ${actor} on ${entityId} refused: ${decision.problem.message}`);
    return event;
  }

  handoff(id = HANDOFF_ID): Handoff {
    const h = this.model.handoff(id);
    if (!h) throw new Error(`no handoff ${id}`);
    return h;
  }
}

/** Ada's workspace with Jane, Tom and Sam, and one client (Acme Outdoor, owned by Jane). */
export function workspace(prefix = 'e'): Scenario {
  const s = new Scenario(prefix);
  s.must('workspace.created', ADA.id, WORKSPACE_ID, {
    workspace: { id: WORKSPACE_ID, name: 'Northwind Digital', ownDomains: ['agency.test'], hourlyRate: 75, currency: 'USD' },
    admin: ADA,
  });
  for (const m of [JANE, TOM, SAM]) s.must('member.added', ADA.id, m.id, { member: m });
  s.must('client.created', ADA.id, CLIENT_ID, { name: CLIENT_NAME, ownerId: JANE.id });
  return s;
}

export interface DriveOptions {
  templateId?: string;
  handoffId?: string;
  /** Fields to create the handoff with; the template's complete fields by default. */
  fields?: Record<string, unknown>;
}

/** Gap ids used by driveTo. */
export const GAP_A = 'gap-a';
export const GAP_B = 'gap-b';

/**
 * A handoff from Jane to Tom in the given state. "reassigned" is sent to Sam first, then reassigned to
 * Tom by Ada, so Tom is always the current receiver and Sam the former one.
 */
export function driveTo(state: HandoffState, options: DriveOptions = {}, s: Scenario = workspace()): Scenario {
  const templateId = options.templateId ?? 'sales-to-am';
  const id = options.handoffId ?? HANDOFF_ID;
  const firstReceiver = state === 'reassigned' ? SAM.id : TOM.id;
  s.must('handoff.created', JANE.id, id, {
    clientId: CLIENT_ID,
    templateId,
    templateVersion: template(templateId).version,
    receiverId: firstReceiver,
    fields: options.fields ?? completeFields(templateId),
  });
  if (state === 'draft') return s;
  if (state === 'cancelled') {
    s.must('handoff.cancelled', JANE.id, id, { reason: 'Client paused the project.' });
    return s;
  }
  s.must('handoff.sent', JANE.id, id, {});
  if (state === 'sent') return s;
  if (state === 'reassigned') {
    s.must('handoff.reassigned', ADA.id, id, { receiverId: TOM.id, reason: 'Sam moved to another team.' });
    return s;
  }
  const goal = template(templateId).fields.find((f) => f.required)!.id;
  s.must('handoff.gaps_raised', TOM.id, id, { gaps: [{ id: GAP_A, fieldIds: [goal], question: 'Which of these goals matters most to the CMO?' }] });
  if (state === 'gaps_raised') return s;
  s.must('handoff.gaps_answered', JANE.id, id, { answers: [{ gapId: GAP_A, answer: 'The first one: online sales.' }] });
  if (state === 'gaps_answered') return s;
  s.must('handoff.confirmed', TOM.id, id, { comment: 'Enough to start.' });
  return s;
}
