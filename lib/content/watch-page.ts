import { detectSite, readPage, type PageContext } from '../sites';
import { watchSubtrees } from './watch-subtrees';

/**
 * What the watcher needs of WXT's ContentScriptContext: its signal, and its listener registration whose
 * `wxt:locationchange` follows in-app navigations (the Navigation API where the browser has it, WXT's
 * own check of the URL where not) and whose listeners go when the context does.
 */
export interface PageWatchContext {
  /** Aborted on navigation away and on extension reload: stops every listener, observer and timer. */
  readonly signal: AbortSignal;
  addEventListener(target: Window, type: 'wxt:locationchange', listener: () => void): void;
}

export interface WatchPageOptions {
  ctx: PageWatchContext;
  /** Delivers a changed context; false when it did not arrive (the next change retries). */
  report(context: PageContext | null): Promise<boolean>;
  win?: Window;
  /** Quiet time before reading: single-page apps render in bursts. */
  debounceMs?: number;
  /**
   * An early read this long after a navigation or the start of a burst: a navigation shows in the
   * panel without waiting for the page to go quiet. Sent only when the page looks rendered.
   */
  leadingMs?: number;
  /** A page that never goes quiet (a live feed, an animation) is still read this often. */
  maxWaitMs?: number;
  read?: (url: string, doc: Document) => PageContext | null;
  /**
   * Runs after every read, changed or not: UI placed in the page re-attaches there when the site
   * re-rendered the part it sits beside, without an observer of its own.
   */
  onRead?: (context: PageContext | null) => void;
}

/**
 * Whether an early read is worth sending: it identifies something, and a Gmail thread URL already shows
 * its conversation (else the panel would flash "no client" for a thread still loading); or it is a
 * Gmail list, which the URL alone decides.
 */
function looksRendered(context: PageContext | null): boolean {
  if (context?.inbox) return true;
  if (!context?.identifiers.length) return false;
  return context.site !== 'gmail' || Boolean(context.thread) || !context.identifiers.some((i) => i.kind === 'gmail-thread');
}

/**
 * Reads the page on load, after every in-app navigation and after every burst of changes in the one
 * subtree the site's reader reads, debounced, and reports it only when it changed. The observer
 * callback does no DOM work: it only (re)arms a timer.
 */
export function watchPage({ ctx, report, win = window, debounceMs = 250, leadingMs = 15, maxWaitMs = 1000, read = readPage, onRead }: WatchPageOptions): void {
  const { signal } = ctx;
  if (signal.aborted) return;
  const doc = win.document;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let early: ReturnType<typeof setTimeout> | undefined;
  let firstScheduledAt = 0;
  let lastSent: string | undefined;

  const readAndReport = async (isEarly: boolean) => {
    if (signal.aborted) return;
    subtrees.refresh();
    const context = read(win.location.href, doc);
    onRead?.(context);
    if (isEarly && !looksRendered(context)) {
      // A page still rendering after a navigation is read again once it goes quiet.
      if (timer === undefined) readLater();
      return;
    }
    const signature = JSON.stringify(context);
    if (signature === lastSent) return;
    lastSent = signature;
    if (!(await report(context))) lastSent = undefined;
  };
  const readEarly = () => {
    early ??= setTimeout(() => {
      early = undefined;
      void readAndReport(true);
    }, leadingMs);
  };
  /** The trailing read of a burst, pushed back by each change until the page is quiet or maxWait passed. */
  const readLater = () => {
    const now = Date.now();
    if (timer === undefined) firstScheduledAt = now;
    else if (now - firstScheduledAt >= maxWaitMs) return;
    else clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void readAndReport(false);
    }, debounceMs);
  };
  const schedule = () => {
    if (signal.aborted) return;
    if (timer === undefined) readEarly();
    readLater();
  };

  const subtrees = watchSubtrees(doc, () => detectSite(win.location.href)?.watch, schedule);
  // A navigation reads early even inside a burst: the person moved on, the panel should follow now.
  ctx.addEventListener(win, 'wxt:locationchange', () => {
    if (!signal.aborted) readEarly();
  });
  signal.addEventListener(
    'abort',
    () => {
      subtrees.disconnect();
      clearTimeout(timer);
      clearTimeout(early);
    },
    { once: true },
  );
  void readAndReport(false);
}
