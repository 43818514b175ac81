// `permissions` and `scripting` as Chrome documents them, for the fake browser (which has neither).
// Every call answers a task later, as the real ones do, so concurrent callers really interleave.
import { browser, type Browser } from 'wxt/browser';

type Script = Browser.scripting.RegisteredContentScript;

const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function fakeEvent<Args extends unknown[]>() {
  const listeners: ((...args: Args) => void)[] = [];
  return { addListener: (f: (...args: Args) => void) => void listeners.push(f), trigger: (...args: Args) => listeners.forEach((f) => f(...args)) };
}

/** Host permissions: `granted` origins; grant/revoke fire onAdded/onRemoved as the browser does. */
export function stubPermissions(granted: Iterable<string> = []) {
  const origins = new Set(granted);
  const onAdded = fakeEvent<[Browser.permissions.Permissions]>();
  const onRemoved = fakeEvent<[Browser.permissions.Permissions]>();
  const permissions = {
    contains: async (p: Browser.permissions.Permissions) => (await later(), (p.origins ?? []).every((o) => origins.has(o))),
    onAdded,
    onRemoved,
  };
  Object.assign(browser as object, { permissions });
  return {
    grant(...added: string[]) {
      added.forEach((o) => origins.add(o));
      onAdded.trigger({ origins: added });
    },
    revoke(...removed: string[]) {
      removed.forEach((o) => origins.delete(o));
      onRemoved.trigger({ origins: removed });
    },
  };
}

const DEFAULTS = { allFrames: false, matchOriginAsFallback: false, persistAcrossSessions: true, runAt: 'document_idle', world: 'ISOLATED' } as const;

/**
 * chrome.scripting's registry: a call that fails changes nothing (registering an existing or repeated id,
 * a missing `matches`, a file not in the package, an id starting with "_"; unregistering or updating an
 * id that is not registered). `files` are the package's files.
 */
export function stubScripting(files: string[]) {
  const packaged = files;
  const registered = new Map<string, Script>();
  const injected: { tabId: number; files: string[] }[] = [];
  const check = (script: Script) => {
    if (script.id.startsWith('_')) throw new Error(`Content script's ID '${script.id}' must not start with '_'`);
    if (!script.matches?.length) throw new Error(`Script with ID '${script.id}' must specify 'matches'`);
    for (const file of script.js ?? []) if (!files.includes(file.replace(/^\//, ''))) throw new Error(`Could not load javascript '${file}' for script.`);
  };
  const missing = (ids: string[]) => ids.find((id) => !registered.has(id));
  const scripting = {
    async registerContentScripts(scripts: Script[]) {
      await later();
      const ids = scripts.map((s) => s.id);
      const duplicate = ids.find((id, i) => registered.has(id) || ids.indexOf(id) !== i);
      if (duplicate !== undefined) throw new Error(`Duplicate script ID '${duplicate}'`);
      scripts.forEach(check);
      for (const s of scripts) registered.set(s.id, { ...DEFAULTS, ...structuredClone(s) });
    },
    async updateContentScripts(scripts: Script[]) {
      await later();
      const absent = missing(scripts.map((s) => s.id));
      if (absent !== undefined) throw new Error(`Content script with ID '${absent}' does not exist or is not fully registered`);
      const merged = scripts.map((s) => ({ ...registered.get(s.id), ...structuredClone(s) }) as Script);
      merged.forEach(check);
      for (const s of merged) registered.set(s.id, s);
    },
    async unregisterContentScripts(filter?: { ids?: string[] }) {
      await later();
      const ids = filter?.ids ?? [...registered.keys()];
      const absent = missing(ids);
      if (absent !== undefined) throw new Error(`Nonexistent script ID '${absent}'`);
      ids.forEach((id) => registered.delete(id));
    },
    /** Injects `files` into a tab of the fake browser; `injected` records where. */
    async executeScript({ target, files }: { target: { tabId: number }; files: string[] }) {
      await later();
      await browser.tabs.get(target.tabId);
      for (const file of files) if (!packaged.includes(file.replace(/^\//, ''))) throw new Error(`Could not load file: '${file}'.`);
      injected.push({ tabId: target.tabId, files });
      return [{ frameId: 0, documentId: String(target.tabId) }];
    },
    async getRegisteredContentScripts(filter?: { ids?: string[] }) {
      await later();
      return [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => structuredClone(s));
    },
  };
  Object.assign(browser as object, { scripting });
  return { registered, injected, scripting };
}

/** A match pattern such as `https://ads.google.com/*` as a test on a URL (scheme, host, path glob). */
function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  const glob = (text: string) => new RegExp(`^${text.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  const u = new URL(url);
  const hostOk = host!.startsWith('*.') ? u.hostname === host!.slice(2) || u.hostname.endsWith(host!.slice(1)) : u.hostname === host;
  return (scheme === '*' ? /^https?:$/.test(u.protocol) : u.protocol === `${scheme}:`) && hostOk && glob(path!).test(u.pathname + u.search);
}

/** `tabs.query({ url })` as the browser answers it: the fake browser's tabs whose URL matches a pattern. */
export function stubTabQueryByUrl(): void {
  const query = browser.tabs.query.bind(browser.tabs);
  Object.assign(browser.tabs, {
    query: async (info: Browser.tabs.QueryInfo) => {
      const { url, ...rest } = info;
      const tabs = await query(rest);
      if (url === undefined) return tabs;
      const patterns = Array.isArray(url) ? url : [url];
      return tabs.filter((tab) => tab.url !== undefined && patterns.some((p) => matchesPattern(p, tab.url!)));
    },
  });
}
