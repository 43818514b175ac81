// Rolling Baton out to a team from the settings page: the first admin joins with the link the hub
// printed, invites a colleague, who pastes the link in their own browser and is in; the admin revokes
// another invite, removes the colleague and hands the colleague's open handoff to someone else.
import { makeEvent } from '../../lib/events/make-event';
import { inviteLink } from '../../lib/sync/invite-link';
import { openPglite } from '../../server/db';
import { startHub, type Hub } from '../../server/server';
import { COMPLETE_BRIEF } from '../unit/helpers/handoffs';
import { launchBaton, mustRequest, type Baton } from './support/baton.ts';
import { expectAccessible } from './support/accessible.ts';
import { inviteFromSettings, joinHubWithLink } from './support/team.ts';
import { expect, test } from './support/test.ts';

const JANE = { name: 'Jane Doe', email: 'jane.doe@brightlane.agency' };
const TOM = { name: 'Tom Reyes', email: 'tom.reyes@brightlane.agency' };
const TITLE = 'Spring campaign brief';

/** Another admin (through the hub's API) sends Tom a handoff; resolves once the hub accepted it. */
async function handoffToTom(hub: Hub, workspaceId: string, tomId: string): Promise<void> {
  const code = await hub.store.createInvite(workspaceId, { email: 'ada@brightlane.agency', name: 'Ada Admin', role: 'admin' });
  const redeemed = await fetch(`${hub.url}/v1/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  const { token, member } = (await redeemed.json()) as { token: string; member: { id: string } };
  const events = [
    makeEvent('client.created', member.id, 'northwind', { name: 'Northwind Outfitters' }),
    makeEvent('handoff.created', member.id, 'h-spring', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, title: TITLE, receiverId: tomId, fields: COMPLETE_BRIEF }),
    makeEvent('handoff.sent', member.id, 'h-spring', {}),
  ];
  const pushed = await fetch(`${hub.url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ events }) });
  const { results } = (await pushed.json()) as { results: { status: string }[] };
  expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
}

test('invites from the settings page: link, pending list, revoke, remove a member and reassign their handoff', async ({ baton: admin }) => {
  test.slow();
  const hub = await startHub(await openPglite(), { port: 0 });
  let colleague: Baton | undefined;
  try {
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    // What the CLI prints on first start: the admin's invite link.
    const adminLink = inviteLink(hub.url, await hub.store.createInvite(workspaceId, { ...JANE, role: 'admin' }));
    await joinHubWithLink(admin, `Your Baton invite: ${adminLink}.`, JANE);

    const settings = await admin.openExtensionPage('options.html');
    const invite = settings.getByRole('form', { name: 'Invite a colleague' });
    const tomLink = await inviteFromSettings(admin, { ...TOM, role: 'member' }, settings);
    expect(tomLink).toMatch(new RegExp(`^${hub.url}/join#bi_`));
    const mail = await settings.getByRole('link', { name: 'Email the invite' }).getAttribute('href');
    expect(mail).toMatch(new RegExp(`^mailto:${encodeURIComponent(TOM.email)}\\?subject=`));
    expect(decodeURIComponent(mail!)).toContain(tomLink);
    const pending = settings.getByRole('region', { name: 'Pending invites' });
    await expect(pending.getByRole('listitem')).toHaveCount(1);
    await expect(pending.getByRole('listitem')).toContainText(TOM.email);
    await expect(pending.getByRole('listitem')).toContainText(/expires \d{1,2} \w{3}/);
    // The admin's Team settings with an invite out, at a phone's width: nothing cut off, nothing an assistive technology cannot name.
    await settings.setViewportSize({ width: 360, height: 800 });
    expect(await settings.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(settings);
    await settings.locator('#team').screenshot({ path: test.info().outputPath('team-360.png') });
    await settings.setViewportSize({ width: 1280, height: 900 });

    // Tom, in his own browser profile, pastes the link and is in.
    colleague = await launchBaton();
    await joinHubWithLink(colleague, tomLink, TOM);
    await settings.reload();
    await expect(pending.getByRole('listitem')).toHaveCount(0);
    await expect(settings.getByRole('row', { name: new RegExp(TOM.name) })).toContainText('Member');

    // Another invite, revoked: gone from the list, and its link refused.
    await invite.getByRole('textbox', { name: 'Name' }).fill('Sam Lee');
    await invite.getByRole('textbox', { name: 'Email' }).fill('sam@brightlane.agency');
    await invite.getByRole('button', { name: 'Create invite' }).click();
    await expect(pending.getByRole('listitem')).toHaveCount(1);
    await pending.getByRole('button', { name: 'Revoke invite for sam@brightlane.agency' }).click();
    await expect(pending.getByRole('listitem')).toHaveCount(0);

    // Tom has a handoff waiting; Jane makes him an admin and back, then removes him.
    const tomId = (await hub.store.db.query<{ id: string }>('select id from members where email = $1', [TOM.email])).rows[0]!.id;
    await handoffToTom(hub, workspaceId, tomId);
    await expect.poll(async () => (await mustRequest<unknown[]>(settings, { type: 'member/open-handoffs', id: tomId })).length, { timeout: 15_000 }).toBe(1);
    const tomRow = settings.getByRole('row', { name: new RegExp(TOM.name) });
    await tomRow.getByRole('button', { name: 'Make admin' }).click();
    await expect(tomRow).toContainText('Admin');
    await tomRow.getByRole('button', { name: 'Make member' }).click();
    await expect(tomRow.getByRole('button', { name: 'Make admin' })).toBeVisible();
    await tomRow.getByRole('button', { name: `Remove ${TOM.name}` }).click();
    await tomRow.getByRole('button', { name: 'Yes, remove' }).click();
    await expect(settings.getByRole('row', { name: new RegExp(TOM.name) })).toHaveCount(0);
    const toReassign = settings.getByRole('region', { name: 'Handoffs to reassign' });
    await expect(toReassign.getByRole('listitem')).toContainText(`${TITLE} (waiting for ${TOM.name})`);
    await toReassign.getByRole('combobox', { name: `New receiver for ${TITLE}` }).selectOption({ label: JANE.name });
    await toReassign.getByRole('button', { name: `Reassign ${TITLE}` }).click();
    await expect(toReassign).toContainText(`${TOM.name} has no open handoffs left.`);
    await expect.poll(async () => (await mustRequest<{ receiverId: string }>(settings, { type: 'handoff/get', id: 'h-spring' })).receiverId).not.toBe(tomId);

    // The hub took the removal and closed Tom's door.
    await expect
      .poll(async () => Number((await hub.store.db.query<{ n: string }>('select count(*) as n from tokens where member_id = $1 and revoked_at is null', [tomId])).rows[0]?.n), { timeout: 15_000 })
      .toBe(0);
  } finally {
    await colleague?.close();
    await hub.close();
  }
});
