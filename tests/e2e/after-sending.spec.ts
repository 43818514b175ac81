// After sending, the sender keeps control, across three browsers on one team hub: Jane edits a
// required field of a handoff Tom already confirmed, so Tom must confirm again and sees what changed;
// then Jane edits it again, nudges Tom, and reassigns it to Sam, who sees it is his now.
import { expectAccessible } from './support/accessible.ts';
import { launchBaton, type Baton } from './support/baton.ts';
import { confirmReceipt, joinHub, sendSalesToAmFromPanel, startTeamHub, type Person } from './support/team.ts';
import { addClients, expect, openSidePanel, openSite, test } from './support/test.ts';

const CLIENT = 'Northwind Outfitters';
const JANE: Person = { name: 'Jane Doe', email: 'jane.doe@brightlane.agency', role: 'admin' };
const TOM: Person = { name: 'Tom Reyes', email: 'tom.reyes@brightlane.agency', role: 'member' };
const SAM: Person = { name: 'Sam Patel', email: 'sam.patel@brightlane.agency', role: 'member' };

/** `person` opens the handoff titled `title` from the client's open handoffs on their Gmail thread, once it arrived. */
async function openFromThread(baton: Baton, title: string) {
  await (await openSite(baton, 'gmail-thread')).page.bringToFront();
  const panel = await openSidePanel(baton);
  const open = panel.getByRole('region', { name: 'Open handoffs' }).getByRole('button', { name: title });
  await expect(open).toBeVisible({ timeout: 20_000 });
  await open.click();
  return panel;
}

test('after sending: an edited required field asks for confirmation again and shows what changed; a nudge waits; a reassigned handoff reaches its new receiver', async ({ baton: sender }) => {
  test.slow();
  const { hub, invites } = await startTeamHub('Brightlane', [JANE, TOM, SAM]);
  const others: Baton[] = [];
  try {
    const receiver = await launchBaton();
    others.push(receiver);
    const third = await launchBaton();
    others.push(third);
    await joinHub(sender, hub.url, invites[0]!, JANE);
    await joinHub(receiver, hub.url, invites[1]!, TOM);
    await joinHub(third, hub.url, invites[2]!, SAM);
    await addClients(sender, [[CLIENT, 'email-domain:northwindoutfitters.com']]);

    // Jane sends a complete sales → AM handoff to Tom; Tom confirms it.
    const { panel, title } = await sendSalesToAmFromPanel(sender, TOM);
    await confirmReceipt(receiver, title);
    await expect(panel.getByText('State: Confirmed')).toBeVisible({ timeout: 20_000 });

    // Jane edits a required field: the form opens with the current values and says Tom confirms again.
    await panel.getByRole('button', { name: 'Edit handoff' }).click();
    const edit = panel.getByRole('form', { name: 'Edit handoff' });
    const timeline = edit.getByLabel('Timeline expectations', { exact: true });
    await expect(timeline).toHaveValue('Campaigns live by 1 September');
    await timeline.fill('Campaigns live by 15 September, after the site relaunch');
    await expect(edit.getByRole('status')).toHaveText(`Changed: Timeline expectations. ${TOM.name} will be asked to confirm receipt again.`);
    await panel.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(panel);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(panel.getByText('State: Sent')).toBeVisible();
    await expect(panel.getByText(`Edited by ${JANE.name} just now · changed: Timeline expectations`)).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Activity' })).toContainText(`${JANE.name} edited “${title}”: changed Timeline expectations; ${JANE.name} asked for confirmation again`);

    // Tom finds it open again, sees what changed, and confirms again.
    const tomPanel = await openFromThread(receiver, title);
    await expect(tomPanel.getByText(`Edited by ${JANE.name}`)).toContainText('changed: Timeline expectations');
    const changed = tomPanel.getByRole('group', { name: 'Timeline expectations' });
    await expect(changed).toContainText('Changed');
    await expect(changed).toContainText('after the site relaunch');
    await expect(tomPanel.getByRole('group', { name: 'Key objections' })).not.toContainText('Changed');
    await expectAccessible(tomPanel);
    await tomPanel.getByRole('button', { name: 'Confirm receipt' }).click();
    await expect(tomPanel.getByText('State: Confirmed')).toBeVisible();
    await tomPanel.close();
    await expect(panel.getByText('State: Confirmed')).toBeVisible({ timeout: 20_000 });

    // Jane edits again and nudges Tom: the next nudge waits four hours, and the button says so.
    await panel.getByRole('button', { name: 'Edit handoff' }).click();
    await panel.getByRole('form', { name: 'Edit handoff' }).getByLabel('Key objections', { exact: true }).fill('Burned by the last agency on reporting\nWants weekly calls');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await expect(panel.getByText('State: Sent')).toBeVisible();
    const nudge = panel.getByRole('button', { name: `Nudge ${TOM.name}` });
    await nudge.click();
    await expect(nudge).toBeDisabled();
    await expect(panel.getByText('Nudged just now · next nudge in 4 h')).toBeVisible();

    // Jane reassigns it to Sam, with a reason; Sam sees it is his now.
    await panel.getByRole('button', { name: 'Reassign' }).click();
    const reassign = panel.getByRole('form', { name: 'Reassign handoff' });
    const picker = reassign.getByRole('combobox', { name: 'New receiver' });
    await expect(picker.getByRole('option')).toHaveText(['Choose a teammate…', `${SAM.name} (${SAM.email})`]);
    await picker.selectOption({ label: `${SAM.name} (${SAM.email})` });
    await reassign.getByRole('textbox', { name: 'Reason for reassigning' }).fill('Tom moves to the retail team on Monday.');
    await expectAccessible(panel);
    await reassign.getByRole('button', { name: 'Reassign handoff' }).click();
    await expect(panel.getByText('State: Reassigned')).toBeVisible();

    const samPanel = await openFromThread(third, title);
    await expect(samPanel.getByText('Reassigned to you')).toBeVisible();
    await expect(samPanel.getByText(/Reassigned to you by Jane Doe .* \(was Tom Reyes\): Tom moves to the retail team on Monday\./)).toBeVisible();
    await expect(samPanel.getByRole('button', { name: 'Confirm receipt' })).toBeVisible();
    await expectAccessible(samPanel);
  } finally {
    for (const baton of others) await baton.close();
    await hub.close();
  }
});
