import { MAX_SELECTED_TEXT, type PanelIntent, type PanelIntentRequest } from '../messaging/protocol';
import { cleanTrimmed } from '../text/clean-text';
import { panelIntentKey } from '../storage/keys';
import { setItem } from '../storage/store';
import { getTabState } from './tab-states';

/** Tells the side panel of a window what to show next; the panel reads the key and removes it. */
export async function recordPanelIntent(windowId: number, intent: PanelIntentRequest, now = new Date()): Promise<PanelIntent> {
  const stored: PanelIntent = { ...intent, at: now.toISOString() };
  await setItem(panelIntentKey(windowId), stored);
  return stored;
}

/**
 * A new handoff from a tab, with everything known already: the client the tab matched (so the panel
 * goes straight to the templates) and the selected text, if any.
 */
export async function newHandoffIntent(tabId: number | undefined, selectedText?: string): Promise<PanelIntentRequest> {
  const tab = tabId !== undefined ? await getTabState(tabId) : null;
  const match = tab?.match;
  const selection = selectedText ? cleanTrimmed(selectedText, MAX_SELECTED_TEXT) : undefined;
  return {
    kind: 'new-handoff',
    ...(tabId !== undefined ? { tabId } : {}),
    ...(match?.status === 'matched' ? { clientId: match.client.id } : {}),
    ...(tab ? { site: tab.context.site, page: tab.context } : {}),
    ...(selection ? { selectedText: selection } : {}),
  };
}

interface SidePanelApi {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

/**
 * Opens the side panel (Chrome, Edge) or the sidebar (Firefox). Must be called before the handler
 * awaits anything: the browser accepts it only while the user's gesture is still current. Chrome 116+
 * carries a click in a content script through runtime.sendMessage; Firefox does not (its sidebar then
 * stays closed, and the intent waits for the user to open it). Never throws: false when refused.
 */
export function openSidePanel(target: { windowId?: number; tabId?: number }): Promise<boolean> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  try {
    // One panel per window follows the active tab: open it for the window, not for one tab.
    if (api.sidePanel && (target.windowId !== undefined || target.tabId !== undefined)) {
      const options = target.windowId !== undefined ? { windowId: target.windowId } : { tabId: target.tabId };
      return api.sidePanel.open(options).then(
        () => true,
        () => false,
      );
    }
    if (api.sidebarAction?.open) {
      return api.sidebarAction.open().then(
        () => true,
        () => false,
      );
    }
  } catch {
    // A synchronous refusal (an older browser): the intent still waits for the panel.
  }
  return Promise.resolve(false);
}
