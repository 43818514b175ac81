import { browser } from 'wxt/browser';
import type { PanelIntentRequest } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';

type SidePanelApi = { open(options: { windowId: number }): Promise<void> };
type SidebarActionApi = { open(): Promise<void> };

/**
 * Opens the browser's side panel (Firefox: the sidebar) of `windowId`, optionally on `intent`.
 * Call it straight from a click: the browser opens a panel only inside a user gesture, so the
 * open call comes first, before anything is awaited.
 */
export async function openSidePanel(windowId: number, intent?: PanelIntentRequest): Promise<string | undefined> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  const opening = api.sidePanel ? api.sidePanel.open({ windowId }) : api.sidebarAction ? api.sidebarAction.open() : Promise.reject(new Error('This browser has no side panel.'));
  const [opened, told] = await Promise.allSettled([opening, intent ? sendRequest<'panel/intent'>({ type: 'panel/intent', windowId, intent }) : Promise.resolve(undefined)]);
  if (opened.status === 'rejected') return opened.reason instanceof Error ? opened.reason.message : String(opened.reason);
  if (told.status === 'fulfilled' && told.value && !told.value.ok) return told.value.problem.message;
  return undefined;
}
