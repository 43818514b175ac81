// What a tab shows and what the side panel follows: content scripts report their page; the panel
// asks for the state of the tab it follows and is told what to show next.
import { IdSchema, shortText } from '../../model/common';
import { PageContextSchema } from '../../model/page-context';
import { z } from '../../model/zod';
import { MAX_SELECTED_TEXT, type MatchSummary, type PanelIntent, type TabState } from '../../messaging/protocol';
import { detectSite } from '../../sites';
import { SITES } from '../../sites/types';
import { browser } from 'wxt/browser';
import { cleanTrimmed } from '../../text/clean-text';
import { showMatchOnBadge } from '../badge';
import { CommandError } from '../command-error';
import { newHandoffIntent, recordPanelIntent } from '../panel-intent';
import { readSelection } from '../read-selection';
import { rememberSeenAccount } from '../seen-account';
import { getTabState, lastActiveTab, rememberActiveTab, removeTabState, updateTabState } from '../tab-states';
import { CONTENT_SCRIPTS, PAGES, defineCommand, returns, type CommandContext } from './define';

const PanelIntentRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('new-handoff'),
    tabId: z.number().int().optional(),
    clientId: IdSchema.optional(),
    templateId: IdSchema.optional(),
    selectedText: shortText(MAX_SELECTED_TEXT).optional(),
    site: z.enum(SITES).optional(),
    page: PageContextSchema.optional(),
  }),
  z.object({ kind: z.literal('handoff'), handoffId: IdSchema }),
  z.object({ kind: z.literal('client'), clientId: IdSchema }),
]);

const NO_MATCH: MatchSummary = { status: 'none' };

/** The tab a content-script command came from; the router lets only content scripts send these. */
function senderTab({ tab }: Pick<CommandContext, 'tab'>, refusal: string) {
  if (tab?.id === undefined || tab.windowId === undefined) throw new CommandError(refusal, 'forbidden');
  return { ...tab, id: tab.id, windowId: tab.windowId };
}

/** Content script → background: what the page is now (null: a page Baton does not read). */
const pageContext = defineCommand({
  type: 'page/context', schema: z.object({ context: PageContextSchema.nullable() }), from: CONTENT_SCRIPTS,
  // It writes the tab's state in storage.session, never the event log.
  kind: 'read', effects: [], response: returns<{ match: MatchSummary }>(),
  async handle({ context }, ctx) {
    const tab = senderTab(ctx, 'Page reports come from tabs.');
    if (!context) {
      await removeTabState(tab.id, tab.windowId);
      await showMatchOnBadge(tab.id, null);
      return { match: NO_MATCH };
    }
    // A content script reports the site it runs on, nothing else.
    const site = detectSite(ctx.senderUrl ?? '')?.site;
    if (site !== context.site || detectSite(context.url)?.site !== site) {
      throw new CommandError(`A ${site ?? 'foreign'} page cannot report a ${context.site} context.`, 'forbidden');
    }
    // Matched inside the write queue, so a re-match of all tabs cannot interleave with it.
    const state = await updateTabState(tab.id, async () => {
      const { match, linkable } = await ctx.matcher.match(context);
      return { tabId: tab.id, windowId: tab.windowId, context, match, linkable, updatedAt: ctx.now().toISOString() } satisfies TabState;
    });
    const match = state?.match ?? NO_MATCH;
    await rememberSeenAccount(context);
    if (tab.active) await rememberActiveTab(tab.windowId, tab.id);
    await showMatchOnBadge(tab.id, match);
    return { match };
  },
});

/**
 * Panel → background: the state of the tab the panel follows in that window. `panelTabId` is set when
 * the panel page is open as a tab itself: it then follows the tab that was active before it.
 */
const panelState = defineCommand({
  type: 'panel/state', schema: z.object({ windowId: z.number().int(), panelTabId: z.number().int().optional() }), from: PAGES, kind: 'read', effects: [], response: returns<TabState | null>(),
  async handle({ windowId, panelTabId }) {
    const tabId = await followedTab(windowId, panelTabId);
    return tabId !== undefined ? getTabState(tabId) : null;
  },
});

/** The tab a panel follows: the window's active tab, or the one before it when the panel is that tab. */
async function followedTab(windowId: number, panelTabId: number | undefined): Promise<number | undefined> {
  const [active] = await browser.tabs.query({ active: true, windowId });
  if (active?.id === undefined) return undefined;
  return active.id !== panelTabId ? active.id : lastActiveTab(windowId);
}

/**
 * Panel → background: how much text is selected in the page the panel follows (a page Baton serves), and the
 * text itself only when asked: the panel asks for it when the person chose "Add page selection" (ARCHITECTURE §5).
 */
const pageSelection = defineCommand({
  type: 'page/selection', schema: z.object({ windowId: z.number().int(), panelTabId: z.number().int().optional(), include: z.boolean() }), from: PAGES, kind: 'read', effects: [], response: returns<{ chars: number; text?: string }>(),
  async handle({ windowId, panelTabId, include }) {
    const tabId = await followedTab(windowId, panelTabId);
    if (tabId === undefined || !(await getTabState(tabId))) return { chars: 0 };
    const text = cleanTrimmed(await readSelection(tabId), MAX_SELECTED_TEXT);
    return include && text ? { chars: text.length, text } : { chars: text.length };
  },
});

/** Extension page → background: show something in the side panel of a window (the panel's intent key). */
const panelIntent = defineCommand({
  type: 'panel/intent', schema: z.object({ windowId: z.number().int(), intent: PanelIntentRequestSchema }), from: PAGES, kind: 'read', effects: [], response: returns<PanelIntent>(),
  handle: async ({ windowId, intent }) => recordPanelIntent(windowId, intent),
});

/** Content script → background, on a click in the page: open the side panel on a new handoff from this tab. */
const captureStart = defineCommand({
  type: 'capture/start', schema: z.object({ selectedText: z.string().max(MAX_SELECTED_TEXT).optional() }),
  // Only a tab can start a capture: the new handoff is prefilled from it.
  from: CONTENT_SCRIPTS, kind: 'read', effects: ['opens-panel'], response: returns<{ opened: boolean }>(),
  async handle({ selectedText }, ctx) {
    const tab = senderTab(ctx, 'A capture starts from a tab.');
    await recordPanelIntent(tab.windowId, await newHandoffIntent(tab.id, selectedText));
    return { opened: await (ctx.opening ?? Promise.resolve(false)) };
  },
});

export const pageCommands = [pageContext, panelState, panelIntent, captureStart, pageSelection] as const;
