import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryModel, replay } from '../../../lib/events/memory-model';
import { makeEvent } from '../../../lib/events/make-event';
import { ClientSchema } from '../../../lib/model/client';
import { parseEvent, type BatonEvent } from '../../../lib/model/event';
import { HANDOFF_STATES, HandoffSchema, OpenItemSchema } from '../../../lib/model/handoff';
import { MemberSchema, WorkspaceSchema } from '../../../lib/model/member';
import { FailureSchema, NoteSchema } from '../../../lib/model/note';
import { TemplateSchema } from '../../../lib/model/template';
import { TimelineEntrySchema } from '../../../lib/model/timeline';
import { ADA, JANE, SAM, Scenario, TOM, completeFields, snapshot, template, workspace } from './builders';

const ACME = 'client-acme';
const BIRCH = 'client-birch';
const COBALT = 'client-cobalt';

/**
 * A month in a small agency, ~40 events: three clients, a handoff in every state, notes of all four
 * kinds, two failures, open items added, moved by a transition and closed.
 */
function agencyLog(): BatonEvent[] {
  const s = workspace('log'); // workspace, Jane, Tom, Sam, and Acme (owned by Jane): 5 events
  s.must('workspace.updated', ADA.id, 'ws-agency', { hourlyRate: 90, currency: 'EUR' });
  s.must('client.created', ADA.id, BIRCH, { name: 'Birch & Co', ownerId: TOM.id, stakeholders: [{ name: 'Lena Birch', role: 'Founder', email: 'lena@birch.test' }] });
  s.must('client.created', SAM.id, COBALT, { name: 'Cobalt Bikes', ownerId: SAM.id, preferences: ['Calls, not email, for budget'] });
  s.must('client.identifier_linked', JANE.id, ACME, { identifier: { kind: 'email-domain', value: 'acme-outdoor.com' } });
  s.must('client.updated', TOM.id, BIRCH, { toneOfVoiceUrl: 'https://drive.example.test/birch/tone-of-voice', sensitivities: ['Founder reads every report'] });

  const note = (id: string, author: typeof JANE | typeof TOM | typeof SAM, body: Record<string, unknown>) =>
    s.must('note.added', author.id, id, { note: { id, authorId: author.id, at: '2025-03-03T10:00:00Z', ...body } as never });
  note('n-decision', JANE, { kind: 'decision', clientId: ACME, decision: 'No brand bidding', rationale: 'CFO sees it as paying for free traffic.' });
  note('n-call', TOM, { kind: 'call_summary', clientId: BIRCH, summary: 'Kickoff: spring range, founder approves all copy.', attendees: ['Lena Birch', 'Tom'] });
  note('n-commit', JANE, { kind: 'commitment', clientId: ACME, commitment: 'ROAS 4.0 within 90 days', validated: false });
  note('n-plain', SAM, { kind: 'note', clientId: COBALT, text: 'Feed rebuild planned for April.' });

  s.must('item.added', JANE.id, 'item-renewal', { clientId: ACME, text: 'Prepare renewal deck', ownerEmail: JANE.email, due: '2025-05-01' });
  s.must('item.added', SAM.id, 'item-feed', { clientId: ACME, text: 'Clean up product feed', ownerEmail: SAM.email });
  s.must('item.added', TOM.id, 'item-birch', { clientId: BIRCH, text: 'Send spring brief', ownerEmail: TOM.email, due: '2025-03-20' });

  const create = (id: string, sender: string, clientId: string, templateId: string, receiverId: string, fields = completeFields(templateId)) =>
    s.must('handoff.created', sender, id, { clientId, templateId, templateVersion: template(templateId).version, receiverId, fields });

  // draft
  create('h-draft', JANE.id, BIRCH, 'brief-to-creative', TOM.id, { objective: 'Spring range launch pages' });
  s.must('handoff.updated', JANE.id, 'h-draft', { fields: { audience: 'Design-minded homeowners, 30–50' } });
  // sent
  create('h-sent', JANE.id, COBALT, 'strategy-to-media', TOM.id);
  s.must('handoff.sent', JANE.id, 'h-sent', {});
  // gaps_raised
  create('h-gaps', JANE.id, ACME, 'sales-to-am', TOM.id);
  s.must('handoff.sent', JANE.id, 'h-gaps', {});
  s.must('handoff.gaps_raised', TOM.id, 'h-gaps', { gaps: [{ id: 'g1', fieldIds: ['commitments'], question: 'Which window is ROAS measured over?' }] });
  // gaps_answered (Tom sends to Sam)
  create('h-answered', TOM.id, COBALT, 'launch-to-reporting', SAM.id);
  s.must('handoff.sent', TOM.id, 'h-answered', {});
  s.must('handoff.gaps_raised', SAM.id, 'h-answered', { gaps: [{ id: 'g1', fieldIds: ['baseline_period'], question: 'Does the baseline include the January sale?' }] });
  s.must('handoff.gaps_answered', TOM.id, 'h-answered', { answers: [{ gapId: 'g1', answer: 'No, it excludes it.' }] });
  // confirmed: Jane hands Acme to Tom; her items move
  create('h-confirmed', JANE.id, ACME, 'am-transition', TOM.id);
  s.must('handoff.sent', JANE.id, 'h-confirmed', { overrideReason: 'Not needed: complete, but sent with a note.' });
  s.must('handoff.confirmed', TOM.id, 'h-confirmed', { comment: 'All clear.' });
  // cancelled
  create('h-cancelled', TOM.id, BIRCH, 'coverage', JANE.id);
  s.must('handoff.sent', TOM.id, 'h-cancelled', {});
  s.must('handoff.cancelled', TOM.id, 'h-cancelled', { reason: 'Leave cancelled.' });
  // reassigned
  create('h-reassigned', SAM.id, COBALT, 'client-offboarding', JANE.id);
  s.must('handoff.sent', SAM.id, 'h-reassigned', {});
  s.must('handoff.reassigned', ADA.id, 'h-reassigned', { receiverId: TOM.id, reason: 'Jane is on the Acme transition.' });

  note('n-on-handoff', TOM, { kind: 'note', clientId: ACME, handoffId: 'h-confirmed', text: 'Intro call with the CMO went well.' });
  s.must('failure.logged', SAM.id, 'f-1', {
    failure: { id: 'f-1', handoffId: 'h-sent', category: 'missing_context', hours: 3, description: 'Launched without the exclusion list.', loggedBy: SAM.id, at: '2025-03-04T10:00:00Z' },
  });
  s.must('failure.logged', JANE.id, 'f-2', {
    failure: { id: 'f-2', clientId: BIRCH, category: 'client_complaint', hours: 1.5, description: 'Founder unhappy with report format.', loggedBy: JANE.id, at: '2025-03-05T10:00:00Z' },
  });
  s.must('item.completed', TOM.id, 'item-renewal', {}); // was Jane's, now Tom's
  return s.events;
}

const LOG = agencyLog();

describe('the agency log', () => {
  it('is realistic: ~40 events, all accepted, every handoff state, every note kind', () => {
    expect(LOG.length).toBeGreaterThanOrEqual(40);
    const { model, rejected } = replay(LOG);
    expect(rejected).toEqual([]);
    expect(new Set([...model.handoffs.values()].map((h) => h.state))).toEqual(new Set(HANDOFF_STATES));
    expect(new Set([...model.notes.values()].map((n) => n.kind))).toEqual(new Set(['decision', 'call_summary', 'commitment', 'note']));
    expect(model.clients.size).toBe(3);
    expect(model.failures.size).toBe(2);
    expect(model.failure('f-1')?.clientId).toBe(COBALT); // taken from its handoff
    expect(model.client(ACME)?.ownerId).toBe(TOM.id);
    expect(model.item('item-renewal')).toMatchObject({ ownerEmail: TOM.email, done: true });
    expect(model.item('item-feed')?.ownerEmail).toBe(SAM.email);
  });

  it('every derived record is valid against its schema', () => {
    const { model } = replay(LOG);
    expect(WorkspaceSchema.safeParse(model.workspace()).success).toBe(true);
    const invalid = [
      ...model.members().filter((m) => !MemberSchema.safeParse(m).success),
      ...[...model.clients.values()].filter((c) => !ClientSchema.safeParse(c).success),
      ...[...model.handoffs.values()].filter((h) => !HandoffSchema.safeParse(h).success),
      ...[...model.notes.values()].filter((n) => !NoteSchema.safeParse(n).success),
      ...[...model.failures.values()].filter((f) => !FailureSchema.safeParse(f).success),
      ...[...model.items.values()].filter((i) => !OpenItemSchema.safeParse(i).success),
      ...model.timeline.filter((t) => !TimelineEntrySchema.safeParse(t).success),
    ];
    expect(invalid).toEqual([]);
  });
});

describe('replay', () => {
  it('replaying the same log twice gives deep-equal models', () => {
    const a = replay(LOG);
    const b = replay(LOG);
    expect(snapshot(b.model)).toEqual(snapshot(a.model));
    expect(JSON.stringify(snapshot(b.model))).toBe(JSON.stringify(snapshot(a.model)));
  });

  it('applying any event a second time, right after it or at the end, changes nothing', () => {
    const full = replay(LOG).model;
    const end = snapshot(full);
    for (const event of LOG) {
      expect(full.apply(event)).toEqual({ ok: true, changes: [], duplicate: true });
      expect(snapshot(full)).toEqual(end);
    }
    const model = new MemoryModel();
    for (const event of LOG) {
      expect(model.apply(event)).toMatchObject({ ok: true, duplicate: false });
      const once = JSON.stringify(snapshot(model));
      expect(model.apply(event)).toEqual({ ok: true, changes: [], duplicate: true });
      expect(JSON.stringify(snapshot(model))).toBe(once);
    }
  });

  it('a log with every event delivered twice gives the same model', () => {
    const once = snapshot(replay(LOG).model);
    const adjacent = replay(LOG.flatMap((e) => [e, e]));
    expect(adjacent.rejected).toEqual([]);
    expect(snapshot(adjacent.model)).toEqual(once);
    const appended = replay([...LOG, ...LOG]);
    expect(appended.rejected).toEqual([]);
    expect(snapshot(appended.model)).toEqual(once);
  });

  it('the same event id is a duplicate even when re-sent with another body', () => {
    const { model } = replay(LOG);
    const before = JSON.stringify(snapshot(model));
    const original = LOG.find((e) => e.type === 'handoff.cancelled')!;
    const replayed = { ...original, payload: { reason: 'Different words' } } as BatonEvent;
    expect(model.apply(replayed)).toEqual({ ok: true, changes: [], duplicate: true });
    expect(JSON.stringify(snapshot(model))).toBe(before);
  });
});

describe('out-of-order logs', () => {
  const byId = (id: string) => LOG.findIndex((e) => e.id === id);
  const moveBefore = (log: BatonEvent[], eventId: string, beforeId: string) => {
    const event = log.find((e) => e.id === eventId)!;
    const rest = log.filter((e) => e.id !== eventId);
    const at = rest.findIndex((e) => e.id === beforeId);
    return [...rest.slice(0, at), event, ...rest.slice(at)];
  };
  const find = (pred: (e: BatonEvent) => boolean) => LOG.find(pred)!.id;

  it('an event referring to something not yet created is rejected with a reason and skipped whole', () => {
    const createdSent = find((e) => e.type === 'handoff.created' && e.entity.id === 'h-sent');
    const sendSent = find((e) => e.type === 'handoff.sent' && e.entity.id === 'h-sent');
    const cobalt = find((e) => e.type === 'client.created' && e.entity.id === COBALT);
    const plainNote = find((e) => e.entity.id === 'n-plain');
    const confirmTransition = find((e) => e.type === 'handoff.confirmed');
    const firstItem = find((e) => e.entity.id === 'item-renewal' && e.type === 'item.added');

    let shuffled = moveBefore(LOG, sendSent, createdSent); // sent before it exists
    shuffled = moveBefore(shuffled, plainNote, cobalt); // note on a client not yet created
    shuffled = moveBefore(shuffled, confirmTransition, firstItem); // confirm before the handoff exists
    expect(byId(sendSent)).toBeGreaterThan(byId(createdSent));

    const { model, rejected } = replay(shuffled);
    const closeRenewal = find((e) => e.type === 'item.completed');
    expect(rejected.map((r) => [r.event.id, r.reason])).toEqual([
      [plainNote, 'Unknown client.'],
      [confirmTransition, 'Unknown handoff.'],
      [sendSent, 'Unknown handoff.'],
      // Knock-on: the transition never happened, so the renewal item is still Jane's, not Tom's.
      [closeRenewal, 'Only its owner or an admin can close an item.'],
    ]);

    // Skipped whole: the model is exactly what the accepted events alone build.
    const accepted = shuffled.filter((e) => !rejected.some((r) => r.event.id === e.id));
    expect(snapshot(model)).toEqual(snapshot(replay(accepted).model));
    for (const r of rejected) {
      expect(model.hasEvent(r.event.id)).toBe(false);
      expect(model.timeline.some((t) => t.id === r.event.id)).toBe(false);
    }
    // Consequences: never sent, never confirmed, nothing moved.
    expect(model.handoff('h-sent')?.state).toBe('draft');
    expect(model.handoff('h-confirmed')?.state).toBe('sent');
    expect(model.client(ACME)?.ownerId).toBe(JANE.id);
    expect(model.item('item-renewal')).toMatchObject({ ownerEmail: JANE.email, done: false });
    expect(model.note('n-plain')).toBeUndefined();
    expect(model.failure('f-1')).toBeDefined();
  });

  it('any shuffle of the log: rejected events have reasons and change nothing', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(LOG, { minLength: LOG.length, maxLength: LOG.length }), (shuffled) => {
        const { model, rejected } = replay(shuffled);
        for (const r of rejected) expect(r.reason).toMatch(/\S/);
        const accepted = shuffled.filter((e) => !rejected.some((r) => r.event.id === e.id));
        expect(snapshot(model)).toEqual(snapshot(replay(accepted).model));
        // Replaying the shuffle is deterministic too.
        expect(snapshot(replay(shuffled).model)).toEqual(snapshot(model));
      }),
      { numRuns: 150 },
    );
  });
});

describe('events on the wire', () => {
  it('survive a JSON round trip: parseEvent accepts every one, unchanged', () => {
    const wire = JSON.parse(JSON.stringify(LOG)) as unknown[];
    const parsed = wire.map((raw) => parseEvent(raw));
    const failures = parsed.flatMap((p, i) => (p.ok ? [] : [`${LOG[i]!.type}: ${p.problem.message}`]));
    expect(failures).toEqual([]);
    const events = parsed.map((p) => (p.ok ? p.data : undefined)!);
    expect(events).toEqual(LOG);
    expect(snapshot(replay(events).model)).toEqual(snapshot(replay(LOG).model));
  });

  const valid = () =>
    JSON.parse(
      JSON.stringify(
        makeEvent('note.added', JANE.id, 'n-1', { note: { id: 'n-1', kind: 'note', clientId: ACME, authorId: JANE.id, at: '2025-03-03T10:00:00Z', text: 'Hello' } }, { id: 'ev-1', at: '2025-03-03T10:00:00Z' }),
      ),
    ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  const withEvent = (mutate: (e: Record<string, any>) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const e = valid();
    mutate(e);
    return e;
  };
  const handoffUpdate = (payload: unknown) => ({ ...valid(), type: 'handoff.updated', entity: { kind: 'handoff', id: 'h-1' }, payload });
  const itemAdded = (payload: unknown) => ({ ...valid(), type: 'item.added', entity: { kind: 'item', id: 'i-1' }, payload });
  const big = (n: number) => 'x'.repeat(n);

  it('the baseline event is accepted', () => {
    expect(parseEvent(valid()).ok).toBe(true);
  });

  const HOSTILE: [string, unknown, RegExp][] = [
    ['null', null, /\S/],
    ['a string', '{"id":"x"}', /\S/],
    ['an array', [valid()], /\S/],
    ['no id', withEvent((e) => delete e.id), /^id: /],
    ['a numeric actor', withEvent((e) => (e.actor = 42)), /^actor: /],
    ['a script tag as id', withEvent((e) => (e.id = '<script>alert(1)</script>')), /^id: /],
    ['markup as entity id', withEvent((e) => (e.entity.id = 'h"><img src=x onerror=alert(1)>')), /^entity\.id: /],
    ['a script tag as actor', withEvent((e) => (e.actor = 'jane<script>')), /^actor: /],
    ['an id of 101 characters', withEvent((e) => (e.id = big(101))), /^id: /],
    ['an id of a million characters', withEvent((e) => (e.id = big(1_000_000))), /^id: /],
    ['an unknown type', withEvent((e) => (e.type = 'handoff.deleted')), /^type: /],
    ['__proto__ as type', withEvent((e) => (e.type = '__proto__')), /^type: /],
    ['an unknown entity kind', withEvent((e) => (e.entity.kind = 'bank_account')), /^entity\.kind: /],
    ['a schema version from the future', withEvent((e) => (e.v = 2)), /^v: /],
    ['a time that is not a timestamp', withEvent((e) => (e.at = 'yesterday')), /^at: /],
    ['a missing payload', withEvent((e) => delete e.payload), /^payload: /],
    ['a note text over 20,000 characters', withEvent((e) => (e.payload.note.text = big(20_001))), /^note\.added: note\.text: /],
    ['a note of an unknown kind', withEvent((e) => (e.payload.note.kind = 'rumour')), /^note\.added: note\.kind: /],
    ['a decision without rationale', withEvent((e) => (e.payload.note = { ...e.payload.note, kind: 'decision', decision: 'x', rationale: '' })), /rationale/],
    ['a handoff title over 300 characters', handoffUpdate({ title: big(301) }), /^handoff\.updated: title: /],
    ['a field id that is not snake_case', handoffUpdate({ fields: { 'Bad Field': 'x' } }), /^handoff\.updated: fields/],
    ['an override reason over 2,000 characters', { ...valid(), type: 'handoff.sent', entity: { kind: 'handoff', id: 'h-1' }, payload: { overrideReason: big(2001) } }, /^handoff\.sent: overrideReason: /],
    ['a gap on a field id with markup', { ...valid(), type: 'handoff.gaps_raised', entity: { kind: 'handoff', id: 'h-1' }, payload: { gaps: [{ id: 'g', fieldIds: ['<b>x</b>'], question: 'q' }] } }, /^handoff\.gaps_raised: gaps\.0\.fieldIds\.0: /],
    ['51 gaps at once', { ...valid(), type: 'handoff.gaps_raised', entity: { kind: 'handoff', id: 'h-1' }, payload: { gaps: Array.from({ length: 51 }, (_, i) => ({ id: `g${i}`, fieldIds: ['x'], question: 'q' })) } }, /^handoff\.gaps_raised: gaps: /],
    ['negative repair hours', { ...valid(), type: 'failure.logged', entity: { kind: 'failure', id: 'f' }, payload: { failure: { id: 'f', clientId: 'c', category: 'other', hours: -1, description: 'd', loggedBy: 'jane', at: '2025-03-03T10:00:00Z' } } }, /hours/],
    ['a member whose email is not one', { ...valid(), type: 'member.added', entity: { kind: 'member', id: 'm' }, payload: { member: { id: 'm', name: 'M', email: 'not-an-email', role: 'member' } } }, /^member\.added: member\.email: /],
    ['a member made "owner"', { ...valid(), type: 'member.added', entity: { kind: 'member', id: 'm' }, payload: { member: { id: 'm', name: 'M', email: 'm@x.test', role: 'owner' } } }, /^member\.added: member\.role: /],
    ['a javascript: tone-of-voice link', { ...valid(), type: 'client.updated', entity: { kind: 'client', id: 'c' }, payload: { toneOfVoiceUrl: 'javascript:alert(1)' } }, /^client\.updated: toneOfVoiceUrl: /],
  ];

  it.each(HOSTILE)('rejects %s as a bad request that says why', (_name, raw, error) => {
    const result = parseEvent(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('bad-request');
    expect(typeof result.problem.message).toBe('string');
    expect(result.problem.message).toMatch(error);
    expect(result.problem.message.length).toBeLessThan(500); // never echoes a huge value back
  });

  it('a __proto__ key in the fields cannot pollute anything', () => {
    const raw = JSON.parse(`{"id":"ev-9","type":"handoff.updated","actor":"jane","at":"2025-03-03T10:00:00Z","entity":{"kind":"handoff","id":"h-1"},"payload":{"fields":{"__proto__":{"polluted":true}}},"v":1}`);
    const result = parseEvent(raw);
    if (result.ok) {
      const fields = (result.data.payload as { fields: Record<string, unknown> }).fields;
      expect(Object.keys(fields)).toEqual([]);
      expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // "Bounded everywhere: a record read back from storage or received from a hub is untrusted input"
  // (lib/model/common.ts). Field values and item owners are not: a hostile record of megabytes passes.
  describe('huge strings are rejected on read wherever they hide', () => {
    it.each([
      ['a 5 MB field value in handoff.updated', handoffUpdate({ fields: { objective: big(5_000_000) } })],
      ['a 5 MB field value in handoff.created', { ...valid(), type: 'handoff.created', entity: { kind: 'handoff', id: 'h-1' }, payload: { clientId: 'c', templateId: 'brief-to-creative', templateVersion: 1, fields: { objective: big(5_000_000) } } }],
      ['100,000 fields in handoff.updated', handoffUpdate({ fields: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`f${i}`, 'x'])) })],
      ['a 100,000-character owner email in item.added', itemAdded({ clientId: 'c', text: 'x', ownerEmail: `${big(100_000)}@acme.test` })],
    ])('%s', (_name, raw) => {
      const result = parseEvent(raw);
      expect(result.ok).toBe(false);
    });
  });
});

describe('derived records stay within their own schemas at the limits the events allow', () => {
  // Items from a handoff's action items get the id "<handoff id>:<action id>": two ids of up to 100
  // characters each make one of up to 201, which OpenItemSchema (and an item.completed event) refuses.
  it('an item derived from a handoff with long (but valid) ids has a valid id', () => {
    const s = workspace();
    const handoffId = `h-${'7'.repeat(70)}`;
    const actionId = `a-${'3'.repeat(40)}`;
    s.must('handoff.created', JANE.id, handoffId, {
      clientId: 'client-acme',
      templateId: 'am-transition',
      templateVersion: 1,
      receiverId: TOM.id,
      fields: completeFields('am-transition', { open_items: [{ id: actionId, text: 'Send Q3 budget proposal', ownerEmail: JANE.email, due: '2025-04-15' }] }),
    });
    s.must('handoff.sent', JANE.id, handoffId, {});
    s.must('handoff.confirmed', TOM.id, handoffId, {});
    const [item] = s.model.openItems('client-acme');
    expect(item).toBeDefined();
    expect(OpenItemSchema.safeParse(item).error?.issues ?? []).toEqual([]);
  });

  // The default title is "<template name> — <client name>": 120 + 3 + 200 characters can exceed the
  // 300 HandoffSchema allows.
  it('a handoff created without a title has a title HandoffSchema accepts, whatever the names', () => {
    const s = new Scenario();
    s.must('workspace.created', ADA.id, 'ws', { workspace: { id: 'ws', name: 'Agency' }, admin: ADA });
    s.must('member.added', ADA.id, TOM.id, { member: TOM });
    const custom = TemplateSchema.parse({ ...template('brief-to-creative'), id: 'custom-brief', kind: 'custom', builtIn: false, name: `Brief ${'n'.repeat(114)}` });
    s.must('template.saved', ADA.id, 'custom-brief', { template: custom });
    s.must('client.created', ADA.id, 'c-long', { name: `Client ${'c'.repeat(193)}` });
    s.must('handoff.created', ADA.id, 'h-long', { clientId: 'c-long', templateId: 'custom-brief', templateVersion: 1, receiverId: TOM.id });
    expect(HandoffSchema.safeParse(s.handoff('h-long')).error?.issues ?? []).toEqual([]);
  });
});
