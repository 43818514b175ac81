// A new install in an agency whose IT pre-set the hub (lib/storage/managed-settings.ts): the first thing
// a person sees is Settings at the Team hub section, the address filled in and locked, ready to join.
// Without a managed hub address, or with a hub already joined, nothing opens.
import { browser } from 'wxt/browser';
import { readManagedSettings } from '../storage/managed-settings';

/** The Team hub section's anchor on the settings page (components/options/options-page.tsx). */
export const TEAM_HUB_ANCHOR = 'hub';

/** Opens Settings at the Team hub when IT set a hub and this browser has none; whether it did. */
export async function openTeamHubForManagedHub(hasHub: () => Promise<boolean>): Promise<boolean> {
  const { hubUrl } = await readManagedSettings();
  if (!hubUrl || (await hasHub())) return false;
  await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#${TEAM_HUB_ANCHOR}` });
  return true;
}

/** Registered as the worker starts (an install event is delivered only to listeners added then). */
export function watchFirstRun(hasHub: () => Promise<boolean>): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openTeamHubForManagedHub(hasHub);
  });
}
