// Issue 14's first acceptance test: from an empty profile, on a client's Gmail thread, through the
// first-run path (who you are, the team's hub by invite link, the client created from the thread) to a
// complete sales → AM handoff a teammate receives. Every click the person makes is counted.
import type { Locator, Page } from '@playwright/test';
import { salesToAm } from '../../lib/templates/sales-to-am.ts';
import { inviteLink } from '../../lib/sync/invite-link';
import { expectAccessible } from './support/accessible.ts';
import { launchBaton, mustRequest, type Baton } from './support/baton.ts';
import { joinHubWithLink, startTeamHub } from './support/team.ts';
import { expect, openSidePanel, openSite, test } from './support/test.ts';

const JANE = { name: 'Jane Doe', email: 'jane.doe@brightlane.agency', role: 'member' } as const;
const TOM = { name: 'Tom Akers', email: 'tom.akers@brightlane.agency', role: 'admin' } as const;
/** Clicks (a choice in a list counts as one) from the open thread to the handoff sent. */
const CLICKS = 8;
/**
 * The same job without the first-run path: a trip to Settings, then Link to client. (Before issue 14,
 * on 0747d41, it took 10: the template had to be picked too.)
 */
const CLICKS_WITHOUT_FIRST_RUN = 9;

/** What the person does with the mouse, counted: typing is not. */
function clickCounter() {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async click(target: Locator) {
      count++;
      await target.click();
    },
    async choose(target: Locator, label: string) {
      count++;
      await target.selectOption({ label });
    },
  };
}

type Clicks = ReturnType<typeof clickCounter>;

/**
 * A hub for Brightlane with Tom, its admin, on it (his own browser profile joined with his invite
 * link); `use` gets Jane's invite link. Everything is closed afterwards, pass or fail.
 */
async function withTeam(use: (janeLink: string, teammate: Baton) => Promise<void>): Promise<void> {
  const { hub, invites } = await startTeamHub('Brightlane', [JANE, TOM]);
  let teammate: Baton | undefined;
  try {
    teammate = await launchBaton();
    await joinHubWithLink(teammate, inviteLink(hub.url, invites[1]!), TOM);
    await use(inviteLink(hub.url, invites[0]!), teammate);
  } finally {
    await teammate?.close();
    await hub.close();
  }
}

/** From the client's view: a complete sales → AM handoff sent to Tom, counting clicks; resolves with its title. */
async function sendToTom(panel: Page, clicks: Clicks): Promise<string> {
  await clicks.click(panel.getByRole('button', { name: 'Start handoff' }));
  // The thread suggests the sales → AM handoff: it starts at once, no template to pick.
  await expect(panel.getByRole('button', { name: 'Change template' })).toBeVisible();
  await panel.getByLabel('Primary goals', { exact: true }).fill('Grow online sales 20% by Q4');
  await panel.getByLabel('Key objections', { exact: true }).fill('Burned by the last agency on reporting');
  await panel.getByLabel('Agreed deliverables', { exact: true }).fill('Meta + TikTok paid social');
  await panel.getByLabel('Timeline expectations', { exact: true }).fill('Campaigns live by 1 September');
  const commitments = panel.getByLabel('Commitments made', { exact: true });
  await clicks.click(commitments.getByRole('button', { name: 'Add target' }));
  await commitments.getByRole('textbox', { name: 'Metric' }).fill('ROAS');
  await commitments.getByRole('textbox', { name: 'Target' }).fill('3.5');
  await clicks.choose(commitments.getByRole('combobox', { name: 'Validated against the client’s data?' }), 'Yes, validated');
  await commitments.getByRole('textbox', { name: 'Evidence' }).fill('Checked against 12 months of Shopify margins');
  const required = salesToAm.fields.filter((f) => f.required).length;
  await expect(panel.getByRole('progressbar', { name: 'Completeness' })).toHaveAttribute('aria-valuenow', String(required));
  await clicks.choose(panel.getByRole('combobox', { name: 'Receiver' }), `${TOM.name} (${TOM.email})`);
  const title = await panel.getByRole('textbox', { name: 'Title' }).inputValue();
  await clicks.click(panel.getByRole('button', { name: 'Send handoff' }));
  await expect(panel.getByText('State: Sent')).toBeVisible();
  // Undo is offered for a few seconds; the handoff goes out when they are over (no click).
  await expect(panel.getByRole('region', { name: 'Undo' })).toBeVisible();
  return title;
}

/** Tom's browser has the handoff titled `title`, awaiting his confirmation. */
async function tomReceives(teammate: Baton, title: string): Promise<void> {
  const popup = await teammate.openExtensionPage('popup.html');
  await expect(popup.getByRole('region', { name: 'Awaiting your confirmation' })).toContainText(title, { timeout: 20_000 });
}

/** The current first-run step, checked in light and dark. */
async function atStep(panel: Page, title: string, step: number): Promise<void> {
  const section = panel.getByRole('region', { name: title });
  await expect(section).toBeVisible();
  await expect(section).toContainText(`step ${step} of 3`);
  await expectAccessible(panel);
}

test(`empty profile → first handoff sent in ${CLICKS} clicks`, async ({ baton }) => {
  test.slow();
  await withTeam(async (janeLink, teammate) => {
    const clicks = clickCounter();
    const { site } = await openSite(baton, 'gmail-thread');
    const panel = await openSidePanel(baton);
    await panel.setViewportSize({ width: 360, height: 800 });

    // 1. Who you are: prefilled from the Google account signed in to Gmail.
    await atStep(panel, 'Who you are', 1);
    await expect(panel.getByRole('textbox', { name: 'Your name' })).toHaveValue('Jane Doe');
    await expect(panel.getByRole('textbox', { name: 'Your email' })).toHaveValue('jane.doe@brightlane.agency');
    await clicks.click(panel.getByRole('button', { name: 'Continue' }));

    // 2. Your team: the invite link Jane was sent.
    await atStep(panel, 'Your team', 2);
    await panel.getByRole('textbox', { name: 'Invite link' }).fill(janeLink);
    await clicks.click(panel.getByRole('button', { name: 'Connect' }));

    // 3. Your first client: the thread names it.
    await atStep(panel, 'Your first client', 3);
    await expect(panel.getByRole('textbox', { name: 'Client name' })).toHaveValue('Northwind Outfitters');
    await clicks.click(panel.getByRole('button', { name: 'Create client from this thread' }));
    await expect(panel.getByRole('heading', { level: 1, name: 'Northwind Outfitters' })).toBeVisible();
    const [client] = await mustRequest<{ name: string; identifiers: { kind: string; value: string }[] }[]>(panel, { type: 'clients/list' });
    // The thread and the client's domain are linked; never the agency's own domain or a free-mail one.
    expect(client?.identifiers).toEqual(
      expect.arrayContaining([
        { kind: 'gmail-thread', value: site.expected.thread!.legacyId },
        { kind: 'email-domain', value: 'northwindoutfitters.com' },
      ]),
    );
    expect(client?.identifiers.map((i) => i.value)).not.toContain('brightlane.agency');
    expect(client?.identifiers.map((i) => i.value)).not.toContain('gmail.com');

    const title = await sendToTom(panel, clicks);
    console.log(`empty profile → first handoff sent in ${clicks.count} clicks`);
    expect(clicks.count).toBe(CLICKS);
    await tomReceives(teammate, title);
  });
});

test(`the same job without the first-run path (a trip to Settings, then Link to client) takes ${CLICKS_WITHOUT_FIRST_RUN} clicks`, async ({ baton }) => {
  test.slow();
  await withTeam(async (janeLink, teammate) => {
    const clicks = clickCounter();
    await openSite(baton, 'gmail-thread');
    const panel = await openSidePanel(baton);
    // Not there before: the first-run path, set aside (not counted).
    await panel.getByRole('button', { name: 'Skip setup' }).click();
    const opened = baton.context.waitForEvent('page');
    await clicks.click(panel.getByRole('button', { name: 'Settings' }));
    const settings = await opened;
    await settings.getByRole('textbox', { name: 'Invite link' }).fill(janeLink);
    await clicks.click(settings.getByRole('button', { name: 'Connect' }));
    await expect(settings.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(`as ${JANE.name}`, { timeout: 20_000 });
    await panel.bringToFront();
    await clicks.click(panel.getByRole('button', { name: 'Link to client' }));
    await panel.getByRole('textbox', { name: 'New client name' }).fill('Northwind Outfitters');
    await clicks.click(panel.getByRole('button', { name: 'Create and link' }));
    await expect(panel.getByRole('heading', { level: 1, name: 'Northwind Outfitters' })).toBeVisible();
    const title = await sendToTom(panel, clicks);
    console.log(`without the first-run path: first handoff sent in ${clicks.count} clicks`);
    expect(clicks.count).toBe(CLICKS_WITHOUT_FIRST_RUN);
    await tomReceives(teammate, title);
  });
});

test('the first-run path resumes where it was left, and is gone once skipped or for someone with clients', async ({ baton }) => {
  const popup = await baton.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 700 });
  await expect(popup.getByRole('region', { name: 'Who you are' })).toBeVisible();
  await popup.getByRole('textbox', { name: 'Your name' }).fill('Dana Whitfield');
  await popup.getByRole('textbox', { name: 'Your email' }).fill('dana@brightlane.agency');
  await popup.getByRole('button', { name: 'Continue' }).click();
  await expect(popup.getByRole('region', { name: 'Your team' })).toBeVisible();
  await expectAccessible(popup);
  // The hub's form fits the popup's 360 px.
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The side panel picks up at the same step.
  const panel = await openSidePanel(baton);
  await expect(panel.getByRole('region', { name: 'Your team' })).toBeVisible();
  await panel.getByRole('button', { name: 'Work alone for now' }).click();
  await expect(panel.getByRole('region', { name: 'Your first client' })).toBeVisible();
  await panel.getByRole('button', { name: 'Skip setup' }).click();
  // The keyboard lands on the view's heading, not on nothing.
  await expect(panel.getByRole('heading', { level: 1, name: 'No page to read' })).toBeFocused();
  await panel.reload();
  await expect(panel.getByRole('heading', { level: 1, name: 'No page to read' })).toBeVisible();
  await expect(panel.getByRole('region', { name: /Who you are|Your team|Your first client/ })).toHaveCount(0);
});
