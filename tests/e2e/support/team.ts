// Two people on one team: a local hub (PGlite in memory) and a browser profile per person, each
// joined from its settings page the way a person does it.
import type { Page } from '@playwright/test';
import { openPglite } from '../../../server/db';
import { startHub, type Hub } from '../../../server/server';
import { salesToAm } from '../../../lib/templates/sales-to-am.ts';
import { launchBaton, type Baton } from './baton.ts';
import { addClients, expect, openSidePanel, openSite } from './test.ts';

export interface Person {
  name: string;
  email: string;
  role: 'admin' | 'member';
}

/** The agency's two people the two-browser specs hand off between. */
export const JANE: Person = { name: 'Jane Doe', email: 'jane.doe@brightlane.agency', role: 'admin' };
export const TOM: Person = { name: 'Tom Reyes', email: 'tom.reyes@brightlane.agency', role: 'member' };
/** The client they hand over: its Gmail thread fixture is from northwindoutfitters.com. */
export const NORTHWIND = 'Northwind Outfitters';

/**
 * Jane (the test's own browser) and Tom (a browser of his own) joined to one new hub, Northwind added on
 * Jane's side; runs `body` with Tom's browser, then closes it and the hub whatever happened.
 */
export async function withJaneAndTom(jane: Baton, body: (tom: Baton) => Promise<void>): Promise<void> {
  const { hub, invites } = await startTeamHub('Brightlane', [JANE, TOM]);
  let tom: Baton | undefined;
  try {
    tom = await launchBaton();
    await joinHub(jane, hub.url, invites[0]!, JANE);
    await joinHub(tom, hub.url, invites[1]!, TOM);
    await addClients(jane, [[NORTHWIND, 'email-domain:northwindoutfitters.com']]);
    await body(tom);
  } finally {
    await tom?.close();
    await hub.close();
  }
}

export async function startTeamHub(agency: string, people: Person[]): Promise<{ hub: Hub; invites: string[] }> {
  const hub = await startHub(await openPglite(), { port: 0 });
  const workspaceId = await hub.store.createWorkspace(agency);
  const invites: string[] = [];
  for (const person of people) invites.push(await hub.store.createInvite(workspaceId, person));
  return { hub, invites };
}

/** Settings → Team hub → address and invite code → Connect; waits until connected as `person`. */
export async function joinHub(baton: Baton, url: string, code: string, person: Person): Promise<void> {
  const options = await baton.openExtensionPage('options.html');
  await options.getByRole('textbox', { name: 'Hub address' }).fill(url);
  await options.getByRole('textbox', { name: 'Invite code' }).fill(code);
  await options.getByRole('button', { name: 'Connect' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(`as ${person.name} (${person.email})`, { timeout: 20_000 });
  await options.close();
}

/** Settings → Team hub → Invite link → Connect, with the whole link as a person pastes it; waits until connected as `person`. */
export async function joinHubWithLink(baton: Baton, link: string, person: Pick<Person, 'name' | 'email'>): Promise<void> {
  const options = await baton.openExtensionPage('options.html');
  await options.getByRole('textbox', { name: 'Invite link' }).fill(link);
  await options.getByRole('button', { name: 'Connect' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(`as ${person.name} (${person.email})`, { timeout: 20_000 });
  await options.close();
}

/**
 * An admin's Settings → Team → "Invite a colleague": resolves with the invite link shown for `person`
 * (the page stays open on `settings` when given, for the pending list).
 */
export async function inviteFromSettings(admin: Baton, person: Person, settings?: Page): Promise<string> {
  const page = settings ?? (await admin.openExtensionPage('options.html'));
  const invite = page.getByRole('form', { name: 'Invite a colleague' });
  await invite.getByRole('textbox', { name: 'Name' }).fill(person.name);
  await invite.getByRole('textbox', { name: 'Email' }).fill(person.email);
  await invite.getByRole('combobox', { name: 'Role' }).selectOption({ label: person.role === 'admin' ? 'Admin' : 'Member' });
  await invite.getByRole('button', { name: 'Create invite' }).click();
  const link = page.getByRole('textbox', { name: `Invite link for ${person.name}` });
  await expect(link).toHaveValue(/\/join#bi_/);
  const value = await link.inputValue();
  if (!settings) await page.close();
  return value;
}

/**
 * Settings → Team hub → "Sign in with <provider>", logging in as `login` in the provider's window that
 * opens (oidc-provider's development form). Resolves with the addresses that window was sent to.
 */
export async function signInWithProvider(baton: Baton, options: Page, provider: string, login: string): Promise<string[]> {
  const opened = baton.context.waitForEvent('page');
  await options.getByRole('button', { name: `Sign in with ${provider}` }).click();
  const window = await opened;
  const asked: string[] = [];
  window.on('request', (request) => void asked.push(request.url()));
  await window.getByPlaceholder('Enter any login').fill(login);
  await window.getByPlaceholder('and password').fill('correct horse');
  await window.getByRole('button', { name: 'Sign-in' }).click();
  return asked;
}

/** Fills the sales → AM handoff's required fields as an account director would. */
export async function fillSalesToAm(panel: Page): Promise<void> {
  await panel.getByLabel('Primary goals', { exact: true }).fill('Grow online sales 20% by Q4\nLaunch in Canada');
  await panel.getByLabel('Key objections', { exact: true }).fill('Burned by the last agency on reporting');
  await panel.getByLabel('Agreed deliverables', { exact: true }).fill('Meta + TikTok paid social\nMonthly report');
  await panel.getByLabel('Timeline expectations', { exact: true }).fill('Campaigns live by 1 September');
  const commitments = panel.getByLabel('Commitments made', { exact: true });
  await commitments.getByRole('button', { name: 'Add target' }).click();
  await commitments.getByRole('textbox', { name: 'Metric' }).fill('ROAS');
  await commitments.getByRole('textbox', { name: 'Target' }).fill('3.5');
  await commitments.getByRole('combobox', { name: 'Validated against the client’s data?' }).selectOption({ label: 'Yes, validated' });
  await commitments.getByRole('textbox', { name: 'Evidence' }).fill('Checked against 12 months of Shopify margins');
  const required = salesToAm.fields.filter((f) => f.required).length;
  await expect(panel.getByRole('progressbar', { name: 'Completeness' })).toHaveAttribute('aria-valuenow', String(required));
}

/**
 * On the client's Gmail thread, the sender starts a sales → AM handoff from the side panel, fills it and
 * sends it to `receiver`; resolves with the handoff's title once the panel says it is sent.
 */
export async function sendSalesToAm(sender: Baton, receiver: Person): Promise<string> {
  const { panel, title } = await sendSalesToAmFromPanel(sender, receiver);
  await panel.close();
  return title;
}

/** As sendSalesToAm, the sender's panel left open on the sent handoff. */
export async function sendSalesToAmFromPanel(sender: Baton, receiver: Person): Promise<{ panel: Page; title: string }> {
  await openSite(sender, 'gmail-thread');
  const panel = await openSidePanel(sender);
  // The thread suggests the sales → AM handoff: it starts at once.
  await panel.getByRole('button', { name: 'Start handoff' }).click();
  await fillSalesToAm(panel);
  await panel.getByRole('combobox', { name: 'Receiver' }).selectOption({ label: `${receiver.name} (${receiver.email})` });
  const title = await panel.getByRole('textbox', { name: 'Title' }).inputValue();
  await panel.getByRole('button', { name: 'Send handoff' }).click();
  await expect(panel.getByText('State: Sent')).toBeVisible();
  // The send waits a few seconds for an Undo (issue 14): it goes out now.
  await panel.getByRole('region', { name: 'Undo' }).getByRole('button', { name: 'Send now' }).click();
  await expect(panel.getByRole('region', { name: 'Undo' })).toHaveCount(0);
  return { panel, title };
}

/**
 * The receiver, on the client's Gmail thread (`thread`, or a new tab), opens the handoff titled `title`
 * from the client's open handoffs (once it arrived) and confirms receipt.
 */
export async function confirmReceipt(receiver: Baton, title: string, thread?: Page): Promise<void> {
  await (thread ?? (await openSite(receiver, 'gmail-thread')).page).bringToFront();
  const panel = await openSidePanel(receiver);
  const open = panel.getByRole('region', { name: 'Open handoffs' }).getByRole('button', { name: title });
  await expect(open).toBeVisible({ timeout: 20_000 });
  await open.click();
  await panel.getByRole('button', { name: 'Confirm receipt' }).click();
  await panel.getByRole('region', { name: 'Undo' }).getByRole('button', { name: 'Confirm now' }).click();
  await expect(panel.getByText('State: Confirmed')).toBeVisible();
  await panel.close();
}

/** On the handoff open in `panel`, the receiver asks `question` about the field labelled `field`; waits until it is raised. */
export async function raiseGap(panel: Page, field: string, question: string): Promise<void> {
  await panel.getByRole('button', { name: 'Raise gaps' }).click();
  const raise = panel.getByRole('form', { name: 'Raise gaps' });
  await raise.getByRole('checkbox', { name: field }).check();
  await raise.getByRole('textbox', { name: 'Question' }).fill(question);
  await raise.getByRole('button', { name: 'Raise gaps' }).click();
  await expect(panel.getByText('State: Gaps raised')).toBeVisible();
}

/** What the toolbar button's badge says on this browser's Gmail tab (window-wide without one). */
export async function badgeText(baton: Baton): Promise<string> {
  const [worker] = baton.context.serviceWorkers();
  if (!worker) return '';
  type Api = { action: { getBadgeText(d: { tabId?: number }): Promise<string> }; tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };
  return worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Api }).chrome;
    const [gmail] = await chrome.tabs.query({ url: 'https://mail.google.com/*' });
    return chrome.action.getBadgeText(gmail?.id !== undefined ? { tabId: gmail.id } : {});
  });
}
