import { browser } from 'wxt/browser';
import { PROMPTS_PUSH, type PromptsPush } from '../messaging/protocol';
import { REQUIRED_HOSTS } from '../sites/hosts';
import { promptItems } from './prompts';
import type { WorkspaceService } from './workspace';

/**
 * Tells every Gmail and Asana tab what awaits me now, so their in-page prompts redraw without a
 * reload. Tabs without our content script (opened before install, discarded) just do not answer.
 */
export async function pushPrompts(workspace: WorkspaceService): Promise<void> {
  const tabs = await browser.tabs.query({ url: [...REQUIRED_HOSTS] });
  if (tabs.length === 0) return;
  const message: PromptsPush = { type: PROMPTS_PUSH, items: await promptItems(await workspace.session()) };
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
}
