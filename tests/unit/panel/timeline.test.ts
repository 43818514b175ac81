import { describe, expect, it } from 'vitest';
import { filterHistory, historyKind, kindsPresent } from '../../../components/panel/timeline';

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
