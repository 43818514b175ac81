import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, toCsv } from '../../../lib/export/csv';
import { costColumn, failuresCsv, handoffsCsv } from '../../../lib/export/metrics-csv';
import { makeEvent } from '../../../lib/events/make-event';
import { parseCsv } from '../../../lib/import/csv';
import { collectFacts, computeMetrics, type MetricsQuery } from '../../../lib/metrics';
import type { BatonEvent } from '../../../lib/model/event';
import type { Member } from '../../../lib/model/member';
import { COMPLETE_BRIEF } from '../helpers/handoffs';

const ANN: Member = { id: 'ann', name: 'Ann Admin', email: 'ann@brightlane.test', role: 'admin' };
const BOB: Member = { id: 'bob', name: 'Bob Buyer', email: 'bob@brightlane.test', role: 'member' };
const CARA: Member = { id: 'cara', name: 'Cara Creative', email: 'cara@brightlane.test', role: 'member' };

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const MARCH: MetricsQuery = { from: '2026-03-01', to: '2026-03-07', timeZone: 'UTC' };
const INJECTED_TITLE = '=HYPERLINK("https://evil.test","Click")';

/** A small agency's log, oldest first: handoffs before, in and after the first week of March. */
function log(): BatonEvent[] {
  let n = 0;
  const events: BatonEvent[] = [];
  const add = <T extends BatonEvent['type']>(type: T, actor: string, entity: string, payload: Parameters<typeof makeEvent<T>>[3], at: string) =>
    events.push(makeEvent(type, actor, entity, payload, { id: `e${++n}`, at }));
  const { walkthrough: _w, approvers: _a, ...briefMissingTwo } = COMPLETE_BRIEF;

  add('workspace.created', ANN.id, 'ws', { workspace: { id: 'ws', name: 'Brightlane', currency: 'EUR', hourlyRate: 80 }, admin: ANN }, '2026-01-01T09:00:00.000Z');
  add('member.added', ANN.id, BOB.id, { member: BOB }, '2026-01-01T09:01:00.000Z');
  add('member.added', ANN.id, CARA.id, { member: CARA }, '2026-01-01T09:02:00.000Z');
  add('client.created', ANN.id, 'c-acme', { name: 'Acme, Inc.' }, '2026-01-02T09:00:00.000Z');
  add('client.created', ANN.id, 'c-north', { name: 'Northwind' }, '2026-01-02T09:01:00.000Z');
  add('client.created', ANN.id, 'c-quiet', { name: 'Quiet Co' }, '2026-01-02T09:02:00.000Z');

  // February: one confirmed (outside the period), one sent and still waiting (open at its end), one draft never sent.
  add('handoff.created', ANN.id, 'h-feb-done', { clientId: 'c-acme', templateId: 'brief-to-creative', templateVersion: 1, title: 'Winter brief', receiverId: BOB.id, fields: COMPLETE_BRIEF }, '2026-02-10T09:00:00.000Z');
  add('handoff.sent', ANN.id, 'h-feb-done', {}, '2026-02-10T09:30:00.000Z');
  add('handoff.confirmed', BOB.id, 'h-feb-done', {}, '2026-02-11T09:30:00.000Z');
  add('handoff.created', BOB.id, 'h-feb-open', { clientId: 'c-north', templateId: 'strategy-to-media', templateVersion: 1, title: 'Q1 media plan', receiverId: CARA.id }, '2026-02-20T09:00:00.000Z');
  add('handoff.sent', BOB.id, 'h-feb-open', { overrideReason: 'Plan in the deck' }, '2026-02-20T10:00:00.000Z');
  add('handoff.created', ANN.id, 'h-feb-draft', { clientId: 'c-acme', templateId: 'brief-to-creative', templateVersion: 1, title: 'Abandoned draft' }, '2026-02-25T09:00:00.000Z');

  // March 1–7: a brief sent incomplete, two gaps in one round, confirmed late…
  add('handoff.created', ANN.id, 'h-brief', { clientId: 'c-acme', templateId: 'brief-to-creative', templateVersion: 1, title: 'Spring launch, "hero" pages', receiverId: BOB.id, fields: briefMissingTwo }, '2026-03-02T09:00:00.000Z');
  add('handoff.sent', ANN.id, 'h-brief', { overrideReason: 'Walkthrough moved to Friday' }, '2026-03-02T10:00:00.000Z');
  add('handoff.gaps_raised', BOB.id, 'h-brief', { gaps: [{ id: 'g1', fieldIds: ['walkthrough'], question: 'When?' }, { id: 'g2', fieldIds: ['approvers'], question: 'Who signs off?' }] }, '2026-03-02T12:00:00.000Z');
  add('handoff.gaps_answered', ANN.id, 'h-brief', { answers: [{ gapId: 'g1', answer: 'Friday' }, { gapId: 'g2', answer: 'Maya' }] }, '2026-03-02T15:00:00.000Z');
  add('handoff.confirmed', BOB.id, 'h-brief', {}, '2026-03-03T11:30:00.000Z');
  // …a media handoff with a formula for a title, reassigned before its deadline and still open…
  add('handoff.created', BOB.id, 'h-inject', { clientId: 'c-north', templateId: 'strategy-to-media', templateVersion: 1, title: INJECTED_TITLE, receiverId: ANN.id, fields: { campaign_objective: 'Sell tents' } }, '2026-03-04T09:00:00.000Z');
  add('handoff.sent', BOB.id, 'h-inject', { overrideReason: '-5% CPA agreed by phone', dueBy: '2026-03-06T17:00:00.000Z' }, '2026-03-04T09:05:00.000Z');
  add('handoff.reassigned', BOB.id, 'h-inject', { receiverId: CARA.id, dueBy: '2026-03-20T17:00:00.000Z' }, '2026-03-05T08:00:00.000Z');
  // …and a draft cancelled the day it was started.
  add('handoff.created', CARA.id, 'h-cancel', { clientId: 'c-acme', templateId: 'brief-to-creative', templateVersion: 1, title: 'Duplicate brief' }, '2026-03-06T16:00:00.000Z');
  add('handoff.cancelled', CARA.id, 'h-cancel', {}, '2026-03-06T16:30:00.000Z');

  // After the period in UTC, but still March 7th in New York.
  add('handoff.created', ANN.id, 'h-late', { clientId: 'c-acme', templateId: 'brief-to-creative', templateVersion: 1, title: 'Late-night brief', receiverId: BOB.id }, '2026-03-08T00:30:00.000Z');

  add('failure.logged', CARA.id, 'f1', { failure: { id: 'f1', handoffId: 'h-brief', category: 'missing_context', hours: 3.5, description: 'Rebuilt the pages, "twice",\nafter the brief changed', loggedBy: CARA.id, at: '2026-03-04T10:00:00.000Z' } }, '2026-03-04T10:00:00.000Z');
  add('failure.logged', ANN.id, 'f2', { failure: { id: 'f2', clientId: 'c-north', category: 'other', hours: 1, description: '@here the feed broke', loggedBy: ANN.id, at: '2026-03-05T10:00:00.000Z' } }, '2026-03-05T10:00:00.000Z');
  return events;
}

const HEADER =
  'id,title,client,type,state,sender,receiver,created_at,sent_at,confirmed_at,cancelled_at,confirm_by,overdue,hours_to_confirm,completeness_at_send,missing_at_send,override_reason,gap_rounds,gaps,reassignments\r\n';

const ids = (csv: string) => {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.data.slice(1).map((r) => r.cells[0]);
};

const ROWS = {
  febOpen:
    'h-feb-open,Q1 media plan,Northwind,Strategy → media buying,sent,Bob Buyer,Cara Creative,2026-02-20T09:00:00.000Z,2026-02-20T10:00:00.000Z,,,2026-02-21T10:00:00.000Z,yes,,0,' +
    'Campaign objective; KPI targets; Audiences and targeting; Budget and pacing; Launch date; Ad accounts; Approved creative; Tracking and conversions; Approved by,Plan in the deck,0,0,0\r\n',
  brief:
    'h-brief,"Spring launch, ""hero"" pages","Acme, Inc.",Brief → creative,confirmed,Ann Admin,Bob Buyer,2026-03-02T09:00:00.000Z,2026-03-02T10:00:00.000Z,2026-03-03T11:30:00.000Z,,2026-03-03T10:00:00.000Z,yes,25.5,0.78,' +
    'Brief walkthrough; Approvers,Walkthrough moved to Friday,1,2,0\r\n',
  inject:
    `h-inject,"'=HYPERLINK(""https://evil.test"",""Click"")",Northwind,Strategy → media buying,reassigned,Bob Buyer,Cara Creative,2026-03-04T09:00:00.000Z,2026-03-04T09:05:00.000Z,,,2026-03-20T17:00:00.000Z,no,,0.11,` +
    `KPI targets; Audiences and targeting; Budget and pacing; Launch date; Ad accounts; Approved creative; Tracking and conversions; Approved by,'-5% CPA agreed by phone,0,0,1\r\n`,
  cancel: 'h-cancel,Duplicate brief,"Acme, Inc.",Brief → creative,cancelled,Cara Creative,,2026-03-06T16:00:00.000Z,,,2026-03-06T16:30:00.000Z,,no,,,,,0,0,0\r\n',
};

describe('handoffsCsv', () => {
  const facts = collectFacts(log());

  it('writes one row per handoff active in the period, oldest first, every column as documented', () => {
    // Still waiting from February; sent incomplete, gaps, confirmed after its confirm-by date; a formula
    // for a title and a reason starting with "-", reassigned with a later deadline; a cancelled draft.
    expect(handoffsCsv(facts, MARCH, NOW)).toBe(HEADER + ROWS.febOpen + ROWS.brief + ROWS.inject + ROWS.cancel);
  });

  it('lists a handoff confirmed before the period and sent back by an edit, still awaiting its confirmation again', () => {
    const events = log();
    const edit = makeEvent('handoff.edited', ANN.id, 'h-feb-done', { fields: { walkthrough: 'Moved to Monday.' }, reconfirm: true }, { id: 'e-reopen', at: '2026-02-15T09:00:00.000Z' });
    const rows = parseCsv(handoffsCsv(collectFacts([...events, edit]), MARCH, NOW));
    if (!rows.ok) throw new Error(rows.problem.message);
    expect(rows.data.find((r) => r.cells[0] === 'h-feb-done')?.cells[4]).toBe('sent');
  });

  it('reads back through the CSV parser as the cells it meant', () => {
    const parsed = parseCsv(handoffsCsv(facts, MARCH, NOW));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.data).toHaveLength(5);
    expect(parsed.data.every((r) => r.cells.length === 20)).toBe(true);
    const inject = parsed.data.find((r) => r.cells[0] === 'h-inject')!.cells;
    expect(inject[1]).toBe(`'${INJECTED_TITLE}`);
    expect(parsed.data.find((r) => r.cells[0] === 'h-brief')!.cells[1]).toBe('Spring launch, "hero" pages');
  });

  it('counts a handoff in a period when it was started, sent, confirmed or cancelled then, or still waiting at its end', () => {
    // February: the confirmed one, the one still waiting, the draft started then.
    expect(ids(handoffsCsv(facts, { ...MARCH, from: '2026-02-01', to: '2026-02-28' }, NOW))).toEqual(['h-feb-done', 'h-feb-open', 'h-feb-draft']);
    // A quiet week late in February: only the one sent and waiting (an unsent draft waits on no one).
    expect(ids(handoffsCsv(facts, { ...MARCH, from: '2026-02-26', to: '2026-02-28' }, NOW))).toEqual(['h-feb-open']);
    // The day the brief was sent: it was still waiting at the day's end.
    expect(ids(handoffsCsv(facts, { ...MARCH, from: '2026-03-02', to: '2026-03-02' }, NOW))).toEqual(['h-feb-open', 'h-brief']);
    // The day the brief was confirmed.
    expect(ids(handoffsCsv(facts, { ...MARCH, from: '2026-03-03', to: '2026-03-03' }, NOW))).toEqual(['h-feb-open', 'h-brief']);
    // April: only what is still open.
    expect(ids(handoffsCsv(facts, { ...MARCH, from: '2026-04-01', to: '2026-04-30' }, NOW))).toEqual(['h-feb-open', 'h-inject']);
  });

  it('takes the period in the query’s time zone', () => {
    // 00:30 UTC on March 8th is 19:30 on March 7th in New York (EST, before the clocks change on the 8th).
    expect(ids(handoffsCsv(facts, MARCH, NOW))).not.toContain('h-late');
    expect(ids(handoffsCsv(facts, { ...MARCH, timeZone: 'America/New_York' }, NOW))).toEqual(['h-feb-open', 'h-brief', 'h-inject', 'h-cancel', 'h-late']);
    expect(ids(handoffsCsv(facts, { ...MARCH, from: '2026-03-08', to: '2026-03-08' }, NOW))).toEqual(['h-feb-open', 'h-inject', 'h-late']);
  });

  it('filters by client, type and person as the metrics do', () => {
    expect(handoffsCsv(facts, { ...MARCH, clientId: 'c-north' }, NOW)).toBe(HEADER + ROWS.febOpen + ROWS.inject);
    expect(handoffsCsv(facts, { ...MARCH, templateId: 'brief-to-creative' }, NOW)).toBe(HEADER + ROWS.brief + ROWS.cancel);
    // Cara: receiver of the February plan, receiver after the reassignment, sender of the cancelled draft.
    expect(ids(handoffsCsv(facts, { ...MARCH, personId: CARA.id }, NOW))).toEqual(['h-feb-open', 'h-inject', 'h-cancel']);
    // Ann: sender of the brief, and the media handoff's first receiver.
    expect(ids(handoffsCsv(facts, { ...MARCH, personId: ANN.id }, NOW))).toEqual(['h-brief', 'h-inject']);
    expect(ids(handoffsCsv(facts, { ...MARCH, clientId: 'c-acme', personId: BOB.id }, NOW))).toEqual(['h-brief']);
  });

  it('is the header alone when nothing matches', () => {
    expect(handoffsCsv(facts, { ...MARCH, clientId: 'c-quiet' }, NOW)).toBe(HEADER);
    expect(handoffsCsv(facts, { ...MARCH, from: '2026-02-15', to: '2026-02-15' }, NOW)).toBe(HEADER);
    expect(handoffsCsv(collectFacts([]), MARCH, NOW)).toBe(HEADER);
  });

  it('says overdue as of now: not before the confirm-by date passes', () => {
    const overdue = (now: number) => {
      const parsed = parseCsv(handoffsCsv(facts, { ...MARCH, from: '2026-02-20', to: '2026-02-20' }, now));
      return parsed.ok ? parsed.data.map((r) => r.cells[12]) : parsed.problem.message;
    };
    // Due 10:00 on February 21st, never confirmed.
    expect(overdue(Date.parse('2026-02-21T09:59:59.000Z'))).toEqual(['overdue', 'no']);
    expect(overdue(NOW)).toEqual(['overdue', 'yes']);
  });

  it('names the type by the template version the handoff was made with, and people it does not know by id', () => {
    const template = (version: number, name: string) => ({
      id: 'retainer', version, kind: 'custom' as const, name, description: 'Monthly retainer.', fromRole: 'Sales', toRole: 'Account manager', transfersOwnership: false,
      confirmWithinHours: 10, builtIn: false, fields: [{ id: 'scope', label: version === 1 ? 'Scope' : 'Scope of work', type: 'long_text' as const, required: true, help: 'What is in.' }],
    });
    const extra = [
      makeEvent('template.saved', ANN.id, 'retainer', { template: template(1, 'Retainer kickoff') }, { id: 'x1', at: '2026-03-01T08:00:00.000Z' }),
      makeEvent('handoff.created', ANN.id, 'h-v1', { clientId: 'c-quiet', templateId: 'retainer', templateVersion: 1, receiverId: 'ghost' }, { id: 'x2', at: '2026-03-01T09:00:00.000Z' }),
      makeEvent('handoff.sent', ANN.id, 'h-v1', { overrideReason: 'Scope next week' }, { id: 'x3', at: '2026-03-01T10:00:00.000Z' }),
      makeEvent('template.saved', ANN.id, 'retainer', { template: template(2, 'Retainer kick-off') }, { id: 'x4', at: '2026-03-01T11:00:00.000Z' }),
      makeEvent('handoff.created', ANN.id, 'h-v2', { clientId: 'c-quiet', templateId: 'retainer', templateVersion: 2, title: 'Second' }, { id: 'x5', at: '2026-03-01T12:00:00.000Z' }),
    ];
    const csv = handoffsCsv(collectFacts([...log(), ...extra]), { ...MARCH, templateId: 'retainer' }, NOW);
    expect(csv).toBe(
      HEADER +
        'h-v1,Retainer kickoff — Quiet Co,Quiet Co,Retainer kickoff,sent,Ann Admin,ghost,2026-03-01T09:00:00.000Z,2026-03-01T10:00:00.000Z,,,2026-03-01T20:00:00.000Z,yes,,0,Scope,Scope next week,0,0,0\r\n' +
        'h-v2,Second,Quiet Co,Retainer kick-off,draft,Ann Admin,,2026-03-01T12:00:00.000Z,,,,,no,,,,,0,0,0\r\n',
    );
  });
});

describe('failuresCsv', () => {
  const facts = collectFacts(log());

  it('writes the period’s failures as the metrics list them, the cost in the workspace’s currency', () => {
    const { failures, currency } = computeMetrics(facts, MARCH, NOW);
    expect(currency).toBe('EUR');
    expect(failuresCsv(failures, currency)).toBe(
      'at,client,category,hours,cost_eur,description,handoff,type,logged_by\r\n' +
        "2026-03-05T10:00:00.000Z,Northwind,Other,1,80,'@here the feed broke,,,Ann Admin\r\n" +
        '2026-03-04T10:00:00.000Z,"Acme, Inc.",Missing context,3.5,280,"Rebuilt the pages, ""twice"",\nafter the brief changed","Spring launch, ""hero"" pages",Brief → creative,Cara Creative\r\n',
    );
  });

  it('follows the metrics’ filters, and is the header alone when nothing matches', () => {
    const { failures } = computeMetrics(facts, { ...MARCH, templateId: 'brief-to-creative' }, NOW);
    expect(failures.map((f) => f.id)).toEqual(['f1']);
    expect(failuresCsv(failures, 'EUR').split('\r\n')).toHaveLength(3);
    expect(failuresCsv(computeMetrics(facts, { ...MARCH, clientId: 'c-quiet' }, NOW).failures, 'USD')).toBe('at,client,category,hours,cost_usd,description,handoff,type,logged_by\r\n');
  });

  it('names the cost column after a three-letter currency only', () => {
    expect(costColumn('USD')).toBe('cost_usd');
    expect(costColumn('gbp')).toBe('cost_gbp');
    expect(costColumn('=1+')).toBe('cost');
  });
});

describe('toCsv', () => {
  it('quotes cells with quotes, commas and line breaks, and ends every record with CRLF', () => {
    expect(toCsv([['a', 'b,c'], ['say "hi"', 'two\nlines', 'cr\rhere', 'crlf\r\nhere'], ['', ' spaced ']])).toBe(
      'a,"b,c"\r\n"say ""hi""","two\nlines","cr\rhere","crlf\r\nhere"\r\n, spaced \r\n',
    );
    expect(toCsv([])).toBe('');
  });

  it('defends against formulas: a cell starting with = + - @ tab or CR is prefixed with a quote', () => {
    expect(['=1+2', '+44 20 7946 0000', '-5%', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+2", "'+44 20 7946 0000", "'-5%", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell('=HYPERLINK("https://evil.test")')).toBe(`"'=HYPERLINK(""https://evil.test"")"`);
    // Only the first character counts: text with them inside is left alone.
    expect(['a=b', '3-2', 'x@y.test', "'quoted", '0.83', '2026-03-02T10:00:00.000Z'].map(csvCell)).toEqual(['a=b', '3-2', 'x@y.test', "'quoted", '0.83', '2026-03-02T10:00:00.000Z']);
  });

  it('round-trips through the CSV reader, byte-order mark included', () => {
    const rows = [['name', 'note'], ['Acme, Inc.', 'line one\r\nline two'], ['"Q"', '']];
    const parsed = parseCsv(CSV_BOM + toCsv(rows));
    expect(parsed.ok && parsed.data.map((r) => r.cells)).toEqual(rows);
  });
});
