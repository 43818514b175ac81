import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../server/group-commit';

/** Two turns of the event loop: a group that started has taken its items by then. */
const turn = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** A per-key queue like the hub store's `exclusive`, and a `run` that records each group it is given. */
function harness(options: { maxItems?: number; maxWeight?: number; fail?: (items: string[]) => boolean; takeLate?: boolean } = {}) {
  const queues = new Map<string, Promise<unknown>>();
  const groups: { key: string; items: string[] }[] = [];
  let release: (() => void) | undefined;
  /** The first group holds until `unblock()`: what is submitted meanwhile gathers behind it. */
  let blocked = new Promise<void>((resolve) => (release = resolve));
  const commit = new GroupCommit<string, string>({
    maxItems: options.maxItems ?? 64,
    maxWeight: options.maxWeight ?? 500,
    weight: (item) => Number(item.split(':')[1] ?? 1),
    enqueue: (key, work) => {
      const run = (queues.get(key) ?? Promise.resolve()).then(work);
      queues.set(key, run);
    },
    run: async (key, take) => {
      // As the hub does: the group is taken once the run holds its lock (here: once unblocked).
      if (options.takeLate) await blocked;
      const items = take();
      groups.push({ key, items: [...items] });
      await blocked;
      if (options.fail?.(items)) throw new Error(`refused ${items.join(',')}`);
      return items.map((item) => `${item} done in group ${groups.length}`);
    },
  });
  return {
    commit,
    groups,
    unblock() {
      blocked = Promise.resolve();
      release?.();
    },
  };
}

describe('GroupCommit', () => {
  it('gathers what is submitted in the same turn into one group', async () => {
    const { commit, groups, unblock } = harness();
    unblock();
    expect(await Promise.all(['a', 'b', 'c'].map((item) => commit.submit('w', item)))).toEqual(['a done in group 1', 'b done in group 1', 'c done in group 1']);
    expect(groups).toHaveLength(1);
  });

  it('runs an item alone when nothing is running, then gathers what arrives meanwhile into one group', async () => {
    const { commit, groups, unblock } = harness();
    const first = commit.submit('w', 'a');
    await turn();
    const waiting = ['b', 'c', 'd'].map((item) => commit.submit('w', item));
    unblock();
    expect(await first).toBe('a done in group 1');
    expect(await Promise.all(waiting)).toEqual(['b done in group 2', 'c done in group 2', 'd done in group 2']);
    expect(groups.map((g) => g.items)).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('keeps gathering until the running group takes its items: what arrives while it waits for its lock joins it', async () => {
    const { commit, groups, unblock } = harness({ takeLate: true });
    const first = commit.submit('w', 'a');
    await turn();
    const joined = commit.submit('w', 'b');
    unblock();
    expect(await Promise.all([first, joined])).toEqual(['a done in group 1', 'b done in group 1']);
    expect(await commit.submit('w', 'c')).toBe('c done in group 2');
    expect(groups.map((g) => g.items)).toEqual([['a', 'b'], ['c']]);
  });

  it('keeps keys apart: another key does not wait for, or join, this one', async () => {
    const { commit, groups, unblock } = harness();
    const a = commit.submit('w1', 'a');
    const b = commit.submit('w2', 'b');
    unblock();
    await Promise.all([a, b]);
    expect(groups).toEqual([
      { key: 'w1', items: ['a'] },
      { key: 'w2', items: ['b'] },
    ]);
  });

  it('closes a group at its bounds: item count, and weight (a heavy item still runs, alone)', async () => {
    const { commit, groups, unblock } = harness({ maxItems: 2, maxWeight: 10 });
    const all = [commit.submit('w', 'first')];
    await turn();
    all.push(...['a', 'b', 'c', 'd:9', 'e:2', 'big:50', 'f'].map((item) => commit.submit('w', item)));
    unblock();
    await Promise.all(all);
    expect(groups.map((g) => g.items)).toEqual([['first'], ['a', 'b'], ['c', 'd:9'], ['e:2'], ['big:50'], ['f']]);
  });

  it('fails every item of a group whose run throws, and only that group', async () => {
    const { commit, unblock } = harness({ fail: (items) => items.includes('bad') });
    const first = commit.submit('w', 'a');
    await turn();
    const doomed = ['b', 'bad'].map((item) => commit.submit('w', item).catch((error: Error) => error.message));
    unblock();
    expect(await first).toBe('a done in group 1');
    expect(await Promise.all(doomed)).toEqual(['refused b,bad', 'refused b,bad']);
    expect(await commit.submit('w', 'later')).toBe('later done in group 3');
  });
});
