import { makeEvent, type EventInput } from '../../../lib/events/make-event';
import type { BatonEvent, EventType } from '../../../lib/model/event';
import type { Template } from '../../../lib/model/template';
import { completeFields } from '../events/builders';
import { COMPLETE_BRIEF } from '../helpers/handoffs';

/**
 * A small agency's log with every figure of the metrics worked out by hand (see compute.test.ts):
 * twelve handoffs before, in and after the week of Monday 2 March 2026 (UTC), in every state, with
 * gaps, overrides, a reassignment, a cancellation, failures and a custom template in two versions.
 *
 * The same story runs in the unit tests (fixed member ids) and through the hub (ids the hub gives
 * its members), so the people are parameters.
 */
export interface Cast {
  jane: string;
  tom: string;
  sam: string;
  ada: string;
}

export const NAMES = { jane: 'Jane Doe', tom: 'Tom Reyes', sam: 'Sam Park', ada: 'Ada Lind' } as const;
export const EMAILS = { jane: 'jane@brightlane.agency', tom: 'tom@brightlane.agency', sam: 'sam@brightlane.agency', ada: 'ada@brightlane.agency' } as const;
export const FIXED_CAST: Cast = { jane: 'jane', tom: 'tom', sam: 'sam', ada: 'ada' };

/** "03-02 09:00" → 2026-03-02T09:00:00.000Z. */
export const t = (when: string) => `2026-${when.slice(0, 5)}T${when.slice(6)}:00.000Z`;
export const ms = (when: string) => Date.parse(t(when));

/** The instant every test of the story computes at: Monday 9 March 2026, 12:00 UTC. */
export const NOW = ms('03-09 12:00');

const help = 'What good looks like, in a sentence.';
export const ONBOARDING_V1: Template = {
  id: 'onboarding',
  version: 1,
  kind: 'custom',
  name: 'Onboarding',
  description: 'A new client’s accounts and kickoff, from sales ops to the account team.',
  fromRole: 'Sales ops',
  toRole: 'Account manager',
  transfersOwnership: false,
  confirmWithinHours: 72,
  builtIn: false,
  fields: [
    { id: 'kickoff', label: 'Kickoff date', type: 'short_text', required: true, help },
    { id: 'access', label: 'Access granted', type: 'list', required: true, help },
    { id: 'notes', label: 'Notes', type: 'long_text', required: false, help },
  ],
};
/** Version 2: renamed, relabelled, and 12 hours to confirm instead of 72. */
export const ONBOARDING_V2: Template = {
  ...ONBOARDING_V1,
  version: 2,
  name: 'Client onboarding',
  confirmWithinHours: 12,
  fields: [
    { id: 'kickoff', label: 'Kickoff call', type: 'short_text', required: true, help },
    { id: 'access', label: 'Platform access', type: 'list', required: true, help },
    { id: 'notes', label: 'Notes', type: 'long_text', required: false, help },
  ],
};

/** Appends events with deterministic ids (`<prefix>e1`, `<prefix>e2`, …) and the given times. */
export class LogBuilder {
  readonly events: BatonEvent[] = [];
  private n = 0;
  constructor(private readonly prefix = '') {}

  add<T extends EventType>(type: T, actor: string, entityId: string, payload: EventInput<T>, when: string): this {
    this.events.push(makeEvent(type, actor, entityId, payload, { id: `${this.prefix}e${++this.n}`, at: when.includes('T') ? when : t(when) }));
    return this;
  }
}

/** The workspace and its four members, as the extension's own log would start. */
export function setupEvents(cast: Cast = FIXED_CAST, prefix = ''): BatonEvent[] {
  const b = new LogBuilder(`${prefix}s`);
  b.add('workspace.created', cast.jane, 'ws', { workspace: { id: 'ws', name: 'Brightlane' }, admin: { id: cast.jane, name: NAMES.jane, email: EMAILS.jane, role: 'admin' } }, '01-31 09:00');
  for (const who of ['tom', 'sam', 'ada'] as const) {
    b.add('member.added', cast.jane, cast[who], { member: { id: cast[who], name: NAMES[who], email: EMAILS[who], role: 'member' } }, '01-31 09:05');
  }
  return b.events;
}

const { tone_of_voice: _tov, brand_guidelines: _bg, deadline: _dl, ...BRIEF_WITHOUT_THREE } = COMPLETE_BRIEF;

/**
 * The story, after the setup. Times are UTC. "Due" is the confirm-by date: the send (or reassignment)
 * plus the template's confirmWithinHours (brief 24 h, sales 48 h, onboarding v1 72 h, v2 12 h).
 *
 * | id  | template      | client    | people        | sent        | gaps (rounds)           | end                    | due         |
 * |-----|---------------|-----------|---------------|-------------|-------------------------|------------------------|-------------|
 * | h8  | brief         | northwind | jane → tom    | 02-26 10:00 | –                       | confirmed 02-27 10:00  | 02-27 10:00 |
 * | h9  | sales         | oakridge  | jane → tom    | 03-01 10:00 | –                       | confirmed 03-02 10:00  | 03-03 10:00 |
 * | h1  | brief         | northwind | jane → tom    | 03-02 10:00 | –                       | confirmed 03-02 16:00  | 03-03 10:00 |
 * | h2  | brief (7/9)   | northwind | jane → tom    | 03-02 12:00 | g1 g2 (1)               | confirmed 03-04 12:00  | 03-03 12:00 |
 * | h3  | sales         | kestrel   | sam → tom     | 03-03 09:00 | g3 (1), g4 g5 (2)       | confirmed 03-05 09:00  | 03-05 09:00 |
 * | h11 | onboarding v1 (1/2) | kestrel | jane → ada | 03-03 11:00 | g7 (1)                  | confirmed 03-05 21:00  | 03-06 11:00 |
 * | h4  | brief         | oakridge  | jane → tom → ada | 03-04 10:00 | –                    | reassigned 03-05 12:00, confirmed 03-06 08:00 | 03-05 10:00, then 03-06 12:00 |
 * | h5  | sales         | northwind | jane → tom    | 03-05 10:00 | –                       | cancelled 03-06 09:00  | 03-07 10:00 |
 * | h12 | onboarding v2 | oakridge  | tom → ada     | 03-05 09:00 | g8 g9 (1)               | confirmed 03-06 09:00  | 03-05 21:00 |
 * | h6  | brief         | kestrel   | jane → sam    | 03-06 10:00 | –                       | open                   | 03-07 10:00 |
 * | h7  | brief (draft) | oakridge  | jane          | –           | –                       | never sent             | –           |
 * | h10 | brief         | northwind | jane → tom    | 03-08 21:00 | g6 (1), open            | open                   | 03-09 21:00 |
 *
 * Failures (time of the failure, not of its event): f4 h8 missing_context 1 h 02-27; f1 h2
 * missing_context 3 h 03-05; f5 h3 missing_context 1.5 h 03-06; f2 h4 wrong_expectations 2.5 h 03-06;
 * f3 kestrel (no handoff) client_complaint 4 h 03-07, logged on 03-08.
 */
export function storyEvents(cast: Cast = FIXED_CAST, prefix = ''): BatonEvent[] {
  const { jane, tom, sam, ada } = cast;
  const b = new LogBuilder(prefix);
  const SALES = completeFields('sales-to-am');
  const brief = (id: string, client: string, sender: string, receiver: string | undefined, when: string, extra: { title?: string; fields?: Record<string, unknown> } = {}) =>
    b.add('handoff.created', sender, id, { clientId: client, templateId: 'brief-to-creative', templateVersion: 1, ...(receiver ? { receiverId: receiver } : {}), fields: extra.fields ?? COMPLETE_BRIEF, ...(extra.title ? { title: extra.title } : {}) }, when);
  const sales = (id: string, client: string, sender: string, receiver: string, when: string) =>
    b.add('handoff.created', sender, id, { clientId: client, templateId: 'sales-to-am', templateVersion: 1, receiverId: receiver, fields: SALES }, when);
  const failure = (id: string, by: string, when: string, f: { handoffId?: string; clientId?: string; category: 'missing_context' | 'wrong_expectations' | 'client_complaint'; hours: number }, loggedAt = when) =>
    b.add('failure.logged', by, id, { failure: { id, loggedBy: by, at: t(when), description: `Failure ${id}: repaired`, ...f } }, loggedAt);

  // Clients: three accounts and an archived one (not an account in the projection).
  b.add('client.created', jane, 'northwind', { name: 'Northwind Outfitters', identifiers: [{ kind: 'email-domain', value: 'northwindoutfitters.com' }] }, '02-01 09:00');
  b.add('client.created', jane, 'kestrel', { name: 'Kestrel Bikes' }, '02-01 09:01');
  b.add('client.created', jane, 'oakridge', { name: 'Oakridge Dental' }, '02-01 09:02');
  b.add('client.created', jane, 'zephyr', { name: 'Zephyr Labs' }, '02-01 09:03');
  b.add('client.archived', jane, 'zephyr', { archived: true }, '02-02 09:00');
  b.add('template.saved', jane, 'onboarding', { template: ONBOARDING_V1 }, '02-20 09:00');
  // Events no metric reads: counted, passed over.
  b.add('client.identifier_linked', jane, 'kestrel', { identifier: { kind: 'email-domain', value: 'kestrelbikes.com' } }, '02-20 10:00');
  b.add('note.added', tom, 'n1', { note: { id: 'n1', clientId: 'northwind', authorId: tom, at: t('02-20 11:00'), kind: 'note', text: 'Prefers calls on Tuesdays.' } }, '02-20 11:00');
  b.add('item.added', jane, 'i1', { clientId: 'northwind', text: 'Send the Q1 report', ownerEmail: EMAILS.jane }, '02-20 12:00');

  // The previous week (23 Feb – 1 Mar).
  brief('h8', 'northwind', jane, tom, '02-26 09:00');
  b.add('handoff.sent', jane, 'h8', {}, '02-26 10:00');
  b.add('handoff.confirmed', tom, 'h8', {}, '02-27 10:00');
  failure('f4', jane, '02-27 12:00', { handoffId: 'h8', category: 'missing_context', hours: 1 });
  sales('h9', 'oakridge', jane, tom, '02-28 09:00');
  b.add('handoff.sent', jane, 'h9', {}, '03-01 10:00');
  b.add('template.saved', jane, 'onboarding', { template: ONBOARDING_V2 }, '03-01 12:00');

  // The week (2 – 8 March).
  brief('h1', 'northwind', jane, tom, '03-02 09:00', { title: 'Spring launch brief' });
  b.add('handoff.confirmed', tom, 'h9', {}, '03-02 10:00');
  b.add('handoff.sent', jane, 'h1', {}, '03-02 10:00');
  brief('h2', 'northwind', jane, tom, '03-02 11:00', { fields: BRIEF_WITHOUT_THREE });
  b.add('handoff.updated', jane, 'h2', { fields: { deadline: '2026-03-20' } }, '03-02 11:30');
  b.add('handoff.sent', jane, 'h2', { overrideReason: 'The client has not shared its tone of voice yet.' }, '03-02 12:00');
  b.add('handoff.confirmed', tom, 'h1', {}, '03-02 16:00');
  sales('h3', 'kestrel', sam, tom, '03-03 08:00');
  b.add('handoff.gaps_raised', tom, 'h2', { gaps: [{ id: 'g1', fieldIds: ['tone_of_voice'], question: 'Where is the tone of voice?' }, { id: 'g2', fieldIds: ['tone_of_voice', 'brand_guidelines'], question: 'Which brand book applies?' }] }, '03-03 09:00');
  b.add('handoff.sent', sam, 'h3', {}, '03-03 09:00');
  b.add('handoff.created', jane, 'h11', { clientId: 'kestrel', templateId: 'onboarding', templateVersion: 1, receiverId: ada, fields: { kickoff: 'Monday 9 March' } }, '03-03 10:00');
  b.add('handoff.sent', jane, 'h11', { overrideReason: 'Access requests are still pending with IT.' }, '03-03 11:00');
  b.add('handoff.gaps_answered', jane, 'h2', { answers: [{ gapId: 'g1', answer: 'Linked now.' }, { gapId: 'g2', answer: 'The 2026 one.' }], fields: { tone_of_voice: 'https://docs.example.com/tov', brand_guidelines: 'https://docs.example.com/brand' } }, '03-03 12:00');
  b.add('handoff.gaps_raised', tom, 'h3', { gaps: [{ id: 'g3', fieldIds: ['commitments'], question: 'Was the ROAS checked?' }] }, '03-03 15:00');
  b.add('handoff.gaps_answered', sam, 'h3', { answers: [{ gapId: 'g3', answer: 'Yes, against 12 months.' }] }, '03-03 16:00');
  b.add('handoff.gaps_raised', tom, 'h3', { gaps: [{ id: 'g4', fieldIds: ['commitments'], question: 'And the CPA?' }, { id: 'g5', fieldIds: ['stakeholders'], question: 'Who pays the invoices?' }] }, '03-04 09:00');
  b.add('handoff.gaps_raised', ada, 'h11', { gaps: [{ id: 'g7', fieldIds: ['kickoff'], question: 'What time on Monday?' }] }, '03-04 09:00');
  brief('h4', 'oakridge', jane, tom, '03-04 09:00');
  b.add('handoff.gaps_answered', sam, 'h3', { answers: [{ gapId: 'g4', answer: 'CPA 30.' }, { gapId: 'g5', answer: 'Their CFO.' }] }, '03-04 10:00');
  b.add('handoff.gaps_answered', jane, 'h11', { answers: [{ gapId: 'g7', answer: '10:00.' }] }, '03-04 10:00');
  b.add('handoff.sent', jane, 'h4', {}, '03-04 10:00');
  b.add('handoff.confirmed', tom, 'h2', {}, '03-04 12:00');
  b.add('handoff.created', tom, 'h12', { clientId: 'oakridge', templateId: 'onboarding', templateVersion: 2, receiverId: ada, fields: { kickoff: 'Friday call', access: ['GA4', 'Google Ads'] } }, '03-05 08:00');
  b.add('handoff.confirmed', tom, 'h3', {}, '03-05 09:00');
  b.add('handoff.sent', tom, 'h12', {}, '03-05 09:00');
  sales('h5', 'northwind', jane, tom, '03-05 09:00');
  b.add('handoff.sent', jane, 'h5', {}, '03-05 10:00');
  b.add('handoff.gaps_raised', ada, 'h12', { gaps: [{ id: 'g8', fieldIds: ['kickoff'], question: 'Which Friday?' }, { id: 'g9', fieldIds: ['access', 'kickoff'], question: 'Admin access, before the call?' }] }, '03-05 10:00');
  failure('f1', tom, '03-05 10:00', { handoffId: 'h2', category: 'missing_context', hours: 3 });
  b.add('handoff.gaps_answered', tom, 'h12', { answers: [{ gapId: 'g8', answer: 'The 13th.' }, { gapId: 'g9', answer: 'Yes.' }] }, '03-05 11:00');
  b.add('handoff.reassigned', jane, 'h4', { receiverId: ada, reason: 'Tom is on leave.' }, '03-05 12:00');
  b.add('handoff.confirmed', ada, 'h11', {}, '03-05 21:00');
  b.add('handoff.confirmed', ada, 'h4', {}, '03-06 08:00');
  b.add('handoff.cancelled', jane, 'h5', { reason: 'Sold twice.' }, '03-06 09:00');
  b.add('handoff.confirmed', ada, 'h12', {}, '03-06 09:00');
  brief('h6', 'kestrel', jane, sam, '03-06 09:00');
  b.add('handoff.sent', jane, 'h6', {}, '03-06 10:00');
  failure('f5', tom, '03-06 10:00', { handoffId: 'h3', category: 'missing_context', hours: 1.5 });
  failure('f2', ada, '03-06 15:00', { handoffId: 'h4', category: 'wrong_expectations', hours: 2.5 });
  b.add('client.updated', jane, 'oakridge', { name: 'Oakridge Dental Group' }, '03-07 08:00');
  brief('h7', 'oakridge', jane, undefined, '03-07 09:00', { fields: {} });
  // Logged on Sunday about a failure on Saturday: it counts on Saturday.
  failure('f3', sam, '03-07 12:00', { clientId: 'kestrel', category: 'client_complaint', hours: 4 }, '03-08 09:00');
  brief('h10', 'northwind', jane, tom, '03-08 20:00', { title: 'Autumn catalogue brief' });
  b.add('handoff.sent', jane, 'h10', {}, '03-08 21:00');
  b.add('handoff.gaps_raised', tom, 'h10', { gaps: [{ id: 'g6', fieldIds: ['deadline'], question: 'Is the deadline firm?' }] }, '03-08 22:00');
  return b.events;
}

/** Setup and story: the whole log of the unit tests. */
export function fullStory(): BatonEvent[] {
  return [...setupEvents(), ...storyEvents()];
}
