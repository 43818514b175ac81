import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getMeta, putMeta } from '../../../lib/db/meta';
import { openBatonDb } from '../../../lib/db/open';
import { freshName } from './fixtures';

describe('the meta store', () => {
  it('keeps each key’s value, read and written on the database or inside a transaction', async () => {
    const db = await openBatonDb(freshName());
    await putMeta(db, 'hub-cursor', 41);
    expect(await getMeta(db, 'hub-cursor')).toBe(41);

    const tx = db.transaction('meta', 'readwrite');
    await putMeta(tx.store, 'notices', [{ id: 'n1', at: '2026-12-01T10:00:00.000Z', title: 'Jane handed you a handoff', message: 'Brief: review it.' }]);
    expect((await getMeta(tx.store, 'notices'))?.map((n) => n.title)).toEqual(['Jane handed you a handoff']);
    await tx.done;
    expect(await getMeta(db, 'me')).toBeUndefined();

    // The key decides the type: these do not compile (npm run typecheck checks the test files).
    // @ts-expect-error the hub cursor is a number
    await putMeta(db, 'hub-cursor', '41');
    // @ts-expect-error no such meta key
    await getMeta(db, 'hub-cursr');
    db.close();
  });
});
