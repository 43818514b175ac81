import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPage } from '../../../lib/content/watch-page';
import type { PageContext } from '../../../lib/sites/types';

function gmailWindow(hash = '#inbox') {
  const win = new Window({ url: `https://mail.google.com/mail/u/0/${hash}` });
  win.document.body.innerHTML = '<div role="main"></div>';
  return win as unknown as globalThis.Window & { happyDOM: { close(): Promise<void> } };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('watchPage', () => {
  it('reports on load, then once per burst of DOM changes, and only when the context changed', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const reports: (PageContext | null)[] = [];
    const controller = new AbortController();
    watchPage({ signal: controller.signal, win, report: async (c) => (reports.push(c), true) });
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
    const controller = new AbortController();
    watchPage({ signal: controller.signal, win, report: async (c) => (reports.push(c), true), debounceMs: 250, leadingMs: 30 });
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
    const controller = new AbortController();
    watchPage({ signal: controller.signal, win, report: async (c) => (reports.push(c), true), debounceMs: 250, leadingMs: 30 });
    await vi.advanceTimersByTimeAsync(0);
    const main = win.document.querySelector('[role="main"]')!;
    main.insertAdjacentHTML('beforeend', '<h2 class="hP" data-thread-perm-id="thread-f:1" data-legacy-thread-id="195198d4e5f0a3b2">Q3 launch</h2>');
    win.location.hash = '#inbox/195198d4e5f0a3b2';
    await vi.advanceTimersByTimeAsync(40);
    expect(reports.at(-1)?.thread?.legacyId).toBe('195198d4e5f0a3b2');
    // 100 ms later, before the page went quiet, the next conversation.
    await vi.advanceTimersByTimeAsync(60);
    win.document.querySelector('h2.hP')!.setAttribute('data-legacy-thread-id', '195198d4e5f0a3c3');
    win.history.replaceState(null, '', '#inbox/195198d4e5f0a3c3');
    win.dispatchEvent(new (win as unknown as typeof globalThis).HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(40);
    expect(reports.at(-1)?.thread?.legacyId).toBe('195198d4e5f0a3c3');
    controller.abort();
  });

  it('stops observing and polling once aborted', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const report = vi.fn(async () => true);
    const controller = new AbortController();
    watchPage({ signal: controller.signal, win, report });
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    win.location.hash = '#inbox/195198d4e5f0a3b2';
    win.document.body.appendChild(win.document.createElement('div'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('retries a context the background did not receive', async () => {
    vi.useFakeTimers();
    const win = gmailWindow();
    const report = vi.fn<(c: PageContext | null) => Promise<boolean>>().mockResolvedValueOnce(false).mockResolvedValue(true);
    const controller = new AbortController();
    watchPage({ signal: controller.signal, win, report });
    await vi.advanceTimersByTimeAsync(0);
    win.document.body.appendChild(win.document.createElement('div'));
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
    const controller = new AbortController();
    watchPage({ signal: controller.signal, win, report, debounceMs: 250, maxWaitMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    win.location.hash = '#inbox/195198d4e5f0a3b2';
    // A mutation every 100 ms for 3 s: a plain debounce would never fire.
    for (let i = 0; i < 30; i++) {
      win.document.body.appendChild(win.document.createElement('div'));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(report).toHaveBeenCalledTimes(2);
    controller.abort();
  });
});
