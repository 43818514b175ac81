/**
 * Group commit: items submitted for one key while an earlier group of that key waits for its turn
 * are gathered into the next group, and `run` takes the whole group at once (the hub writes a group
 * of pushes in one transaction). A group waits only for the group before it: under no load each item
 * runs alone at once; under load the groups grow, up to `maxItems` items or `maxWeight` weight (a
 * single item heavier than that still runs, alone).
 *
 * `run` gets `take`, which closes the group and gives its items: called as late as possible (once the
 * hub holds the workspace's lock), so that what arrives while the group waits for the database still
 * joins it. `run` answers one result per item taken, in their order; when it throws, every item of the
 * group gets that error. Groups of one key run one after another, through `enqueue` (the caller's own
 * per-key queue, so other work of that key stays serialised with the groups).
 */
export interface GroupCommitOptions<Item, Result> {
  maxItems: number;
  maxWeight: number;
  weight(item: Item): number;
  /** Runs `work` after whatever the key's queue holds (and before what is queued after it). */
  enqueue(key: string, work: () => Promise<void>): void;
  run(key: string, take: () => Item[]): Promise<Result[]>;
}

interface Group<Item, Result> {
  items: Item[];
  weight: number;
  settle: { resolve(result: Result): void; reject(error: unknown): void }[];
}

export class GroupCommit<Item, Result> {
  /** Per key, the group still gathering: queued, not started. */
  private readonly gathering = new Map<string, Group<Item, Result>>();

  constructor(private readonly options: GroupCommitOptions<Item, Result>) {}

  submit(key: string, item: Item): Promise<Result> {
    const weight = this.options.weight(item);
    let group = this.gathering.get(key);
    if (group && (group.items.length >= this.options.maxItems || group.weight + weight > this.options.maxWeight)) group = undefined;
    if (!group) {
      const fresh: Group<Item, Result> = { items: [], weight: 0, settle: [] };
      this.gathering.set(key, fresh);
      this.options.enqueue(key, () => this.flush(key, fresh));
      group = fresh;
    }
    group.items.push(item);
    group.weight += weight;
    return new Promise<Result>((resolve, reject) => group.settle.push({ resolve, reject }));
  }

  /** Groups gathering now (tests and figures). */
  gatheringCount(): number {
    return this.gathering.size;
  }

  private async flush(key: string, group: Group<Item, Result>): Promise<void> {
    // Once closed, what arrives gathers into the next group.
    const close = () => {
      if (this.gathering.get(key) === group) this.gathering.delete(key);
    };
    const take = () => {
      close();
      return group.items;
    };
    let results: Result[];
    try {
      // One turn of the event loop first: requests already received reach `submit` and join. (PGlite
      // runs a whole transaction in microtasks, without a turn: otherwise every group would be of one.)
      await new Promise((resolve) => setImmediate(resolve));
      results = await this.options.run(key, take);
      if (results.length !== group.items.length) throw new Error(`group commit: ${results.length} results for ${group.items.length} items`);
    } catch (error) {
      close();
      for (const { reject } of group.settle) reject(error);
      return;
    }
    close();
    group.settle.forEach(({ resolve }, index) => resolve(results[index]!));
  }
}
