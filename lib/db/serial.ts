/** Runs writes one after another: two tabs saving at once must not lose either change. */
export function serial(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    // The caller of `run` gets its failure; the queue only waits for it to settle before the next.
    tail = run.catch(() => undefined);
    return run;
  };
}
