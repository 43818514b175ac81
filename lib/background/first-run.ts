// What a new install opens. The first-run path (who you are, your team, your first client) lives in the
// popup and the side panel (components/first-run), where the person first looks: an install opens no
// tab for it. One exception: in an agency whose IT pre-set the hub (lib/storage/managed-settings.ts),
// Settings opens at the Team hub section, the address filled in and locked, ready to sign in: the hub's
// sign-in window needs a full page to return to, and the policy makes joining the one way on. Without a
// managed hub address, or with a hub already joined, nothing opens.
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
