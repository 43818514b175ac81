// @vitest-environment happy-dom
// The first-run path: who you are, your team, your first client; skipped, resumed, and never shown to
// someone who has clients. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { FirstRun } from '../../../components/first-run/first-run';
import { saveFirstRun } from '../../../components/first-run/progress';
import { NavigationContext, type Navigation } from '../../../components/panel/navigation';
import type { TabState } from '../../../lib/messaging/protocol';
import { STORAGE_KEYS } from '../../../lib/storage/keys';
import { getItem, setItem } from '../../../lib/storage/store';
import { reactRootPerTest } from './react-root';
import { THREAD_TAB } from './thread-tab';

type Message = { type: string; [field: string]: unknown };
const sent: Message[] = [];
let me = { id: 'm-1', name: 'You', email: 'you@baton.local', role: 'admin' };
let suggestion: { email: string; name?: string } | null = null;
let clients: { id: string; name: string }[] = [];
let hubConnected = false;
let failing: string | undefined;

const view = reactRootPerTest((message: Message) => {
  sent.push(message);
  switch (message.type) {
    case 'me/get':
      return { ok: true, data: me };
    case 'me/suggestion':
      return { ok: true, data: suggestion };
    case 'clients/list':
      return { ok: true, data: clients };
    case 'hub/status':
      if (failing === 'hub/status') return { ok: false, problem: { code: 'internal', message: 'The hub status cannot be read.' } };
      return { ok: true, data: hubConnected ? { connected: true, url: 'https://hub.brightlane.agency', me, pending: 0, live: true } : { connected: false, me, pending: 0, live: false } };
    case 'client/create-from-page':
      return { ok: true, data: { id: 'c-1', name: message.name, identifiers: message.identifiers } };
    default:
      return { ok: true, data: null };
  }
});

beforeEach(() => {
  sent.length = 0;
  me = { id: 'm-1', name: 'You', email: 'you@baton.local', role: 'admin' };
  suggestion = null;
  clients = [];
  hubConnected = false;
  failing = undefined;
  requestedFocus = 0;
});
afterEach(() => {
  delete (browser.storage as { managed?: unknown }).managed;
});


let requestedFocus = 0;
const navigation: Navigation = { navigate: () => {}, back: () => {}, canGoBack: false, requestFocus: () => void (requestedFocus += 1), takeFocusRequest: () => false };
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
async function render(tab: TabState | null = null) {
  await act(async () => view.root.render(createElement(NavigationContext.Provider, { value: navigation }, createElement(FirstRun, { tab }, createElement('p', null, 'The page’s view')))));
  await settle();
}
const heading = () => view.host.querySelector('h2')?.textContent;
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent === name);
const field = (label: string) => [...view.host.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))?.querySelector('input');
async function click(name: string) {
  const target = button(name);
  if (!target) throw new Error(`no button "${name}" in: ${view.host.textContent}`);
  await act(async () => target.click());
  await settle();
}

describe('the first-run path', () => {
  it('is never shown to someone who has clients: the page’s view is there', async () => {
    clients = [{ id: 'c-1', name: 'Northwind Outfitters' }];
    await render();
    expect(view.host.textContent).toBe('The page’s view');
  });

  it('starts with who you are, prefilled from the signed-in Gmail account, and saves it on Continue', async () => {
    suggestion = { email: 'jane.doe@brightlane.agency', name: 'Jane Doe' };
    await render();
    expect(heading()).toBe('Who you are');
    expect(view.host.textContent).toContain('step 1 of 3');
    expect(field('Your name')?.value).toBe('Jane Doe');
    expect(field('Your email')?.value).toBe('jane.doe@brightlane.agency');
    await click('Continue');
    expect(sent).toContainEqual({ type: 'me/update', name: 'Jane Doe', email: 'jane.doe@brightlane.agency' });
    expect(heading()).toBe('Your team');
    expect(await getItem(STORAGE_KEYS.firstRun)).toEqual({ step: 'team', done: false });
  });

  it('never rewrites an identity the person set (back at “Who you are”)', async () => {
    me = { id: 'm-1', name: 'Dana Whitfield', email: 'dana@brightlane.agency', role: 'admin' };
    await setItem(STORAGE_KEYS.firstRun, { step: 'you', done: false });
    await render();
    expect(field('Your name')?.value).toBe('Dana Whitfield');
    await click('Continue');
    expect(sent.map((m) => m.type)).not.toContain('me/update');
    expect(heading()).toBe('Your team');
  });

  it('resumes at the step left, and creates the first client from the open thread with its identifiers', async () => {
    await setItem(STORAGE_KEYS.firstRun, { step: 'client', done: false });
    await render(THREAD_TAB);
    expect(heading()).toBe('Your first client');
    expect(field('Client name')?.value).toBe('Northwind Outfitters');
    await click('Create client from this thread');
    expect(sent).toContainEqual({ type: 'client/create-from-page', name: 'Northwind Outfitters', identifiers: THREAD_TAB.linkable });
    expect(await getItem(STORAGE_KEYS.firstRun)).toEqual({ step: 'client', done: true });
    expect(view.host.textContent).toBe('The page’s view');
  });

  it('names the first client from the page once it has loaded, not from the blank before', async () => {
    await setItem(STORAGE_KEYS.firstRun, { step: 'client', done: false });
    await render(null);
    expect(field('Client name')?.value).toBe('');
    await render(THREAD_TAB);
    expect(field('Client name')?.value).toBe('Northwind Outfitters');
    expect(button('Create client from this thread')).toBeDefined();
  });

  it('offers the demo agency, and a plain name field when no page names a client', async () => {
    await setItem(STORAGE_KEYS.firstRun, { step: 'client', done: false });
    await render(null);
    expect(field('Client name')?.value).toBe('');
    expect(button('Create client')).toBeDefined();
    await click('Load the demo agency');
    expect(sent.map((m) => m.type)).toContain('demo/load');
    expect(await getItem(STORAGE_KEYS.firstRun)).toEqual({ step: 'client', done: true });
  });

  it('is gone for good once skipped, the keyboard going to the view’s heading', async () => {
    await render();
    await click('Skip setup');
    expect(view.host.textContent).toBe('The page’s view');
    expect(requestedFocus).toBe(1);
    expect(await getItem(STORAGE_KEYS.firstRun)).toEqual({ step: 'you', done: true });
    await act(async () => view.root.render(createElement('div')));
    await render();
    expect(view.host.textContent).toBe('The page’s view');
  });

  it('offers working alone, except where IT’s policy names the team’s hub', async () => {
    await setItem(STORAGE_KEYS.firstRun, { step: 'team', done: false });
    await render();
    expect(button('Work alone for now')).toBeDefined();
    await act(async () => view.root.render(createElement('div')));
    (browser.storage as { managed?: unknown }).managed = { get: async () => ({ hubUrl: 'https://hub.example.test' }) };
    await render();
    expect(heading()).toBe('Your team');
    expect(button('Work alone for now')).toBeUndefined();
    expect(field('Hub address')?.value).toBe('https://hub.example.test');
    expect(field('Hub address')?.readOnly).toBe(true);
  });

  it('reads nothing more for someone who finished or skipped it', async () => {
    await setItem(STORAGE_KEYS.firstRun, { step: 'team', done: true });
    await render();
    expect(view.host.textContent).toBe('The page’s view');
    expect(sent).toEqual([]);
  });

  it('leaves the page’s view in place while it loads, and when it cannot load', async () => {
    failing = 'hub/status';
    await render();
    expect(view.host.textContent).toBe('The page’s view');
  });

  it('starts at the first step not done: named and connected to a hub, at the first client', async () => {
    me = { id: 'm-1', name: 'Dana Whitfield', email: 'dana@brightlane.agency', role: 'admin' };
    hubConnected = true;
    await render();
    expect(heading()).toBe('Your first client');
    await act(async () => view.root.render(createElement('div')));
    hubConnected = false;
    await render();
    expect(heading()).toBe('Your team');
  });

  it('stays skipped when another page skipped it: the view follows, and a late Continue cannot bring it back', async () => {
    await setItem(STORAGE_KEYS.firstRun, { step: 'team', done: false });
    await render();
    expect(heading()).toBe('Your team');
    // The popup's "Skip setup".
    await act(async () => setItem(STORAGE_KEYS.firstRun, { step: 'team', done: true }));
    await settle();
    expect(view.host.textContent).toBe('The page’s view');
    await saveFirstRun({ step: 'client', done: false });
    expect(await getItem(STORAGE_KEYS.firstRun)).toEqual({ step: 'team', done: true });
  });

  it('moves the keyboard to the view’s heading when the last step is done', async () => {
    await setItem(STORAGE_KEYS.firstRun, { step: 'client', done: false });
    await render(THREAD_TAB);
    await click('Create client from this thread');
    expect(view.host.textContent).toBe('The page’s view');
    expect(requestedFocus).toBe(1);
  });
});
