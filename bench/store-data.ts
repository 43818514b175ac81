// A realistic agency log for the store benchmarks: 20 members, 200 clients, 10,000 handoffs and, with
// their edits, gaps, confirmations and notes, 100,000 events. Deterministic: same log every run.
import { makeEvent } from '../lib/events/make-event';
import type { BatonEvent } from '../lib/model/event';
import { FAILURE_CATEGORIES } from '../lib/model/note';

export const SIZES = { members: 20, clients: 200, handoffs: 10_000, events: 100_000 };
/** The failures in the dashboard's benchmark log (bench/metrics-page.ts, bench/dashboard.bench.spec.ts). */
export const DASHBOARD_FAILURES = 500;

/**
 * `into` seeds an existing workspace instead of founding one: its admin stands in for member 0 and
 * adds the others. `failures` turns that many of the closing call summaries into failures logged
 * against handoffs (the dashboard's benchmarks: every chart has something to draw); the log keeps
 * its size.
 */
export function agencyLog(into?: { adminId: string }, { failures = 0 }: { failures?: number } = {}): BatonEvent[] {
  const t0 = Date.parse('2025-01-06T09:00:00.000Z');
  let minute = 0;
  let seq = 0;
  const events: BatonEvent[] = [];
  const push = <E extends BatonEvent>(event: E) => events.push(event);
  const opts = () => ({ id: `e${++seq}`, at: new Date(t0 + minute++ * 60_000).toISOString() });
  const member = (i: number) => (into && i % SIZES.members === 0 ? into.adminId : `m${i % SIZES.members}`);
  const admin = member(0);

  if (!into) push(makeEvent('workspace.created', 'm0', 'ws', { workspace: { id: 'ws', name: 'Brightlane' }, admin: { id: 'm0', name: 'Member 0', email: 'm0@brightlane.agency', role: 'admin' } }, opts()));
  for (let i = 1; i < SIZES.members; i++) {
    push(makeEvent('member.added', admin, member(i), { member: { id: member(i), name: `Member ${i}`, email: `m${i}@brightlane.agency`, role: 'member' } }, opts()));
  }
  for (let c = 0; c < SIZES.clients; c++) {
    push(makeEvent('client.created', member(c), `c${c}`, { name: `Client ${c}`, identifiers: [{ kind: 'email-domain', value: `client${c}.com` }, { kind: 'google-ads-ocid', value: `${7_800_000_000 + c}` }] }, opts()));
  }
  for (let h = 0; h < SIZES.handoffs; h++) {
    const id = `h${h}`;
    const sender = member(h);
    const receiver = member(h + 1);
    push(makeEvent('handoff.created', sender, id, { clientId: `c${h % SIZES.clients}`, templateId: 'brief-to-creative', templateVersion: 1, receiverId: receiver }, opts()));
    push(makeEvent('handoff.updated', sender, id, { fields: { objective: `Objective for handoff ${h}: launch the spring range.`, audience: 'Returning customers, 25–45.' } }, opts()));
    push(makeEvent('handoff.updated', sender, id, { fields: { deliverables: ['6 landing pages', '12 social ads'], deadline: '2025-03-01' } }, opts()));
    push(makeEvent('handoff.updated', sender, id, { fields: { tone_of_voice: 'https://docs.example.com/tov', brand_guidelines: 'https://docs.example.com/brand' } }, opts()));
    push(makeEvent('handoff.sent', sender, id, { overrideReason: 'Walkthrough booked separately; approvers confirmed by phone.' }, opts()));
    push(makeEvent('handoff.gaps_raised', receiver, id, { gaps: [{ id: `${id}-g1`, fieldIds: ['walkthrough'], question: 'When is the walkthrough?' }] }, opts()));
    push(makeEvent('handoff.gaps_answered', sender, id, { answers: [{ gapId: `${id}-g1`, answer: 'Thursday 10:00, invite sent.' }], fields: { walkthrough: '2025-02-06' } }, opts()));
    // One handoff in five per client is still open.
    if (Math.floor(h / SIZES.clients) % 5 !== 0) push(makeEvent('handoff.confirmed', receiver, id, {}, opts()));
    for (let n = 0; n < 2; n++) {
      const noteId = `${id}-n${n}`;
      push(makeEvent('note.added', sender, noteId, { note: { kind: 'decision', id: noteId, clientId: `c${h % SIZES.clients}`, handoffId: id, authorId: sender, at: new Date(t0 + minute * 60_000).toISOString(), decision: `Decision ${n} on ${id}`, rationale: 'Margin first.', consideredAndRejected: '' } }, opts()));
    }
  }
  // Top up with call summaries (every third one a failure, while any are asked for) so the log has
  // exactly the target size.
  let failed = 0;
  for (let i = 0; events.length < SIZES.events; i++) {
    const author = member(i);
    if (failed < failures && i % 3 === 0) {
      const id = `f${failed}`;
      const h = (failed * 7) % SIZES.handoffs;
      const failure = { id, clientId: `c${h % SIZES.clients}`, handoffId: `h${h}`, category: FAILURE_CATEGORIES[failed % FAILURE_CATEGORIES.length]!, hours: 1 + (failed % 8), description: `Rework after handoff h${h}: the brief missed the budget cap.`, loggedBy: author, at: new Date(t0 + minute * 60_000).toISOString() };
      push(makeEvent('failure.logged', author, id, { failure }, opts()));
      failed += 1;
      continue;
    }
    const noteId = `call${i}`;
    push(makeEvent('note.added', author, noteId, { note: { kind: 'call_summary', id: noteId, clientId: `c${i % SIZES.clients}`, authorId: author, at: new Date(t0 + minute * 60_000).toISOString(), summary: `Weekly call ${i}: budgets on track.`, attendees: [] } }, opts()));
  }
  if (failed < failures) throw new Error(`agencyLog: room for ${failed} failures, not ${failures}`);
  return events;
}
