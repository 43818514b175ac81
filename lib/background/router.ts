import { browser, type Browser } from 'wxt/browser';
import { failure, type Result } from '../result';
import { SERVED_HOSTNAMES } from '../sites/hosts';
import { showMatchOnBadge } from './badge';
import { CommandError } from './command-error';
import type { AnyCommand, Caller, CommandContext, Effect } from './commands/define';
import { commandOf, parseFields } from './commands/parse';
import type { MatcherCache } from './matcher';
import { openSidePanel } from './panel-intent';
import { showWhatAwaitsMe } from './prompt-push';
import { getTabState, removeTabState, tabIdsWithState, updateTabState } from './tab-states';
import type { SyncRunner } from './sync-runner';
import type { WorkspaceService } from './workspace';

type Sender = Browser.runtime.MessageSender;

export interface RouterDeps {
  runtimeId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  matcher: MatcherCache;
  workspace: WorkspaceService;
  sync?: SyncRunner;
  now?: () => Date;
}


/** Only this extension's pages, and its content scripts in the top frame of the hosts it serves. */
export function classifySender(sender: Sender, deps: Pick<RouterDeps, 'runtimeId' | 'extensionOrigin'>): Caller | null {
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

  /** What follows a command that succeeded, always in this order (a refreshed session before a re-match). */
  async function applyEffects(effects: readonly Effect[]): Promise<void> {
    if (effects.includes('refresh-session')) await deps.workspace.refresh();
    if (effects.includes('rematch')) await rematchAll();
    if (effects.includes('sync')) deps.sync?.request();
    if (effects.includes('restart-sync')) {
      deps.sync?.request(0);
      void deps.sync?.connectStream();
    }
    // The prompts are redrawn from what was just written; a tab that cannot take the push (closed,
    // not yet loaded) asks again when it loads, so a failed push loses nothing.
    if (effects.includes('prompts')) void showWhatAwaitsMe(deps.workspace).catch(() => undefined);
  }

  function contextFor(sender: Sender, opening: Promise<boolean> | null): CommandContext {
    return {
      workspace: deps.workspace,
      session: () => deps.workspace.session(),
      tab: sender.tab,
      senderUrl: sender.url,
      matcher: deps.matcher,
      sync: deps.sync,
      tabState: getTabState,
      opening,
      now: deps.now ?? (() => new Date()),
    };
  }

  async function run(definition: AnyCommand, request: object, sender: Sender): Promise<Result<unknown>> {
    // Before anything awaits: the browser opens the panel only while the user's click is current.
    const opening = definition.effects.includes('opens-panel') ? openSidePanel({ windowId: sender.tab?.windowId, tabId: sender.tab?.id }) : null;
    try {
      const data: unknown = await definition.handle(request, contextFor(sender, opening));
      await applyEffects(definition.effects);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof CommandError) return failure(error.code, error.message, error.field);
      return failure('internal', error instanceof Error ? error.message : String(error));
    }
  }

  return {
    rematchAll,
    async handle(message: unknown, sender: Sender): Promise<Result<unknown>> {
      const caller = classifySender(sender, deps);
      if (!caller) return failure('forbidden', 'Messages are accepted only from Baton itself.');
      const command = commandOf(message);
      if (!command.ok) return command;
      const { definition, fields } = command.data;
      // Who may ask is settled before anything of the message is read.
      if (!definition.from.includes(caller)) return failure('forbidden', `${definition.type} is not available ${caller === 'content-script' ? 'to web pages' : 'here'}.`);
      const parsed = parseFields(definition, fields);
      if (!parsed.ok) return parsed;
      return run(definition, parsed.data, sender);
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
