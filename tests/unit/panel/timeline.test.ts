import { describe, expect, it } from 'vitest';
import { filterHistory, historyKind, kindsPresent, noteDetails } from '../../../components/panel/timeline';

const entry = (id: string, type: string, summary: string) => ({ id, type, summary });
// Summaries as the reducer writes them (lib/events/reducer.ts).
const HISTORY = [
  entry('1', 'handoff.sent', 'Marcus Bell sent “Juniper signed” to Jane Doe'),
  entry('2', 'note.added', 'Decision: Pause TikTok until the new creative lands'),
  entry('3', 'note.added', 'Call summary: Weekly call, Q3 budget approved'),
  entry('4', 'note.added', 'Commitment (not validated): ROAS 4 on Meta'),
  entry('5', 'failure.logged', 'Failure (missing context, 6 h): Landing pages written in the default tone'),
  entry('6', 'client.identifier_linked', 'Linked email-domain junipervale.coffee'),
  entry('7', 'note.added', 'Note: Café opening in Zürich'),
];

describe('history kinds', () => {
  it('tells handoffs, decisions, call summaries, commitments and failures apart', () => {
    expect(HISTORY.map(historyKind)).toEqual(['handoff', 'decision', 'call_summary', 'commitment', 'failure', 'other', 'other']);
  });

  it('offers only the kinds present, in a fixed order', () => {
    expect(kindsPresent([HISTORY[4]!, HISTORY[1]!])).toEqual(['decision', 'failure']);
  });
});

describe('filterHistory', () => {
  it('keeps everything with no filter', () => {
    expect(filterHistory(HISTORY, { kind: 'all', query: '' })).toHaveLength(HISTORY.length);
  });

  it('narrows by kind', () => {
    expect(filterHistory(HISTORY, { kind: 'decision', query: '' }).map((e) => e.id)).toEqual(['2']);
  });

  it('matches every word, in any order, ignoring case and accents', () => {
    expect(filterHistory(HISTORY, { kind: 'all', query: 'budget WEEKLY' }).map((e) => e.id)).toEqual(['3']);
    expect(filterHistory(HISTORY, { kind: 'all', query: 'cafe zurich' }).map((e) => e.id)).toEqual(['7']);
    expect(filterHistory(HISTORY, { kind: 'all', query: 'tiktok weekly' })).toEqual([]);
  });

  it('combines kind and words, and searches extra text such as who did it', () => {
    const byActor = (e: { id: string }) => (e.id === '1' ? 'Marcus Bell' : 'Jane Doe');
    expect(filterHistory(HISTORY, { kind: 'handoff', query: 'marcus' }, byActor).map((e) => e.id)).toEqual(['1']);
    expect(filterHistory(HISTORY, { kind: 'decision', query: 'jane' }, byActor).map((e) => e.id)).toEqual(['2']);
  });
});

describe('noteDetails', () => {
  const base = { id: 'n1', clientId: 'c1', authorId: 'm1', at: '2026-11-01T10:00:00.000Z' };
  it('gives a decision its reasons, and what was considered when there was something', () => {
    expect(noteDetails({ ...base, kind: 'decision', decision: 'Pause TikTok', rationale: 'CPA doubled in two weeks.', consideredAndRejected: 'Cutting bids by 20%' })).toEqual([
      { label: 'Why', text: 'CPA doubled in two weeks.' },
      { label: 'Considered and rejected', text: 'Cutting bids by 20%' },
    ]);
    expect(noteDetails({ ...base, kind: 'decision', decision: 'Pause TikTok', rationale: 'CPA doubled.', consideredAndRejected: '  ' })).toEqual([{ label: 'Why', text: 'CPA doubled.' }]);
  });
  it('names who was on a call, and keeps a long summary whole', () => {
    const long = 'Budget review. '.repeat(40);
    expect(noteDetails({ ...base, kind: 'call_summary', summary: 'Short call', attendees: ['Maya Okafor', 'Jane Doe'] })).toEqual([{ label: 'Attendees', text: 'Maya Okafor, Jane Doe' }]);
    expect(noteDetails({ ...base, kind: 'call_summary', summary: long, attendees: [] })).toEqual([{ label: 'Summary', text: long.trim() }]);
  });
  it('shows a commitment’s evidence', () => {
    expect(noteDetails({ ...base, kind: 'commitment', commitment: 'ROAS 4', validated: true, evidence: '12 months of margins' })).toEqual([{ label: 'Evidence', text: '12 months of margins' }]);
  });
});
