// After sending, between two people on one hub (issue 14, item 8): a send undone within its few seconds
// never reaches the receiver; a send left alone goes out by itself; the receiver's popup keeps a
// handoff they questioned under "Waiting on answers"; they withdraw the gap, which lets them confirm; they
// confirm with a note (told first that the client becomes theirs), and the sender reads the note.
import { mustRequest } from './support/baton.ts';
import { expectAccessible } from './support/accessible.ts';
import { fillSalesToAm, JANE, NORTHWIND, raiseGap, TOM, withJaneAndTom } from './support/team.ts';
import { expect, openSidePanel, openSite, test } from './support/test.ts';
import type { Backup } from '../../lib/messaging/protocol';

const QUESTION = 'What is the monthly media budget?';
const NOTE = 'Got it — kick-off with Maya on Monday.';

test('send + undo never reaches the receiver; a raised gap withdrawn lets them confirm, with a note the sender reads', async ({ baton: sender }) => {
  test.slow();
  await withJaneAndTom(sender, async (receiver) => {
    // Jane sends, sees "Sent to Tom Reyes · Undo", and undoes it: the form is back as it was.
    await openSite(sender, 'gmail-thread');
    const senderPanel = await openSidePanel(sender);
    // The thread suggests the sales → AM handoff: it starts at once.
    await senderPanel.getByRole('button', { name: 'Start handoff' }).click();
    await fillSalesToAm(senderPanel);
    await senderPanel.getByRole('combobox', { name: 'Receiver' }).selectOption({ label: `${TOM.name} (${TOM.email})` });
    const title = await senderPanel.getByRole('textbox', { name: 'Title' }).inputValue();
    await senderPanel.getByRole('button', { name: 'Send handoff' }).click();
    const undo = senderPanel.getByRole('region', { name: 'Undo' });
    await expect(undo.getByRole('status')).toHaveText(`Sent to ${TOM.name}`);
    await undo.getByRole('button', { name: 'Undo' }).click();
    await expect(undo).toHaveCount(0);
    await expect(senderPanel.getByRole('button', { name: 'Send handoff' })).toBeVisible();
    await expect(senderPanel.getByLabel('Key objections', { exact: true })).toHaveValue('Burned by the last agency on reporting');
    await expect(senderPanel.getByRole('combobox', { name: 'Receiver' })).toHaveValue(/.+/);

    // Well past the window: nothing was sent, nothing reached Tom.
    await senderPanel.waitForTimeout(9_000);
    const log = (await mustRequest<Backup>(senderPanel, { type: 'data/export' })).events.map((e) => e.type);
    expect(log).not.toContain('handoff.sent');
    const tomPopup = await receiver.openExtensionPage('popup.html');
    await expect(tomPopup.getByRole('region', { name: 'Awaiting your confirmation' })).toContainText('Nothing awaits you.');

    // Sent again and left alone: it goes out by itself when the window ends.
    await senderPanel.getByRole('button', { name: 'Send handoff' }).click();
    await expect(undo.getByRole('status')).toHaveText(`Sent to ${TOM.name}`);
    // While it is held, Undo and Send now are the only moves: the stored handoff is still a draft.
    await expect(senderPanel.getByRole('button', { name: 'Reassign' })).toHaveCount(0);
    await expect(senderPanel.getByRole('button', { name: 'Cancel handoff' })).toHaveCount(0);
    await expectAccessible(senderPanel);
    await expect(undo).toHaveCount(0, { timeout: 15_000 });
    await expect(senderPanel.getByText('State: Sent')).toBeVisible();
    await expect(tomPopup.getByRole('region', { name: 'Awaiting your confirmation' })).toContainText(title, { timeout: 15_000 });

    // Tom asks about the budget: the handoff leaves "Awaiting your confirmation" for "Waiting on answers".
    await openSite(receiver, 'gmail-thread');
    const receiverPanel = await openSidePanel(receiver);
    await receiverPanel.getByRole('region', { name: 'Open handoffs' }).getByRole('button', { name: title }).click();
    await raiseGap(receiverPanel, 'Budget', QUESTION);
    await expect(receiverPanel.getByRole('button', { name: 'Confirm receipt' })).toHaveCount(0);
    await tomPopup.reload();
    await expect(tomPopup.getByRole('region', { name: 'Waiting on answers' })).toContainText(title);
    await expect(tomPopup.getByRole('region', { name: 'Waiting on answers' })).toContainText(`from ${JANE.name} · 1 question to answer`);
    await expectAccessible(tomPopup);

    // He found the answer himself: withdrawing the gap gives the handoff back to him to confirm.
    const budget = receiverPanel.getByRole('group', { name: 'Budget' });
    await budget.getByRole('button', { name: 'Withdraw gap' }).click();
    await budget.getByRole('textbox', { name: 'Why (optional)' }).fill('It is in the signed SOW.');
    await budget.getByRole('form', { name: 'Withdraw gap' }).getByRole('button', { name: 'Withdraw gap' }).click();
    await expect(receiverPanel.getByText('State: Sent')).toBeVisible();
    await expect(budget).toContainText(`${TOM.name} withdrew it`);
    await expect(receiverPanel.getByText(`Confirming makes you the owner of ${NORTHWIND}.`)).toBeVisible();

    // Confirm with a note; "Confirmed · Undo" first, then "Confirm now".
    await receiverPanel.getByRole('button', { name: 'Confirm with a note' }).click();
    await receiverPanel.getByRole('textbox', { name: `Note for ${JANE.name}` }).fill(NOTE);
    await expectAccessible(receiverPanel);
    await receiverPanel.getByRole('button', { name: 'Confirm with this note' }).click();
    const confirmed = receiverPanel.getByRole('region', { name: 'Undo' });
    await expect(confirmed.getByRole('status')).toHaveText('Confirmed');
    // Undo gives the note back to its box; confirmed again, then at once with "Confirm now".
    await confirmed.getByRole('button', { name: 'Undo' }).click();
    await expect(receiverPanel.getByRole('textbox', { name: `Note for ${JANE.name}` })).toHaveValue(NOTE);
    await receiverPanel.getByRole('button', { name: 'Confirm with this note' }).click();
    await expect(confirmed.getByRole('status')).toHaveText('Confirmed');
    await confirmed.getByRole('button', { name: 'Confirm now' }).click();
    await expect(receiverPanel.getByText('State: Confirmed')).toBeVisible();
    // The bar went away: the keyboard is on the handoff's heading, not lost.
    await expect(receiverPanel.getByRole('heading', { level: 1 })).toBeFocused();
    await tomPopup.reload();
    await expect(tomPopup.getByRole('region', { name: 'Waiting on answers' })).toContainText('No questions of yours are waiting.');

    // Jane's panel, still on the handoff, shows the note in its activity.
    await expect(senderPanel.getByText('State: Confirmed')).toBeVisible({ timeout: 15_000 });
    await expect(senderPanel.getByRole('list', { name: 'Activity' })).toContainText(NOTE);
    await expect(senderPanel.getByRole('list', { name: 'Activity' })).toContainText(`${TOM.name} withdrew a gap: ${QUESTION} (It is in the signed SOW.)`);
  });
});
