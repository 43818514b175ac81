import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { createBackground } from '../../../lib/background/start';
import { appendEvent } from '../../../lib/db/event-store';
import { openBatonDb } from '../../../lib/db/open';
import { makeEvent } from '../../../lib/events';
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

let dbName = '';
/** A background as the worker builds it; a second one on the same database is the worker restarted. */
function newRouter() {
  return createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName }).router;
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

/** The tab the browser shows in window 0 (the fake browser has no way to activate one). */
function activate(tabId: number) {
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: tabId, windowId: 0, active: true } as Browser.tabs.Tab] as never);
}

let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  dbName = `baton-router-${n++}-${Date.now()}`;
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
    activate(7);
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
    activate(3);
    const state = await router.handle({ type: 'panel/state', windowId: 0 }, page);
    expect(state).toMatchObject({ ok: true, data: { match: { status: 'matched', client: { name: 'Northwind Outfitters' } } } });
  });

  it('rejects messages from other extensions and web pages', async () => {
    const router = newRouter();
    const foreign = await router.handle({ type: 'clients/list' }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' });
    expect(foreign).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    const web = await router.handle({ type: 'page/context', context: gmailContext }, contentScript(1, 'https://evil.test/'));
    expect(web).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    const frame = await router.handle({ type: 'page/context', context: gmailContext }, { ...contentScript(1), frameId: 3 });
    expect(frame).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
  });

  it('lets a content script report only its own site, and nothing else', async () => {
    const router = newRouter();
    const spoof = await router.handle({ type: 'page/context', context: gmailContext }, contentScript(1, 'https://app.asana.com/0/1/2'));
    expect(spoof).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    const write = await router.handle({ type: 'clients/save', client: { name: 'X', identifiers: '' } }, contentScript(1));
    expect(write).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
  });

  it('answers a malformed message with an error that names the problem', async () => {
    const router = newRouter();
    const reply = await router.handle({ type: 'page/context', context: { ...gmailContext, site: 'myspace' } }, contentScript(1));
    expect(reply).toMatchObject({ ok: false, problem: { code: 'bad-request', message: expect.stringContaining('context.site') } });
    expect(await router.handle('hello', page)).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
    expect(await router.handle({ type: 'clients/drop-all' }, page)).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
  });

  it('passes the parser’s problem through as it is, with the field at fault', async () => {
    const router = newRouter();
    expect(await router.handle({ type: 'clients/drop-all' }, page)).toEqual({
      ok: false,
      problem: { code: 'bad-request', message: 'type: Baton has no “clients/drop-all” request.', field: 'type' },
    });
    expect(await router.handle({ type: 'page/context', context: { ...gmailContext, site: 'myspace' } }, contentScript(1))).toMatchObject({
      ok: false,
      problem: { code: 'bad-request', field: 'context.site' },
    });
  });

  it('reports bad client input as a validation error and saves nothing', async () => {
    const router = newRouter();
    const reply = await router.handle({ type: 'clients/save', client: { name: 'Acme', identifiers: 'email-domain:acme.com google-ads-customer:12' } }, page);
    expect(reply).toMatchObject({ ok: false, problem: { code: 'invalid', message: expect.stringContaining('10 digits') } });
    expect(await router.handle({ type: 'clients/list' }, page)).toEqual({ ok: true, data: [] });
    const blank = await router.handle({ type: 'clients/save', client: { name: '   ', identifiers: '' } }, page);
    expect(blank).toMatchObject({ ok: false, problem: { code: 'invalid' } });
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

  it('imports the clients an earlier version kept in storage.local once, skipping corrupt ones', async () => {
    await browser.storage.local.set({
      'baton:clients': [
        { id: 'old-1', name: 'Kestrel Bikes', identifiers: [{ kind: 'email-domain', value: 'kestrelbikes.com' }], createdAt: '2026-10-01T10:00:00.000Z', updatedAt: '2026-10-01T10:00:00.000Z' },
        { id: 'x', name: 42 },
      ],
    });
    const router = newRouter();
    const list = await router.handle({ type: 'clients/list' }, page);
    expect(list.ok && (list.data as Client[]).map((c) => c.name)).toEqual(['Kestrel Bikes']);
    expect(await browser.storage.local.get('baton:clients')).toEqual({});
    const again = await newRouter().handle({ type: 'clients/list' }, page);
    expect(again.ok && (again.data as Client[])).toHaveLength(1);
  });

  it('skips a corrupt client record instead of failing the directory', async () => {
    const router = newRouter();
    await addClient(router, 'Good', 'email-domain:good.com');
    const db = await openBatonDb(dbName);
    await db.put('clients', { id: 'evil', name: '<img src=x onerror=alert(1)>'.repeat(100), identifiers: 'nope' } as never);
    db.close();
    const list = await router.handle({ type: 'clients/list' }, page);
    expect(list.ok && (list.data as Client[]).map((c) => c.name)).toEqual(['Good']);
  });

  it('follows the last recognised tab when the active tab is the panel itself', async () => {
    const router = newRouter();
    await addClient(router, 'Northwind Outfitters', 'email-domain:northwindoutfitters.com');
    await router.handle({ type: 'page/context', context: gmailContext }, contentScript(0));
    activate(9);
    const reply = await router.handle({ type: 'panel/state', windowId: 0, panelTabId: 9 }, page);
    expect(reply).toMatchObject({ ok: true, data: { tabId: 0, match: { status: 'matched' } } });
  });

  it('shows nothing, not another tab’s client, when the active tab is a page Baton does not read', async () => {
    const router = newRouter();
    await addClient(router, 'Northwind Outfitters', 'email-domain:northwindoutfitters.com');
    await router.handle({ type: 'page/context', context: gmailContext }, contentScript(0));
    activate(4);
    expect(await router.handle({ type: 'panel/state', windowId: 0 }, page)).toEqual({ ok: true, data: null });
  });

  it('forgets a tab whose page is no longer one Baton reads', async () => {
    const router = newRouter();
    await router.handle({ type: 'page/context', context: gmailContext }, contentScript(5));
    await router.handle({ type: 'page/context', context: null }, contentScript(5, 'https://mail.google.com/chat/u/0/'));
    expect(await browser.storage.session.get('tab:5')).toEqual({});
  });
});

describe('background router under concurrency', () => {
  it('does not bring back the state of a tab that closed while clients were re-matched', async () => {
    const router = newRouter();
    await router.handle({ type: 'page/context', context: gmailContext }, contentScript(11));
    vi.spyOn(browser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 11.'));
    await addClient(router, 'Northwind Outfitters', 'email-domain:northwindoutfitters.com');
    expect(await browser.storage.session.get('tab:11')).toEqual({});
  });

  it('keeps the newest page report when a re-match runs at the same time', async () => {
    const router = newRouter();
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 12 } as Browser.tabs.Tab as never);
    await router.handle({ type: 'page/context', context: gmailContext }, contentScript(12));
    const asanaUrl = 'https://app.asana.com/0/1201809392759895/1210123456789099';
    const asanaContext: PageContext = { site: 'asana', url: asanaUrl, identifiers: [{ kind: 'asana-project', value: '1201809392759895' }] };
    await Promise.all([
      addClient(router, 'Harbor & Pine', 'asana-project:1201809392759895'),
      router.handle({ type: 'page/context', context: asanaContext }, contentScript(12, asanaUrl)),
    ]);
    const { 'tab:12': state } = await browser.storage.session.get('tab:12');
    expect(state).toMatchObject({ context: { site: 'asana' }, match: { status: 'matched', client: { name: 'Harbor & Pine' } } });
  });
});

describe('client directory', () => {
  it('keeps what a client has beyond the form when it is edited', async () => {
    const background = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName });
    const created = await addClient(background.router, 'Northwind Outfitters', 'email-domain:northwindoutfitters.com');
    const { db, me } = await background.workspace.session();
    const stakeholders = [{ name: 'Maya Okafor', role: 'CMO', email: 'maya@northwindoutfitters.com' }];
    await appendEvent(db, makeEvent('client.updated', me.id, created.id, { stakeholders, toneOfVoiceUrl: 'https://docs.example.com/tov' }));
    const reply = await background.router.handle(
      { type: 'clients/save', client: { id: created.id, name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com asana-project:1201809392759895' } },
      page,
    );
    expect(reply).toMatchObject({ ok: true, data: { stakeholders, toneOfVoiceUrl: 'https://docs.example.com/tov', identifiers: [{}, {}] } });
  });
});
