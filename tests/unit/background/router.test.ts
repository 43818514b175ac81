import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { createMatcherCache } from '../../../lib/background/matcher';
import { createRouter } from '../../../lib/background/router';
import type { Client } from '../../../lib/model/client';
import type { PageContext } from '../../../lib/sites/types';

const RUNTIME_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2';
const gmailContext: PageContext = {
  site: 'gmail',
  url: GMAIL_URL,
  accountEmail: 'jane.doe@brightlane.agency',
  identifiers: [
    { kind: 'gmail-thread', value: '195198d4e5f0a3b2' },
    { kind: 'email', value: 'sam@northwindoutfitters.com' },
    { kind: 'email-domain', value: 'northwindoutfitters.com' },
  ],
};

function newRouter() {
  return createRouter({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, matcher: createMatcherCache() });
}

const page = { id: RUNTIME_ID, url: `${ORIGIN}options.html` };
const contentScript = (tabId: number, url = GMAIL_URL, active = true) => ({
  id: RUNTIME_ID,
  url,
  frameId: 0,
  tab: { id: tabId, windowId: 0, active, index: 0, highlighted: false, incognito: false, pinned: false, discarded: false, autoDiscardable: true, frozen: false, groupId: -1 } as Browser.tabs.Tab,
});

async function addClient(router: ReturnType<typeof newRouter>, name: string, identifiers: string) {
  const reply = await router.handle({ type: 'clients/save', client: { name, identifiers } }, page);
  expect(reply.ok).toBe(true);
  return (reply as { ok: true; data: Client }).data;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('background router', () => {
  it('matches a reported page, keeps it in storage.session and badges the tab', async () => {
    const router = newRouter();
    await addClient(router, 'Northwind Outfitters', 'email-domain:northwindoutfitters.com');
    const reply = await router.handle({ type: 'page/context', context: gmailContext }, contentScript(7));
    expect(reply).toMatchObject({ ok: true, data: { match: { status: 'matched', client: { name: 'Northwind Outfitters' } } } });
    expect(await browser.action.getBadgeText({ tabId: 7 })).toBe('NO');
    const stored = await browser.storage.session.get('tab:7');
    expect(stored['tab:7']).toMatchObject({ tabId: 7, context: { site: 'gmail' } });
  });

  it('survives the worker being stopped: a new router answers from storage', async () => {
    const first = newRouter();
    await addClient(first, 'Northwind Outfitters', 'email-domain:northwindoutfitters.com');
    await first.handle({ type: 'page/context', context: gmailContext }, contentScript(7));
    await fakeBrowser.tabs.update(0, {});
    const restarted = newRouter();
    const reply = await restarted.handle({ type: 'panel/state', windowId: 0 }, page);
    expect(reply).toMatchObject({ ok: true, data: { tabId: 7, match: { status: 'matched' } } });
    const again = await restarted.handle({ type: 'page/context', context: gmailContext }, contentScript(7));
    expect(again).toMatchObject({ ok: true, data: { match: { status: 'matched' } } });
  });

  it('re-matches open tabs when a client is added', async () => {
    const router = newRouter();
    const first = await router.handle({ type: 'page/context', context: gmailContext }, contentScript(3));
    expect(first).toMatchObject({ ok: true, data: { match: { status: 'none' } } });
    await addClient(router, 'Northwind Outfitters', 'email:sam@northwindoutfitters.com');
    const state = await router.handle({ type: 'panel/state', windowId: 0 }, page);
    expect(state).toMatchObject({ ok: true, data: { match: { status: 'matched', client: { name: 'Northwind Outfitters' } } } });
  });

  it('rejects messages from other extensions and web pages', async () => {
    const router = newRouter();
    const foreign = await router.handle({ type: 'clients/list' }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const web = await router.handle({ type: 'page/context', context: gmailContext }, contentScript(1, 'https://evil.test/'));
    expect(web).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const frame = await router.handle({ type: 'page/context', context: gmailContext }, { ...contentScript(1), frameId: 3 });
    expect(frame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets a content script report only its own site, and nothing else', async () => {
    const router = newRouter();
    const spoof = await router.handle({ type: 'page/context', context: gmailContext }, contentScript(1, 'https://app.asana.com/0/1/2'));
    expect(spoof).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const write = await router.handle({ type: 'clients/save', client: { name: 'X', identifiers: '' } }, contentScript(1));
    expect(write).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers a malformed message with an error that names the problem', async () => {
    const router = newRouter();
    const reply = await router.handle({ type: 'page/context', context: { ...gmailContext, site: 'myspace' } }, contentScript(1));
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('context.site') } });
    expect(await router.handle('hello', page)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await router.handle({ type: 'clients/drop-all' }, page)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('reports bad client input as a validation error and saves nothing', async () => {
    const router = newRouter();
    const reply = await router.handle({ type: 'clients/save', client: { name: 'Acme', identifiers: 'email-domain:acme.com google-ads-customer:12' } }, page);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('10 digits') } });
    expect(await router.handle({ type: 'clients/list' }, page)).toEqual({ ok: true, data: [] });
    const blank = await router.handle({ type: 'clients/save', client: { name: '   ', identifiers: '' } }, page);
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('keeps both clients when two pages save at the same time', async () => {
    const router = newRouter();
    await Promise.all([
      router.handle({ type: 'clients/save', client: { name: 'One', identifiers: 'email-domain:one.com' } }, page),
      router.handle({ type: 'clients/save', client: { name: 'Two', identifiers: 'email-domain:two.com' } }, page),
    ]);
    const list = await router.handle({ type: 'clients/list' }, page);
    expect(list.ok && (list.data as Client[]).map((c) => c.name).sort()).toEqual(['One', 'Two']);
  });

  it('skips a corrupt stored client instead of failing the directory', async () => {
    const router = newRouter();
    await addClient(router, 'Good', 'email-domain:good.com');
    const { 'baton:clients': stored } = await browser.storage.local.get('baton:clients');
    await browser.storage.local.set({ 'baton:clients': [...(stored as unknown[]), { id: 'x', name: 42 }] });
    const list = await router.handle({ type: 'clients/list' }, page);
    expect(list.ok && (list.data as Client[]).map((c) => c.name)).toEqual(['Good']);
  });

  it('follows the last recognised tab when the active tab is the panel itself', async () => {
    const router = newRouter();
    await addClient(router, 'Northwind Outfitters', 'email-domain:northwindoutfitters.com');
    await router.handle({ type: 'page/context', context: gmailContext }, contentScript(0));
    const panelTab = await fakeBrowser.tabs.create({ url: `${ORIGIN}sidepanel.html` });
    await fakeBrowser.tabs.update(panelTab.id!, { active: true });
    const reply = await router.handle({ type: 'panel/state', windowId: 0 }, page);
    expect(reply).toMatchObject({ ok: true, data: { tabId: 0, match: { status: 'matched' } } });
  });

  it('forgets a tab whose page is no longer one Baton reads', async () => {
    const router = newRouter();
    await router.handle({ type: 'page/context', context: gmailContext }, contentScript(5));
    await router.handle({ type: 'page/context', context: null }, contentScript(5, 'https://mail.google.com/chat/u/0/'));
    expect(await browser.storage.session.get('tab:5')).toEqual({});
  });
});
