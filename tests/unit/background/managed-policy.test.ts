import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openTeamHubForManagedHub } from '../../../lib/background/first-run';
import { createBackground } from '../../../lib/background/start';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from '../helpers/extension';

let n = 0;
const background = () => createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-managed-${n++}-${Date.now()}` });
/** Nothing listens on port 9 here: a join that policy allows gets as far as the hub and fails there. */
const NO_HUB = 'https://127.0.0.1:9';
const CODE = 'bi_0123456789abcdef';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('IT policy, enforced by the background', () => {
  it('refuses another hub than the managed one, saying why', async () => {
    await fakeBrowser.storage.managed.set({ hubUrl: 'https://hub.agency.example' });
    const reply = await background().router.handle({ type: 'hub/connect', url: 'https://other.example', code: CODE }, OPTIONS_PAGE);
    expect(reply).toMatchObject({ ok: false, problem: { code: 'forbidden', field: 'url', message: expect.stringContaining('Your organisation set Baton to use its team hub https://hub.agency.example only') } });
  });

  it('lets the managed hub through (a trailing slash is the same hub): the join then meets the hub', async () => {
    await fakeBrowser.storage.managed.set({ hubUrl: NO_HUB });
    const reply = await background().router.handle({ type: 'hub/connect', url: `${NO_HUB}/`, code: CODE }, OPTIONS_PAGE);
    expect(reply).toMatchObject({ ok: false, problem: { code: 'hub-unreachable' } });
  });

  it('refuses an invite code when the organisation requires sign-in, even at the managed hub', async () => {
    await fakeBrowser.storage.managed.set({ hubUrl: NO_HUB, signInRequired: true });
    const reply = await background().router.handle({ type: 'hub/connect', url: NO_HUB, code: CODE }, OPTIONS_PAGE);
    expect(reply).toMatchObject({ ok: false, problem: { code: 'forbidden', field: 'code', message: expect.stringContaining('Your organisation requires signing in with') } });
  });

  it('changes nothing without a policy', async () => {
    const reply = await background().router.handle({ type: 'hub/connect', url: NO_HUB, code: CODE }, OPTIONS_PAGE);
    expect(reply).toMatchObject({ ok: false, problem: { code: 'hub-unreachable' } });
  });
});

describe('first run with a hub set by IT', () => {
  const opened = async () => (await browser.tabs.query({})).map((tab) => tab.url).filter(Boolean);

  it('opens Settings at the Team hub when IT set a hub and this browser has none', async () => {
    await fakeBrowser.storage.managed.set({ hubUrl: 'https://hub.agency.example' });
    expect(await openTeamHubForManagedHub(async () => false)).toBe(true);
    expect(await opened()).toEqual([`${ORIGIN}options.html#hub`]);
  });

  it('opens nothing without a managed hub, or with a hub already joined', async () => {
    expect(await openTeamHubForManagedHub(async () => false)).toBe(false);
    await fakeBrowser.storage.managed.set({ hubUrl: 'https://hub.agency.example' });
    expect(await openTeamHubForManagedHub(async () => true)).toBe(false);
    expect(await opened()).toEqual([]);
  });

  it('is what an install does, not an update', async () => {
    await fakeBrowser.storage.managed.set({ hubUrl: 'https://hub.agency.example' });
    const { watchFirstRun } = await import('../../../lib/background/first-run');
    watchFirstRun(async () => false);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await opened()).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await expect.poll(opened).toEqual([`${ORIGIN}options.html#hub`]);
  });
});
