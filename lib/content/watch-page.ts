import { readPage, type PageContext } from '../sites';

export interface WatchPageOptions {
  /** Stops every listener, observer and timer: aborted on navigation away and on extension reload. */
  signal: AbortSignal;
  /** Delivers a changed context; false when it did not arrive (the next change retries). */
  report(context: PageContext | null): Promise<boolean>;
  win?: Window;
  /** Quiet time before reading: single-page apps render in bursts. */
  debounceMs?: number;
  /**
   * An early read this long after a burst starts: a navigation shows in the panel without waiting for
   * the page to go quiet. Sent only when it already identifies something (a half-rendered page is not).
   */
  leadingMs?: number;
  /** A page that never goes quiet (a live feed, an animation) is still read this often. */
  maxWaitMs?: number;
  /** History API navigations fire no event a content script sees, so the URL is also polled. */
  pollMs?: number;
  read?: (url: string, doc: Document) => PageContext | null;
  /**
   * Runs after every debounced read, changed or not: UI placed in the page re-attaches there when the
   * site re-rendered the part it sits beside, without a second whole-document observer.
   */
  onRead?: (context: PageContext | null) => void;
}

/**
 * Whether an early read is worth sending: it identifies something, and a Gmail thread URL already shows
 * its conversation (else the panel would flash "no client" for a thread still loading).
 */
function looksRendered(context: PageContext | null): boolean {
  if (!context?.identifiers.length) return false;
  return context.site !== 'gmail' || Boolean(context.thread) || !context.identifiers.some((i) => i.kind === 'gmail-thread');
}

/**
 * Reads the page on load and after every in-app navigation or DOM burst, debounced, and reports it
 * only when it changed. The observer callback does no DOM work: it only (re)arms a timer.
 */
export function watchPage({
  signal,
  report,
  win = window,
  debounceMs = 250,
  leadingMs = 15,
  maxWaitMs = 1000,
  pollMs = 1000,
  read = readPage,
  onRead,
}: WatchPageOptions): void {
  if (signal.aborted) return;
  const doc = win.document;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let early: ReturnType<typeof setTimeout> | undefined;
  let firstScheduledAt = 0;
  let lastSent: string | undefined;
  let lastUrl = win.location.href;

  const readAndReport = async (isEarly: boolean) => {
    if (signal.aborted) return;
    const context = read(win.location.href, doc);
    onRead?.(context);
    if (isEarly && !looksRendered(context)) return;
    const signature = JSON.stringify(context);
    if (signature === lastSent) return;
    lastSent = signature;
    if (!(await report(context))) lastSent = undefined;
  };
  const flush = () => {
    timer = undefined;
    void readAndReport(false);
  };
  const readEarly = () => {
    early ??= setTimeout(() => {
      early = undefined;
      void readAndReport(true);
    }, leadingMs);
  };
  const schedule = () => {
    if (signal.aborted) return;
    const now = Date.now();
    if (timer === undefined) {
      firstScheduledAt = now;
      readEarly();
    } else if (now - firstScheduledAt >= maxWaitMs) return;
    else clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  // A navigation reads early even inside a burst: the person moved on, the panel should follow now.
  const navigated = () => {
    if (signal.aborted) return;
    readEarly();
    schedule();
  };

  // The window's own constructor: a test may pass another realm's window.
  const observer = new (win as Window & typeof globalThis).MutationObserver(schedule);
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  win.addEventListener('hashchange', navigated, { signal });
  win.addEventListener('popstate', navigated, { signal });
  const poll = setInterval(() => {
    if (win.location.href === lastUrl) return;
    lastUrl = win.location.href;
    navigated();
  }, pollMs);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
      clearTimeout(early);
    },
    { once: true },
  );
  flush();
}
