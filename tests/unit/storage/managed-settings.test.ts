import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseManagedSettings, readManagedSettings, watchManagedSettings } from '../../../lib/storage/managed-settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('managed settings (IT policy)', () => {
  it('reads what the policy sets: the hub without a trailing slash, sign-in required, the domains in lower case', async () => {
    await fakeBrowser.storage.managed.set({ hubUrl: 'https://hub.agency.example/', signInRequired: true, allowedDomains: ['Agency.example', '@studio.example'] });
    expect(await readManagedSettings()).toEqual({ hubUrl: 'https://hub.agency.example', signInRequired: true, allowedDomains: ['agency.example', 'studio.example'] });
  });

  it('is nothing managed without a policy', async () => {
    expect(await readManagedSettings()).toEqual({ signInRequired: false, allowedDomains: [] });
  });

  it('is nothing managed when the browser throws for want of a policy (Firefox), never an error', async () => {
    vi.spyOn(browser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await expect(readManagedSettings()).resolves.toEqual({ signInRequired: false, allowedDomains: [] });
  });

  it('ignores each bad setting on its own and keeps the good ones: an http hub, a string for a boolean, a domain that is not one', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseManagedSettings({ hubUrl: 'http://hub.agency.example', signInRequired: 'yes', allowedDomains: ['agency.example', 'not a domain', 42] })).toEqual({
      signInRequired: false,
      allowedDomains: ['agency.example'],
    });
    expect(parseManagedSettings({ hubUrl: 'javascript:alert(1)', signInRequired: true, allowedDomains: 'agency.example' })).toEqual({ signInRequired: true, allowedDomains: [] });
    expect(parseManagedSettings('garbage')).toEqual({ signInRequired: false, allowedDomains: [] });
  });

  it('reports a change of policy (storage area "managed") and nothing else', async () => {
    const seen: unknown[] = [];
    const stop = watchManagedSettings((settings) => seen.push(settings));
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.managed.set({ hubUrl: 'https://hub.agency.example' });
    await vi.waitFor(() => expect(seen).toEqual([{ hubUrl: 'https://hub.agency.example', signInRequired: false, allowedDomains: [] }]));
    stop();
    await fakeBrowser.storage.managed.set({ signInRequired: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(1);
  });

  it('declares in its schema exactly the settings Baton reads, each with a title and a description for IT', () => {
    const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as { type: string; properties: Record<string, { type: string; title?: string; description?: string }> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual(['allowedDomains', 'hubUrl', 'signInRequired']);
    expect(schema.properties.hubUrl?.type).toBe('string');
    expect(schema.properties.signInRequired?.type).toBe('boolean');
    expect(schema.properties.allowedDomains?.type).toBe('array');
    for (const property of Object.values(schema.properties)) {
      expect(property.title).toBeTruthy();
      expect(property.description).toBeTruthy();
    }
  });
});
