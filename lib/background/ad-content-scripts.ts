import { browser, type Browser } from 'wxt/browser';
import { serial } from '../db/serial';
import { AD_PLATFORM_HOSTS, AD_PLATFORMS, type AdPlatform } from '../sites/hosts';

// The ad-platform reader (entrypoints/ads.content, `registration: 'runtime'`) is not in the manifest:
// a static `content_scripts` entry would grant every ad host at install. It is registered here, per
// platform, for the hosts the user granted, and kept in step with the grants.

type Script = Browser.scripting.RegisteredContentScript;

/** Where WXT writes entrypoints/ads.content; the production-install e2e test checks the file is there. */
export const AD_CONTENT_SCRIPT_FILE = 'content-scripts/ads.js';
/** The same file as the extension's public path (what `scripting.executeScript` takes). */
const AD_CONTENT_SCRIPT_PATH = `/${AD_CONTENT_SCRIPT_FILE}` as const;

const ID_PREFIX = 'baton-ads-';
export const adContentScriptId = (platform: AdPlatform) => `${ID_PREFIX}${platform}`;

/** What a platform's registration should be: its granted hosts only, or nothing when none is granted. */
async function wantedScript(platform: AdPlatform): Promise<Script | null> {
  const hosts: readonly string[] = AD_PLATFORM_HOSTS[platform];
  const granted = await Promise.all(hosts.map((origin) => browser.permissions.contains({ origins: [origin] })));
  const matches = hosts.filter((_, i) => granted[i]);
  if (matches.length === 0) return null;
  // persistAcrossSessions (Chrome, Firefox 105+) keeps it registered before the worker wakes at start-up.
  return { id: adContentScriptId(platform), js: [AD_CONTENT_SCRIPT_FILE], matches, runAt: 'document_idle', allFrames: false, persistAcrossSessions: true };
}

// Browsers may report paths with or without the leading slash, and patterns in any order.
const normalJs = (script: Script) => (script.js ?? []).map((file) => file.replace(/^\//, '')).join('\n');
const sameScript = (a: Script, b: Script) =>
  normalJs(a) === normalJs(b) && [...(a.matches ?? [])].sort().join('\n') === [...(b.matches ?? [])].sort().join('\n') && (a.runAt ?? 'document_idle') === (b.runAt ?? 'document_idle');

export interface AdScriptPlan {
  unregister: string[];
  update: Script[];
  register: Script[];
}

/** The changes that turn what is registered into what is wanted; Baton's own ids only. */
export function planAdScripts(wanted: Script[], registered: Script[]): AdScriptPlan {
  const ours = registered.filter((script) => script.id.startsWith(ID_PREFIX));
  const registeredById = new Map(ours.map((script) => [script.id, script]));
  const wantedIds = new Set(wanted.map((script) => script.id));
  return {
    unregister: ours.filter((script) => !wantedIds.has(script.id)).map((script) => script.id),
    update: wanted.filter((script) => {
      const current = registeredById.get(script.id);
      return current !== undefined && !sameScript(current, script);
    }),
    register: wanted.filter((script) => !registeredById.has(script.id)),
  };
}

/**
 * A registration applies to pages loaded after it: the tabs already open on a platform just turned on
 * (or on the test build's hosts while the worker was starting) get the reader now, so the panel knows
 * them without a reload. A second copy in a tab is harmless: WXT's content-script context stops the
 * older one when a newer one starts.
 */
async function readOpenTabs(scripts: readonly Script[]): Promise<void> {
  for (const script of scripts) {
    const tabs = await browser.tabs.query({ url: script.matches ?? [] });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      // A tab that cannot take it (closing, discarded, an error page) reads its page when it next loads.
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [AD_CONTENT_SCRIPT_PATH] }).catch(() => undefined);
    }
  }
}

/** Brings the registrations in line with the granted hosts; what it changed. */
async function syncAdContentScripts(): Promise<AdScriptPlan> {
  const wanted = (await Promise.all(AD_PLATFORMS.map(wantedScript))).filter((script): script is Script => script !== null);
  const plan = planAdScripts(wanted, await browser.scripting.getRegisteredContentScripts());
  if (plan.unregister.length > 0) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.update.length > 0) await browser.scripting.updateContentScripts(plan.update);
  if (plan.register.length > 0) await browser.scripting.registerContentScripts(plan.register);
  await readOpenTabs([...plan.update, ...plan.register]);
  return plan;
}

/**
 * Registers the ad-platform reader where granted now, and again whenever a grant is added or removed.
 * Runs are queued one after another: start-up and a grant can arrive together, and two runs that both
 * read "not registered" would both register (a duplicate id is an error).
 */
export function watchAdContentScripts(): () => Promise<AdScriptPlan | null> {
  const queue = serial();
  const sync = () =>
    queue(syncAdContentScripts).catch((error: unknown) => {
      console.warn('Baton: could not register the ad-platform reader', error);
      return null;
    });
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  void sync();
  return sync;
}
