import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPage } from '../../../lib/content/watch-page';
import { readPage } from '../../../lib/sites';
import type { PageContext } from '../../../lib/sites/types';
import { fakeContext, navigate } from './page-context';

function gmailWindow(hash = '#inbox') {
  const win = new Window({ url: `https://mail.google.com/mail/u/0/${hash}` });
  win.document.body.innerHTML = '<div role="main"></div>';
  return win as unknown as globalThis.Window & { happyDOM: { close(): Promise<void> } };
}

/** Gmail's main area, the one subtree the watcher observes there. */
const mainOf = (win: globalThis.Window) => win.document.querySelector('[role="main"]')!;

afterEach(() => {
  vi.useRealTimers();
});

describe('watchPage', () => {
  it('reports on load, then once per burst of DOM changes, and only when the context changed', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const reports: (PageContext | null)[] = [];
    const controller = fakeContext();
    watchPage({ ctx: controller, win, report: async (c) => (reports.push(c), true) });
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toHaveLength(1);

    // Gmail opens a thread: the URL changes, then the conversation renders in several mutations.
    win.location.hash = '#inbox/195198d4e5f0a3b2';
    const main = win.document.querySelector('[role="main"]')!;
    for (let i = 0; i < 20; i++) main.appendChild(win.document.createElement('div'));
    main.insertAdjacentHTML(
      'beforeend',
      '<h2 class="hP" data-thread-perm-id="thread-f:1" data-legacy-thread-id="195198d4e5f0a3b2">Q3 launch</h2><div class="adn" data-message-id="#msg-f:1"><span class="gD" email="sam@northwindoutfitters.com" name="Sam"></span></div>',
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toHaveLength(2);
    expect(reports[1]?.thread?.subject).toBe('Q3 launch');

    // Mutations that change nothing Baton reads send nothing.
    main.appendChild(win.document.createElement('span'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toHaveLength(2);
    controller.abort();
  });

  it('reports a navigation early once the page identifies something, never a half-rendered page', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const reports: (PageContext | null)[] = [];
    const controller = fakeContext();
    watchPage({ ctx: controller, win, report: async (c) => (reports.push(c), true), debounceMs: 250, leadingMs: 30 });
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toHaveLength(1);

    // The URL changes first; the conversation is not rendered yet: nothing early, no "no client" flash.
    win.location.hash = '#inbox/195198d4e5f0a3b2';
    const main = win.document.querySelector('[role="main"]')!;
    main.appendChild(win.document.createElement('div'));
    await vi.advanceTimersByTimeAsync(40);
    expect(reports).toHaveLength(1);
    // The burst goes on and the thread renders: the next burst's early read sends it, well before quiet.
    await vi.advanceTimersByTimeAsync(300);
    const before = reports.length;
    main.insertAdjacentHTML('beforeend', '<h2 class="hP" data-thread-perm-id="thread-f:1" data-legacy-thread-id="195198d4e5f0a3b2">Q3 launch</h2><div class="adn" data-message-id="#msg-f:1"><span class="gD" email="sam@northwindoutfitters.com" name="Sam"></span></div>');
    await vi.advanceTimersByTimeAsync(40);
    expect(reports).toHaveLength(before + 1);
    expect(reports.at(-1)?.thread?.subject).toBe('Q3 launch');
    // The trailing read finds nothing new to send.
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toHaveLength(before + 1);
    controller.abort();
  });

  it('reads early at every navigation, even one that comes while the page is still settling', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const reports: (PageContext | null)[] = [];
    const controller = fakeContext();
    watchPage({ ctx: controller, win, report: async (c) => (reports.push(c), true), debounceMs: 250, leadingMs: 30 });
    await vi.advanceTimersByTimeAsync(0);
    const main = win.document.querySelector('[role="main"]')!;
    main.insertAdjacentHTML('beforeend', '<h2 class="hP" data-thread-perm-id="thread-f:1" data-legacy-thread-id="195198d4e5f0a3b2">Q3 launch</h2>');
    win.location.hash = '#inbox/195198d4e5f0a3b2';
    await vi.advanceTimersByTimeAsync(40);
    expect(reports.at(-1)?.thread?.legacyId).toBe('195198d4e5f0a3b2');
    // 100 ms later, before the page went quiet, the next conversation.
    await vi.advanceTimersByTimeAsync(60);
    win.document.querySelector('h2.hP')!.setAttribute('data-legacy-thread-id', '195198d4e5f0a3c3');
    navigate(win, '#inbox/195198d4e5f0a3c3');
    await vi.advanceTimersByTimeAsync(40);
    expect(reports.at(-1)?.thread?.legacyId).toBe('195198d4e5f0a3c3');
    controller.abort();
  });

  it('stops observing and listening once aborted, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const report = vi.fn(async () => true);
    const controller = fakeContext();
    watchPage({ ctx: controller, win, report });
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    navigate(win, '#inbox/195198d4e5f0a3b2');
    mainOf(win).appendChild(win.document.createElement('div'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(report).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('retries a context the background did not receive', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const report = vi.fn<(c: PageContext | null) => Promise<boolean>>().mockResolvedValueOnce(false).mockResolvedValue(true);
    const controller = fakeContext();
    watchPage({ ctx: controller, win, report });
    await vi.advanceTimersByTimeAsync(0);
    mainOf(win).appendChild(win.document.createElement('div'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(report).toHaveBeenCalledTimes(2);
    expect(report.mock.calls[1]?.[0]).toEqual(report.mock.calls[0]?.[0]);
    controller.abort();
  });
});

describe('watchPage on a page that never goes quiet', () => {
  it('still reads it at least once per maxWait', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const report = vi.fn(async () => true);
    const controller = fakeContext();
    watchPage({ ctx: controller, win, report, debounceMs: 250, maxWaitMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    win.location.hash = '#inbox/195198d4e5f0a3b2';
    // A mutation every 100 ms for 3 s: a plain debounce would never fire.
    for (let i = 0; i < 30; i++) {
      mainOf(win).appendChild(win.document.createElement('div'));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(report).toHaveBeenCalledTimes(2);
    controller.abort();
  });
});

const THREAD = '<h2 class="hP" data-thread-perm-id="thread-f:1" data-legacy-thread-id="195198d4e5f0a3b2">Q3 launch</h2><div class="adn" data-message-id="#msg-f:1"><span class="gD" email="sam@northwindoutfitters.com" name="Sam"></span></div>';

/** A watcher with a counted read: every read of the page, sent or not. */
function watchCounted(win: globalThis.Window, options: { debounceMs?: number } = {}) {
  const ctx = fakeContext();
  const reports: (PageContext | null)[] = [];
  const read = vi.fn(readPage);
  watchPage({ ctx, win, read, report: async (c) => (reports.push(c), true), ...options });
  return { ctx, reports, read };
}

describe('watchPage follows navigations through wxt:locationchange', () => {
  it('reads once and reports once per navigation, and leaves no timer running (no polling)', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    mainOf(win).innerHTML = THREAD;
    const { ctx, reports, read } = watchCounted(win);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(1);
    expect(reports.at(-1)?.thread).toBeUndefined(); // #inbox: a list, whatever the DOM holds
    expect(vi.getTimerCount()).toBe(0);

    navigate(win, '#inbox/195198d4e5f0a3b2');
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).toHaveBeenCalledTimes(2);
    expect(reports).toHaveLength(2);
    expect(reports[1]?.thread?.subject).toBe('Q3 launch');
    expect(vi.getTimerCount()).toBe(0);

    // A URL change without the event is not noticed: nothing polls it.
    win.history.pushState(null, '', '#inbox');
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).toHaveBeenCalledTimes(2);
    ctx.abort();
  });

  it('after a navigation to a page still rendering, reads again once it has rendered', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const { ctx, reports } = watchCounted(win);
    await vi.advanceTimersByTimeAsync(0);
    navigate(win, '#inbox/195198d4e5f0a3b2');
    await vi.advanceTimersByTimeAsync(100);
    mainOf(win).innerHTML = THREAD;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.at(-1)?.thread?.subject).toBe('Q3 launch');
    expect(vi.getTimerCount()).toBe(0);
    ctx.abort();
  });
});

describe('watchPage observes the one subtree the site reads', () => {
  it('in Gmail, the main area: changes elsewhere in the page are not read', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const { ctx, read } = watchCounted(win);
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 20; i++) win.document.body.appendChild(win.document.createElement('div'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(read).toHaveBeenCalledTimes(1);
    mainOf(win).appendChild(win.document.createElement('div'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(read.mock.calls.length).toBeGreaterThan(1);
    ctx.abort();
  });

  it('sees a conversation hidden in place, and the tab title changing', async () => {
    vi.useFakeTimers();
    const win = gmailWindow('#inbox/195198d4e5f0a3b2');
    mainOf(win).innerHTML = `<div class="conversation">${THREAD}</div>`;
    const { ctx, reports } = watchCounted(win);
    await vi.advanceTimersByTimeAsync(0);
    expect(reports.at(-1)?.thread?.subject).toBe('Q3 launch');
    win.document.querySelector('.conversation')!.setAttribute('style', 'display: none');
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.at(-1)?.thread).toBeUndefined();
    win.document.title = 'Q3 launch - jane@brightlane.agency - Gmail';
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.at(-1)?.accountEmail).toBe('jane@brightlane.agency');
    ctx.abort();
  });

  it('follows the main area when the app replaces it', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const { ctx, reports, read } = watchCounted(win);
    await vi.advanceTimersByTimeAsync(0);
    // As Gmail re-renders a whole view: a new main area, its content, then the URL.
    win.document.body.innerHTML = `<div class="app"><div role="main">${THREAD}</div></div>`;
    navigate(win, '#inbox/195198d4e5f0a3b2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.at(-1)?.thread?.subject).toBe('Q3 launch');
    // The new main area is the one observed now.
    const reads = read.mock.calls.length;
    mainOf(win).querySelector('h2')!.textContent = 'Q3 launch, revised';
    await vi.advanceTimersByTimeAsync(1000);
    expect(read.mock.calls.length).toBeGreaterThan(reads);
    expect(reports.at(-1)?.thread?.subject).toBe('Q3 launch, revised');
    ctx.abort();
  });

  it('observes the body until the main area renders, then the main area only', async () => {
    vi.useFakeTimers();
    const win = gmailWindow('#inbox/195198d4e5f0a3b2');
    win.document.body.innerHTML = '<div class="loading"></div>';
    const { ctx, reports, read } = watchCounted(win);
    await vi.advanceTimersByTimeAsync(0);
    win.document.body.insertAdjacentHTML('beforeend', `<div role="main">${THREAD}</div>`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.at(-1)?.thread?.subject).toBe('Q3 launch');
    const reads = read.mock.calls.length;
    win.document.querySelector('.loading')!.remove();
    await vi.advanceTimersByTimeAsync(1000);
    expect(read).toHaveBeenCalledTimes(reads);
    ctx.abort();
  });

  it('in Google Ads, the header that shows the customer ID', async () => {
    vi.useFakeTimers();
    const win = new Window({ url: 'https://ads.google.com/aw/overview?__u=1&__c=2' }) as unknown as globalThis.Window;
    win.document.body.innerHTML = '<header role="banner"><span class="account-name">Northwind</span></header><main role="main"></main>';
    const { ctx, reports } = watchCounted(win);
    await vi.advanceTimersByTimeAsync(0);
    expect(reports.at(-1)?.identifiers).toEqual([]);
    win.document.querySelector('main')!.textContent = '123-456-7890';
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toHaveLength(1);
    win.document.querySelector('header')!.insertAdjacentHTML('beforeend', '<span class="customer-id">482-019-3375</span>');
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.at(-1)?.identifiers).toEqual([{ kind: 'google-ads-customer', value: '4820193375' }]);
    ctx.abort();
  });
});
