import { browser } from 'wxt/browser';
import { listClients } from '../db/queries';
import { watchManagedSettings } from '../storage/managed-settings';
import { watchAdContentScripts } from './ad-content-scripts';
import { watchFirstRun } from './first-run';
import { createMatcherCache } from './matcher';
import { createRouter } from './router';
import { watchPanelTriggers } from './panel-triggers';
import { watchPendingActions } from './pending-actions';
import { showWhatAwaitsMe } from './prompt-push';
import { scheduleReminders } from './reminders';
import { createSyncRunner } from './sync-runner';
import { letToolbarOpenPopup, watchTabs } from './tab-lifecycle';
import { createWorkspaceService } from './workspace';

/** The background's parts, wired: the workspace store, the matcher over its clients, the router. */
export function createBackground(options: { runtimeId: string; extensionOrigin: string; dbName?: string }) {
  const workspace = createWorkspaceService(options.dbName);
  const matcher = createMatcherCache(async () => {
    const { db, workspace: ws } = await workspace.session();
    const clients = (await listClients(db)).values.filter((c) => !c.archived);
    return { clients, settings: { ownDomains: ws.ownDomains } };
  });
  const sync = createSyncRunner(workspace);
  const router = createRouter({ runtimeId: options.runtimeId, extensionOrigin: options.extensionOrigin, matcher, workspace, sync });
  return { workspace, matcher, router, sync };
}

const SYNC_ALARM = 'baton-sync';

/** Everything the service worker does when it starts (each time MV3 wakes it). */
export function startBackground(): void {
  const { router, sync, workspace } = createBackground({ runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') });
  // A pull every minute when the live stream is down; the stream itself reconnects on wake.
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    sync.request(0);
    void sync.connectStream();
  });
  // Both open the workspace at once, on every start (an update included): a hub connection an older
  // Baton left in storage.local moves to IndexedDB then (lib/storage/hub-connection-store).
  sync.request(0);
  void sync.connectStream();
  // IT set, changed or removed the managed hub: a round now obeys it (stops, or resumes) at once.
  watchManagedSettings(() => {
    sync.request(0);
    void sync.connectStream();
  });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void router.handle(message, sender).then(sendResponse);
    return true;
  });
  watchFirstRun(async () => Boolean((await workspace.session()).hub));
  watchTabs();
  watchPanelTriggers();
  watchAdContentScripts();
  void scheduleReminders(workspace);
  // Sends and confirmations held for undo: what fell due while the worker was stopped goes out now.
  watchPendingActions(workspace, () => {
    sync.request(0);
    void showWhatAwaitsMe(workspace).catch(() => undefined);
  });
  void letToolbarOpenPopup();
}
