import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getTabState, tabIdsWithState } from '../../../lib/background/tab-states';
import { loadHubConnection } from '../../../lib/storage/hub-connection-store';
import { STORAGE_KEY_FAMILIES, STORAGE_KEYS, lastActiveTabKey, lastTemplateKey, panelIntentKey, reminderStateKey, selectionsForKey, tabStateKey } from '../../../lib/storage/keys';
import { changedValue, familyIds, getItem, removeItem, setItem } from '../../../lib/storage/store';

const keys = Object.values(STORAGE_KEYS);
const families = Object.values(STORAGE_KEY_FAMILIES);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the registry of storage keys', () => {
  it('keeps the names already stored in users’ profiles', () => {
    expect(keys.map((k) => `${k.area}:${k.name}`).sort()).toEqual(
      ['local:baton:clients', 'local:baton:hub', 'local:baton:prompt-snooze', 'session:baton:awaiting', 'session:baton:gmail-account', 'session:baton:sync-status', 'local:baton:first-run', 'local:baton:recent-clients', 'local:baton:notify'].sort(),
    );
    expect(tabStateKey(7)).toMatchObject({ area: 'session', name: 'tab:7' });
    expect(lastActiveTabKey(2)).toMatchObject({ area: 'session', name: 'window:2:last-tab' });
    expect(panelIntentKey(3)).toMatchObject({ area: 'session', name: 'baton:intent:3' });
    expect(reminderStateKey('ws1')).toMatchObject({ area: 'local', name: 'baton:reminders:ws1' });
    expect(lastTemplateKey('m-1')).toMatchObject({ area: 'local', name: 'baton:last-template:m-1' });
    expect(selectionsForKey('h-1')).toMatchObject({ area: 'session', name: 'baton:selection:h-1' });
  });

  it('has unique names and prefixes, and no name that a family of keys would take for one of its own', () => {
    const names = keys.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    const prefixes = families.map((f) => f.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const family of families) {
      for (const name of names) expect(family.idOf(name), `${name} falls in the family ${family.prefix}…${family.suffix}`).toBeUndefined();
      for (const other of families) {
        if (other === family) continue;
        // Names this family makes, with ids of every shape Baton uses (tab and window numbers, workspace ids).
        for (const id of [7, 'ws-1', 'a:b']) expect(other.idOf(family.key(id).name), `${family.key(id).name} falls in ${other.prefix}…`).toBeUndefined();
      }
    }
  });

  it('gives each family’s id back from the names it makes', () => {
    for (const family of families) expect(family.idOf(family.key('42').name)).toBe('42');
    expect(STORAGE_KEY_FAMILIES.lastActiveTab.idOf('window:5')).toBeUndefined();
    expect(STORAGE_KEY_FAMILIES.tabState.idOf('tab:')).toBeUndefined();
  });
});

describe('typed storage helpers', () => {
  it('write, read back and remove a value in the key’s own area', async () => {
    await setItem(STORAGE_KEYS.awaitingCount, 3);
    expect(await browser.storage.session.get('baton:awaiting')).toEqual({ 'baton:awaiting': 3 });
    expect(await browser.storage.local.get('baton:awaiting')).toEqual({});
    expect(await getItem(STORAGE_KEYS.awaitingCount)).toBe(3);
    await removeItem(STORAGE_KEYS.awaitingCount);
    expect(await getItem(STORAGE_KEYS.awaitingCount)).toBeUndefined();
  });

  it('report a malformed stored value and treat it as absent, without throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await browser.storage.local.set({ 'baton:hub': { url: 'not a url', token: 'short' } });
    await browser.storage.session.set({ 'tab:3': { tabId: 'three' } });
    expect(await loadHubConnection('baton-keys-malformed')).toBeUndefined();
    expect(await getTabState(3)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]?.[0])).toContain('baton:hub');
  });

  it('fill in what an older reminder state lacks', async () => {
    await browser.storage.local.set({ 'baton:reminders:ws': { escalated: { h1: '2026-12-01T10:00:00.000Z' } } });
    expect(await getItem(reminderStateKey('ws'))).toEqual({ reminded: {}, escalated: { h1: '2026-12-01T10:00:00.000Z' } });
  });

  it('list the ids of one family only', async () => {
    await browser.storage.session.set({ 'tab:4': {}, 'tab:9': {}, 'window:4:last-tab': 4, 'baton:awaiting': 1 });
    expect((await familyIds(STORAGE_KEY_FAMILIES.tabState)).sort()).toEqual(['4', '9']);
    expect((await tabIdsWithState()).sort()).toEqual([4, 9]);
  });

  it('read a key’s new value from a change notice, in its own area only', () => {
    const changes = { 'baton:awaiting': { newValue: 2 } };
    expect(changedValue(STORAGE_KEYS.awaitingCount, changes, 'session')).toBe(2);
    expect(changedValue(STORAGE_KEYS.awaitingCount, changes, 'local')).toBeUndefined();
    expect(changedValue(STORAGE_KEYS.syncStatus, changes, 'session')).toBeUndefined();
  });
});
