import type { PageWatchContext } from '../../../lib/content/watch-page';

/**
 * A stand-in for WXT's ContentScriptContext as watchPage uses it: listeners go with its signal, and
 * `wxt:locationchange` is a plain event on the window that `navigate` dispatches. (One test file runs the
 * real ContentScriptContext; here the watcher's own behaviour is under test.)
 */
export function fakeContext(): PageWatchContext & { abort(): void } {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    addEventListener(target, type, listener) {
      target.addEventListener(type, listener, { signal: controller.signal });
    },
  };
}

/** An in-app navigation as the page makes it and WXT reports it: the URL changes, then the event. */
export function navigate(win: Window, hash: string): void {
  win.history.pushState(null, '', hash);
  win.dispatchEvent(new (win as Window & typeof globalThis).Event('wxt:locationchange'));
}
