import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { acknowledge, appendEvent, readLog } from '../../../lib/db/event-store';
import { openBatonDb } from '../../../lib/db/open';
import { readRawLog } from '../../../lib/db/raw-log';
import { baseLog, freshName, sentBrief } from './fixtures';

const ids = (events: unknown[]) => events.map((e) => (e as { id: string }).id);

describe('readRawLog', () => {
  it('reads the log in the hub’s order, as readLog does, in chunks and from after a key', async () => {
    const db = await openBatonDb(freshName());
    const log = [...baseLog(), ...sentBrief('h1', 10), ...sentBrief('h2', 20)];
    for (const event of log) expect((await appendEvent(db, event)).ok).toBe(true);
    // The hub placed the second handoff's events before the first's.
    await acknowledge(db, 'h2-created', 1);
    await acknowledge(db, 'h2-sent', 2);

    const parsed = await readLog(db);
    for (const chunk of [1, 2, 3, 100]) {
      const raw = await readRawLog(db, 0, chunk);
      expect(ids(raw.events)).toEqual(parsed.events.map((e) => e.id));
      expect(raw.lastKey).toBe(log.length);
    }
    expect(ids((await readRawLog(db)).events).slice(0, 2)).toEqual(['h2-created', 'h2-sent']);

    // Only what came after: the dashboard folds new events in without reading the log again.
    const [created] = sentBrief('h3', 30);
    await appendEvent(db, created!);
    const after = await readRawLog(db, log.length, 2);
    expect(ids(after.events)).toEqual(['h3-created']);
    expect(after.lastKey).toBe(log.length + 1);
    expect(await readRawLog(db, after.lastKey)).toEqual({ events: [], lastKey: after.lastKey });
    db.close();
  });
});
