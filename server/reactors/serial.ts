/**
 * Work queued by key, one piece at a time per key (a workspace, or a workspace and a reactor): each
 * waits for the previous one to settle. The caller of `run` gets its failure; the queue goes on.
 */
export interface SerialQueue {
  run(key: string, work: () => Promise<void>): Promise<void>;
  /** Settles once everything queued so far has. */
  idle(): Promise<void>;
}

export function serialQueue(): SerialQueue {
  const passes = new Map<string, Promise<void>>();
  return {
    run(key, work) {
      const run = (passes.get(key) ?? Promise.resolve()).then(work);
      passes.set(key, run.catch(() => undefined));
      return run;
    },
    idle: async () => {
      await Promise.all([...passes.values()]);
    },
  };
}
