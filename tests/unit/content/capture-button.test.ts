import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CAPTURE_LABEL, CAPTURE_MARKER, createCaptureButton } from '../../../lib/content/capture-button';
import { watchPage } from '../../../lib/content/watch-page';
import type { Result } from '../../../lib/messaging/protocol';
import { loadFixture } from '../helpers/dom';
import { personClick } from '../helpers/dom';
import { fakeContext, navigate } from './page-context';

type TestWindow = globalThis.Window & { happyDOM: { close(): Promise<void> } };

/** Gmail with the thread fixture open, the button wired to the page watcher as the content script does. */
function gmailWithThread(
  capture = vi.fn(async (_text: string | undefined): Promise<Result<{ opened: boolean }>> => ({ ok: true, data: { opened: true } })),
  fixtureName = 'gmail-thread',
) {
  const fixture = loadFixture(fixtureName);
  const win = new Window({ url: fixture.url }) as unknown as TestWindow;
  win.document.write(fixture.html);
  const doc = win.document;
  const controller = fakeContext();
  const button = createCaptureButton({ doc, signal: controller.signal, capture });
  watchPage({ ctx: controller, win, report: async () => true, onRead: button.place });
  const hosts = () => [...doc.querySelectorAll(`[${CAPTURE_MARKER}]`)] as HTMLElement[];
  const buttonIn = (host: HTMLElement | undefined) => host?.shadowRoot?.querySelector('button') ?? null;
  const heading = () => doc.querySelector('h2.hP')!;
  return { win, doc, controller, capture, hosts, buttonIn, heading };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Capture handoff button in Gmail', () => {
  it('appears once beside the open thread’s subject, and survives Gmail re-rendering the header', async () => {
    vi.useFakeTimers();
    const { win, doc, controller, hosts, buttonIn, heading } = gmailWithThread();
    await vi.advanceTimersByTimeAsync(0);
    expect(hosts()).toHaveLength(1);
    expect(buttonIn(hosts()[0])?.textContent).toBe(CAPTURE_LABEL);
    expect(heading().nextElementSibling).toBe(hosts()[0]);
    // The subject keeps its own text: readPage still reads it unchanged.
    expect(heading().textContent).not.toContain(CAPTURE_LABEL);

    // Gmail replaces the subject heading with a fresh copy.
    const copy = heading().cloneNode(true) as Element;
    heading().replaceWith(copy);
    await vi.advanceTimersByTimeAsync(1000);
    expect(hosts()).toHaveLength(1);
    expect(copy.nextElementSibling).toBe(hosts()[0]);

    // Mutations that touch nothing of ours change nothing (and the button does not feed itself).
    doc.body.appendChild(doc.createElement('div'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(hosts()).toHaveLength(1);
    controller.abort();
    expect(hosts()).toHaveLength(0);
    await win.happyDOM.close();
  });

  it('goes away when Gmail navigates to the inbox and comes back, once, with the next thread', async () => {
    vi.useFakeTimers();
    const { win, doc, controller, hosts, heading } = gmailWithThread();
    await vi.advanceTimersByTimeAsync(0);
    const saved = heading().cloneNode(true) as Element;
    const parent = heading().parentElement!;
    win.location.hash = '#inbox';
    heading().remove();
    await vi.advanceTimersByTimeAsync(1500);
    expect(hosts()).toHaveLength(0);

    win.location.hash = '#inbox/195fb10ea512bb59';
    parent.prepend(saved);
    await vi.advanceTimersByTimeAsync(1500);
    expect(hosts()).toHaveLength(1);
    expect(doc.querySelector('h2.hP')?.nextElementSibling).toBe(hosts()[0]);
    controller.abort();
    await win.happyDOM.close();
  });

  it('is removed, not hidden, when Gmail hides the conversation and goes back to the inbox', async () => {
    vi.useFakeTimers();
    const { win, doc, controller, hosts, heading } = gmailWithThread();
    await vi.advanceTimersByTimeAsync(0);
    expect(hosts()).toHaveLength(1);
    // Gmail keeps the closed conversation in the DOM, hidden, and shows the list again.
    const conversation = heading().closest('.a98')!;
    conversation.setAttribute('style', 'display: none;');
    navigate(win, '#inbox');
    await vi.advanceTimersByTimeAsync(1000);
    expect(hosts()).toHaveLength(0);
    expect(doc.querySelector('h2.hP')).not.toBeNull();

    // Opening it again shows it again: the button comes back beside it, once.
    conversation.setAttribute('style', '');
    navigate(win, '#inbox/195fb10ea512bb59');
    await vi.advanceTimersByTimeAsync(1000);
    expect(hosts()).toHaveLength(1);
    expect(heading().nextElementSibling).toBe(hosts()[0]);
    controller.abort();
    await win.happyDOM.close();
  });

  it('never sits beside a conversation Gmail keeps hidden behind the inbox', async () => {
    vi.useFakeTimers();
    const { win, controller, hosts } = gmailWithThread(undefined, 'gmail-inbox-hidden-thread');
    await vi.advanceTimersByTimeAsync(1000);
    expect(hosts()).toHaveLength(0);
    controller.abort();
    await win.happyDOM.close();
  });

  it('replaces a copy left by an earlier run of the script instead of adding a second', async () => {
    vi.useFakeTimers();
    const first = gmailWithThread();
    await vi.advanceTimersByTimeAsync(0);
    // The extension reloads: the old script's signal never fired, its button is still in the page.
    const second = createCaptureButton({ doc: first.doc, signal: new AbortController().signal, capture: first.capture });
    second.place({ site: 'gmail', url: first.win.location.href, identifiers: [], thread: { id: 'thread-f:1828374650192837465', subject: 's', participants: [], messageIds: [] } });
    expect(first.hosts()).toHaveLength(1);
    first.controller.abort();
    await first.win.happyDOM.close();
  });

  it('sends the selected text with a click, and says so when the panel could not open', async () => {
    vi.useFakeTimers();
    const capture = vi.fn(async (_text: string | undefined): Promise<Result<{ opened: boolean }>> => ({ ok: true, data: { opened: false } }));
    const { win, doc, controller, hosts, buttonIn } = gmailWithThread(capture);
    await vi.advanceTimersByTimeAsync(0);
    const message = doc.querySelector('h2.hP')!;
    const range = doc.createRange();
    range.selectNodeContents(message);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
    // The page's own scripts can reach the button: their synthetic clicks do nothing.
    buttonIn(hosts()[0])!.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(capture).not.toHaveBeenCalled();
    personClick(buttonIn(hosts()[0])!);
    await vi.advanceTimersByTimeAsync(0);
    expect(capture).toHaveBeenCalledWith('Re: Northwind Outfitters — Q3 paid social launch handoff');
    expect(hosts()[0]?.shadowRoot?.querySelector('[role="status"]')?.textContent).toBe('Open Baton’s side panel to finish the handoff.');
    controller.abort();
    await win.happyDOM.close();
  });
});
