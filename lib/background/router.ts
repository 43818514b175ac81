import { browser, type Browser } from 'wxt/browser';
import type { ErrorCode, HubStatus, Reply, Request, RequestType, TabState } from '../messaging/protocol';
import { parseRequest } from '../messaging/schemas';
import { detectSite } from '../sites';
import { SERVED_HOSTNAMES } from '../sites/hosts';
import type { ImportResult } from './backup';
import { showMatchOnBadge } from './badge';
import { CommandError, runCommand } from './commands';
import type { MatcherCache } from './matcher';
import { newHandoffIntent, openSidePanel, recordPanelIntent } from './panel-intent';
import { showWhatAwaitsMe } from './prompt-push';
import { promptItems, snoozePrompt } from './prompts';
import { getTabState, lastActiveTab, rememberActiveTab, removeTabState, tabIdsWithState, updateTabState } from './tab-states';
import { STORAGE_KEYS } from '../storage/keys';
import { getItem } from '../storage/store';
import type { SyncRunner } from './sync-runner';
import type { WorkspaceService } from './workspace';

type Sender = Browser.runtime.MessageSender;
type SenderKind = 'extension-page' | 'content-script';

export interface RouterDeps {
  runtimeId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  matcher: MatcherCache;
  workspace: WorkspaceService;
  sync?: SyncRunner;
}

const fail = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/** Only this extension's pages, and its content scripts in the top frame of the hosts it serves. */
export function classifySender(sender: Sender, deps: Pick<RouterDeps, 'runtimeId' | 'extensionOrigin'>): SenderKind | null {
  if (sender.id !== deps.runtimeId || !sender.url) return null;
  if (sender.url.startsWith(deps.extensionOrigin)) return 'extension-page';
  if (sender.tab?.id === undefined || (sender.frameId ?? 0) !== 0) return null;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'https:' && SERVED_HOSTNAMES.has(url.hostname) ? 'content-script' : null;
  } catch {
    return null;
  }
}

// What a content script may ask; everything else is for the extension's own pages.
const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set(['page/context', 'capture/start', 'prompts/get', 'prompt/open', 'prompt/snooze']);
// Only a tab can start a capture: the new handoff is prefilled from it.
const TAB_ONLY_REQUESTS: ReadonlySet<RequestType> = new Set(['capture/start']);
const OPENS_PANEL: ReadonlySet<RequestType> = new Set(['capture/start', 'prompt/open']);
const UI_REQUESTS = ['panel/intent', 'capture/start', 'prompt/open', 'prompts/get', 'prompt/snooze'] as const;
type UiRequestType = (typeof UI_REQUESTS)[number];

function allowedFrom(kind: SenderKind, type: RequestType): boolean {
  return kind === 'content-script' ? CONTENT_SCRIPT_REQUESTS.has(type) : !TAB_ONLY_REQUESTS.has(type);
}

function isUiRequest(request: Request): request is Request<UiRequestType> {
  return (UI_REQUESTS as readonly string[]).includes(request.type);
}

export function createRouter(deps: RouterDeps) {
  /** Re-matches every known tab, after the client directory or the settings changed. */
  async function rematchAll(): Promise<void> {
    deps.matcher.invalidate();
    for (const tabId of await tabIdsWithState()) {
      const open = await browser.tabs.get(tabId).then(
        () => true,
        () => false,
      );
      if (!open) {
        await removeTabState(tabId);
        continue;
      }
      const next = await updateTabState(tabId, async (state) => state && { ...state, ...(await deps.matcher.match(state.context)) });
      if (next) await showMatchOnBadge(tabId, next.match);
    }
  }

  async function recordPage(request: Request<'page/context'>, sender: Sender): Promise<Reply<unknown>> {
    const tab = sender.tab;
    if (tab?.id === undefined) return fail('forbidden', 'Page reports come from tabs.');
    const { context } = request;
    if (!context) {
      await removeTabState(tab.id, tab.windowId);
      await showMatchOnBadge(tab.id, null);
      return { ok: true, data: { match: { status: 'none' } } };
    }
    // A content script reports the site it runs on, nothing else.
    const site = detectSite(sender.url ?? '')?.site;
    if (site !== context.site || detectSite(context.url)?.site !== site) {
      return fail('forbidden', `A ${site ?? 'foreign'} page cannot report a ${context.site} context.`);
    }
    // Matched inside the write queue, so a re-match of all tabs cannot interleave with it.
    const tabId = tab.id;
    const state = (await updateTabState(tabId, async () => {
      const { match, linkable } = await deps.matcher.match(context);
      return { tabId, windowId: tab.windowId, context, match, linkable, updatedAt: new Date().toISOString() } satisfies TabState;
    }))!;
    const { match } = state;
    if (tab.active && tab.windowId !== undefined) await rememberActiveTab(tab.windowId, tab.id);
    await showMatchOnBadge(tab.id, match);
    return { ok: true, data: { match } };
  }

  async function panelState(windowId: number, panelTabId: number | undefined): Promise<TabState | null> {
    const [active] = await browser.tabs.query({ active: true, windowId });
    if (active?.id === undefined) return null;
    // The panel open as a tab is itself the active tab: it follows the page that was active before.
    if (active.id !== panelTabId) return getTabState(active.id);
    const last = await lastActiveTab(windowId);
    return last !== undefined ? getTabState(last) : null;
  }

  // Commands that change what pages match: every open tab is matched again after them.
  const REMATCH_AFTER = new Set(['clients/save', 'clients/archive', 'client/link', 'settings/save', 'clients/import', 'data/import', 'demo/load']);
  // Commands that change the workspace record or who I am: the session reads them again.
  const REFRESH_AFTER = new Set(['settings/save', 'reminders/save', 'cost/save', 'me/update']);

  async function hubStatus(): Promise<HubStatus> {
    const session = await deps.workspace.session();
    const status = (await getItem(STORAGE_KEYS.syncStatus)) ?? { pending: 0, live: false };
    return { ...status, pending: await session.db.count('outbox'), connected: Boolean(session.hub), url: session.hub?.url, me: session.me };
  }

  // Reads: everything else changes the workspace and is followed by a round of sync.
  const READS = new Set([
    'clients/list', 'client/view', 'members/list', 'me/get', 'handoff/get', 'handoffs/awaiting-me', 'handoffs/sent-by-me', 'settings/get',
    'templates/list', 'data/export', 'reminders/get', 'cost/get', 'metrics/refresh',
  ]);

  async function route(request: Request): Promise<Reply<unknown>> {
    if (request.type === 'panel/state') return { ok: true, data: await panelState(request.windowId, request.panelTabId) };
    if (request.type === 'hub/status') return { ok: true, data: await hubStatus() };
    if (request.type === 'hub/connect' || request.type === 'hub/disconnect') {
      try {
        if (request.type === 'hub/connect') await deps.workspace.connect(request.url, request.code);
        else {
          deps.sync?.disconnect();
          await deps.workspace.disconnect();
        }
      } catch (error) {
        throw new CommandError(error instanceof Error ? error.message : String(error));
      }
      await rematchAll();
      deps.sync?.request(0);
      void deps.sync?.connectStream();
      return { ok: true, data: await hubStatus() };
    }
    const session = await deps.workspace.session();
    let data = await runCommand(session, request, { tabState: getTabState });
    if (request.type === 'data/import' && (data as ImportResult).replaced) deps.workspace.reopen();
    else if (REFRESH_AFTER.has(request.type)) await deps.workspace.refresh();
    if (request.type === 'data/import' || request.type === 'demo/load') {
      const { added, skipped } = data as ImportResult;
      data = { added, skipped };
    }
    if (REMATCH_AFTER.has(request.type)) await rematchAll();
    if (!READS.has(request.type)) {
      deps.sync?.request();
      // Any change may add or settle a handoff awaiting me: the in-page prompts follow.
      void showWhatAwaitsMe(deps.workspace).catch(() => undefined);
    }
    return { ok: true, data };
  }

  /** Requests about the side panel and the in-page prompt: they depend on who asks, from which tab. */
  async function routeUi(request: Request<UiRequestType>, sender: Sender, opening: Promise<boolean> | null): Promise<Reply<unknown>> {
    const tab = sender.tab;
    switch (request.type) {
      case 'panel/intent':
        return { ok: true, data: await recordPanelIntent(request.windowId, request.intent) };
      case 'capture/start': {
        if (tab?.id === undefined || tab.windowId === undefined) return fail('forbidden', 'A capture starts from a tab.');
        await recordPanelIntent(tab.windowId, await newHandoffIntent(tab.id, request.selectedText));
        return { ok: true, data: { opened: await (opening ?? Promise.resolve(false)) } };
      }
      case 'prompt/open': {
        if (tab?.windowId !== undefined) await recordPanelIntent(tab.windowId, { kind: 'handoff', handoffId: request.handoffId });
        return { ok: true, data: { opened: await (opening ?? Promise.resolve(false)) } };
      }
      case 'prompts/get':
        return { ok: true, data: await promptItems(await deps.workspace.session()) };
      case 'prompt/snooze':
        await snoozePrompt(request.handoffId, request.minutes);
        void showWhatAwaitsMe(deps.workspace).catch(() => undefined);
        return { ok: true, data: await promptItems(await deps.workspace.session()) };
    }
  }

  return {
    rematchAll,
    async handle(message: unknown, sender: Sender): Promise<Reply<unknown>> {
      const kind = classifySender(sender, deps);
      if (!kind) return fail('forbidden', 'Messages are accepted only from Baton itself.');
      const parsed = parseRequest(message);
      if (!parsed.ok) return fail('bad-request', parsed.message);
      const { request } = parsed;
      if (!allowedFrom(kind, request.type)) return fail('forbidden', `${request.type} is not available ${kind === 'content-script' ? 'to web pages' : 'here'}.`);
      // Before anything awaits: the browser opens the panel only while the user's click is current.
      const opening = OPENS_PANEL.has(request.type) ? openSidePanel({ windowId: sender.tab?.windowId, tabId: sender.tab?.id }) : null;
      try {
        if (request.type === 'page/context') return await recordPage(request, sender);
        if (isUiRequest(request)) return await routeUi(request, sender, opening);
        return await route(request);
      } catch (error) {
        if (error instanceof CommandError) return fail(error.code, error.message);
        return fail('internal', error instanceof Error ? error.message : String(error));
      }
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
