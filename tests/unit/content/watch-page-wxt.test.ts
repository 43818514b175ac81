// @vitest-environment happy-dom
// The watcher wired to WXT's real ContentScriptContext, as the content scripts wire it: a navigation the
// browser announces through the Navigation API reaches the watcher as `wxt:locationchange`.
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPage } from '../../../lib/content/watch-page';
import { readPage } from '../../../lib/sites';
import type { PageContext } from '../../../lib/sites/types';

// happy-dom has no Navigation API: this stands in for the browser's `navigation` object. WXT checks for
// it once, when its module loads, so it is in place before the import.
const navigation = new EventTarget();
let Context: typeof ContentScriptContext;

beforeAll(async () => {
  Object.assign(globalThis, { navigation });
  ({ ContentScriptContext: Context } = await import('wxt/utils/content-script-context'));
});

afterEach(() => {
  vi.useRealTimers();
});

/** What the browser does on an in-app navigation: `navigate` fires, then the URL changes. */
function browserNavigates(hash: string): void {
  const url = new URL(hash, location.href).href;
  navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
  history.pushState(null, '', url);
}

it('a navigation reaches the watcher through ctx: one read, one report, no timer left, nothing after invalidation', async () => {
  vi.useFakeTimers();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://mail.google.com/mail/u/0/#inbox');
  document.body.innerHTML =
    '<div role="main"><h2 class="hP" data-thread-perm-id="thread-f:1" data-legacy-thread-id="195198d4e5f0a3b2">Q3 launch</h2><div class="adn" data-message-id="#msg-f:1"><span class="gD" email="sam@northwindoutfitters.com"></span></div></div>';
  const ctx = new Context('gmail');
  const read = vi.fn(readPage);
  const reports: (PageContext | null)[] = [];
  watchPage({ ctx, win: window, read, report: async (c) => (reports.push(c), true) });
  await vi.advanceTimersByTimeAsync(0);
  expect(reports).toHaveLength(1);
  expect(reports[0]?.thread).toBeUndefined();

  browserNavigates('#inbox/195198d4e5f0a3b2');
  await vi.advanceTimersByTimeAsync(2000);
  expect(read).toHaveBeenCalledTimes(2);
  expect(reports).toHaveLength(2);
  expect(reports[1]?.identifiers).toContainEqual({ kind: 'gmail-thread', value: '195198d4e5f0a3b2' });
  expect(vi.getTimerCount()).toBe(0);

  // The extension reloads: the old script's context is invalidated and its watcher goes quiet.
  ctx.notifyInvalidated();
  browserNavigates('#inbox');
  document.querySelector('[role="main"]')!.append(document.createElement('div'));
  await vi.advanceTimersByTimeAsync(2000);
  expect(read).toHaveBeenCalledTimes(2);
  expect(vi.getTimerCount()).toBe(0);
});
