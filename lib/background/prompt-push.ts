import { browser } from 'wxt/browser';
import { PROMPTS_PUSH, type PromptsPush } from '../messaging/protocol';
import { REQUIRED_HOSTS } from '../sites/hosts';
import { awaitingConfirmation } from '../db/queries';
import { showAwaitingCount } from './badge';
import { promptItems } from './prompts';
import type { WorkspaceService } from './workspace';

/**
 * Shows what awaits me now: the toolbar badge counts it, and every Gmail and Asana tab's in-page prompt
 * redraws without a reload. Tabs without our content script (opened before install, discarded) just do
 * not answer.
 */
export async function showWhatAwaitsMe(workspace: WorkspaceService): Promise<void> {
  const session = await workspace.session();
  await showAwaitingCount((await awaitingConfirmation(session.db, session.me.id)).values.length);
  const tabs = await browser.tabs.query({ url: [...REQUIRED_HOSTS] });
  if (tabs.length === 0) return;
  const message: PromptsPush = { type: PROMPTS_PUSH, items: await promptItems(session) };
  // A tab without Baton's script yet (still loading, or open before install) asks for the prompts
  // itself when the script starts: a refused push loses nothing.
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
}
