import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AD_CONTENT_SCRIPT_FILE, adContentScriptId, watchAdContentScripts } from '../../../lib/background/ad-content-scripts';
import { AD_PLATFORM_HOSTS, AD_PLATFORMS, OPTIONAL_HOSTS } from '../../../lib/sites/hosts';
import { stubPermissions, stubScripting, stubTabQueryByUrl } from '../helpers/fake-scripting';

const GOOGLE_ADS = AD_PLATFORM_HOSTS['google-ads'];
const [ADS_MANAGER, BUSINESS_SUITE] = AD_PLATFORM_HOSTS['meta-ads'];

let registry: ReturnType<typeof stubScripting>['registered'];
let injected: ReturnType<typeof stubScripting>['injected'];
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  ({ registered: registry, injected } = stubScripting([AD_CONTENT_SCRIPT_FILE, 'content-scripts/gmail.js']));
  stubTabQueryByUrl();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

/** What is registered: platform id → the hosts its reader runs on. */
const registeredHosts = () => Object.fromEntries([...registry.values()].map((s) => [s.id, [...(s.matches ?? [])].sort()]));

describe('the ad-platform reader runs only where the user granted the platform', () => {
  it('a fresh install (only Gmail and Asana granted) registers nothing', async () => {
    stubPermissions(['https://mail.google.com/*', 'https://app.asana.com/*']);
    await watchAdContentScripts()();
    expect(registeredHosts()).toEqual({});
    expect(warn).not.toHaveBeenCalled();
  });

  it('registers each granted platform for its own hosts, with the built file, after the page is idle', async () => {
    stubPermissions([...GOOGLE_ADS, ADS_MANAGER, BUSINESS_SUITE]);
    await watchAdContentScripts()();
    expect(registeredHosts()).toEqual({
      [adContentScriptId('google-ads')]: [...GOOGLE_ADS],
      [adContentScriptId('meta-ads')]: [ADS_MANAGER, BUSINESS_SUITE].sort(),
    });
    expect(registry.get(adContentScriptId('google-ads'))).toMatchObject({ js: [AD_CONTENT_SCRIPT_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true });
  });

  it('a platform granted on one of its hosts only is read on that host only', async () => {
    stubPermissions([BUSINESS_SUITE]);
    await watchAdContentScripts()();
    expect(registeredHosts()).toEqual({ [adContentScriptId('meta-ads')]: [BUSINESS_SUITE] });
  });

  it('the test build, where every ad host is required, registers all of them at start-up', async () => {
    stubPermissions(OPTIONAL_HOSTS);
    await watchAdContentScripts()();
    expect(Object.keys(registeredHosts()).sort()).toEqual(AD_PLATFORMS.map(adContentScriptId).sort());
  });
});

describe('the registrations follow the grants', () => {
  it('a platform turned on is read at once in the tabs already open on it, and only there', async () => {
    const permissions = stubPermissions([]);
    const tiktok = await fakeBrowser.tabs.create({ url: 'https://ads.tiktok.com/i18n/dashboard?aadvid=7012345678901234567' });
    const googleAds = await fakeBrowser.tabs.create({ url: 'https://ads.google.com/aw/overview?ocid=7879395008' });
    await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/#inbox' });
    const sync = watchAdContentScripts();
    await sync();
    expect(injected).toEqual([]);
    permissions.grant('https://ads.tiktok.com/*');
    await vi.waitFor(() => expect(injected).toEqual([{ tabId: tiktok.id, files: [`/${AD_CONTENT_SCRIPT_FILE}`] }]));
    // Nothing changed since: a later run injects nothing again.
    await sync();
    expect(injected).toHaveLength(1);
    expect(injected.map((i) => i.tabId)).not.toContain(googleAds.id);
  });


  it('turning a platform on registers it; turning it off unregisters it and leaves the others', async () => {
    const permissions = stubPermissions([...GOOGLE_ADS]);
    const sync = watchAdContentScripts();
    await sync();
    permissions.grant('https://ads.tiktok.com/*');
    await vi.waitFor(() => expect(registeredHosts()).toHaveProperty(adContentScriptId('tiktok-ads'), ['https://ads.tiktok.com/*']));
    permissions.revoke(...GOOGLE_ADS);
    await vi.waitFor(() => expect(registeredHosts()).toEqual({ [adContentScriptId('tiktok-ads')]: ['https://ads.tiktok.com/*'] }));
    expect(warn).not.toHaveBeenCalled();
  });

  it('start-up and a grant arriving together register once, without a duplicate-id error', async () => {
    const permissions = stubPermissions([]);
    const sync = watchAdContentScripts();
    // The grant lands while the start-up run is still reading the permissions.
    permissions.grant(...GOOGLE_ADS);
    permissions.grant(ADS_MANAGER, BUSINESS_SUITE);
    await sync();
    expect(Object.keys(registeredHosts()).sort()).toEqual([adContentScriptId('google-ads'), adContentScriptId('meta-ads')]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('a restart finds its registrations in place (they persist) and changes nothing', async () => {
    stubPermissions([...GOOGLE_ADS]);
    await watchAdContentScripts()();
    const before = structuredClone([...registry.values()]);
    const plan = await watchAdContentScripts()();
    expect(plan).toEqual({ unregister: [], update: [], register: [] });
    expect([...registry.values()]).toEqual(before);
  });

  it('after an update, an outdated registration is corrected and a retired one removed; other scripts stay', async () => {
    stubPermissions([...GOOGLE_ADS]);
    registry.set(adContentScriptId('google-ads'), { id: adContentScriptId('google-ads'), js: ['/content-scripts/ads.js'], matches: ['https://adwords.google.com/*'] });
    registry.set('baton-ads-retired-platform', { id: 'baton-ads-retired-platform', js: [AD_CONTENT_SCRIPT_FILE], matches: ['https://ads.example.com/*'] });
    registry.set('someone-else', { id: 'someone-else', js: ['content-scripts/gmail.js'], matches: ['https://mail.google.com/*'] });
    await watchAdContentScripts()();
    expect(registeredHosts()).toEqual({ [adContentScriptId('google-ads')]: [...GOOGLE_ADS], 'someone-else': ['https://mail.google.com/*'] });
  });

  it('a registration the browser refuses is reported, and the next grant tries again', async () => {
    const permissions = stubPermissions([...GOOGLE_ADS]);
    registry.clear();
    const { registered } = stubScripting([]); // the file is missing from this package
    const sync = watchAdContentScripts();
    expect(await sync()).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not register'), expect.objectContaining({ message: expect.stringContaining('Could not load javascript') }));
    expect(registered.size).toBe(0);

    registry = stubScripting([AD_CONTENT_SCRIPT_FILE]).registered;
    permissions.grant('https://ads.tiktok.com/*');
    await vi.waitFor(() => expect(Object.keys(registeredHosts()).sort()).toEqual([adContentScriptId('google-ads'), adContentScriptId('tiktok-ads')]));
  });
});
