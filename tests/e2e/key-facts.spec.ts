// Key facts typed in the side panel where they are read: they show in the client view, survive a
// reload, and reach a teammate's browser through the team hub; a confirmed handoff's people copied in.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessible.ts';
import { launchBaton, type Baton } from './support/baton.ts';
import { JANE, joinHub, NORTHWIND, sendSalesToAm, startTeamHub, TOM, withJaneAndTom } from './support/team.ts';
import { addClients, expect, openSidePanel, openSite, test } from './support/test.ts';

const FACTS = ['Maya Okafor', 'Head of Growth Marketing', 'maya.okafor@northwindoutfitters.com', 'Calls, not email, for budget', 'Never promise a “lifetime warranty”', 'northwindoutfitters.com/brand'];

/** The client's side panel, opened on its Gmail thread, with its key facts. */
async function clientPanel(baton: Baton): Promise<Page> {
  await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  await expect(panel.getByRole('heading', { level: 1, name: NORTHWIND })).toBeVisible({ timeout: 20_000 });
  return panel;
}

async function expectFacts(panel: Page): Promise<void> {
  const facts = panel.getByRole('region', { name: 'Key facts' });
  for (const text of FACTS) await expect(facts).toContainText(text, { timeout: 20_000 });
}

test('key facts added in the panel show in the client view, survive a reload and sync to a teammate', async ({ baton: jane }) => {
  test.slow();
  const { hub, invites } = await startTeamHub('Brightlane', [JANE, TOM]);
  let tom: Baton | undefined;
  try {
    await joinHub(jane, hub.url, invites[0]!, JANE);
    await addClients(jane, [[NORTHWIND, 'email-domain:northwindoutfitters.com']]);
    const panel = await clientPanel(jane);
    await panel.setViewportSize({ width: 360, height: 800 });
    const facts = panel.getByRole('region', { name: 'Key facts' });
    await expect(facts).toContainText('No stakeholders, preferences or sensitivities recorded yet.');

    await facts.getByRole('button', { name: 'Edit key facts' }).click();
    const editor = panel.getByRole('form', { name: `Key facts of ${NORTHWIND}` });
    const maya = editor.getByRole('group', { name: 'Stakeholder 1' });
    // The keyboard is in the editor's first field: typed, not clicked.
    await expect(maya.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await panel.keyboard.type('Maya Okafor');
    await maya.getByRole('textbox', { name: 'Role' }).fill('Head of Growth Marketing');
    await maya.getByRole('textbox', { name: 'Email' }).fill('maya.okafor@northwindoutfitters.com');
    await editor.getByRole('textbox', { name: 'Preference 1' }).fill('Calls, not email, for budget');
    await editor.getByRole('textbox', { name: 'Sensitivity 1' }).fill('Never promise a “lifetime warranty”');
    const link = editor.getByRole('textbox', { name: 'Tone-of-voice link', exact: true });
    await link.fill('brand book');
    await link.blur();
    await expect(link).toHaveAccessibleDescription(/must be a web address/);
    await expectAccessible(panel);
    await link.fill('northwindoutfitters.com/brand');
    await editor.getByRole('button', { name: 'Save key facts' }).click();
    await expect(editor).toBeHidden();
    await expectFacts(panel);
    await expect(facts.getByRole('link', { name: /northwindoutfitters\.com\/brand/ })).toHaveAttribute('href', 'https://northwindoutfitters.com/brand');
    await expectAccessible(panel);

    await panel.reload();
    await expect(panel.getByRole('heading', { level: 1, name: NORTHWIND })).toBeVisible();
    await expectFacts(panel);

    // A teammate joins the same hub in a browser of their own: the client arrives with its key facts.
    tom = await launchBaton();
    await joinHub(tom, hub.url, invites[1]!, TOM);
    await expectFacts(await clientPanel(tom));
  } finally {
    await tom?.close();
    await hub.close();
  }
});

test('a confirmed handoff offers its client-side people to the client’s key facts, copied in one click for the whole team', async ({ baton: jane }) => {
  test.slow();
  await withJaneAndTom(jane, async (tom) => {
    // The thread's client-side people fill the handoff's stakeholder contacts.
    const title = await sendSalesToAm(jane, TOM);

    const panel = await clientPanel(tom);
    await panel.setViewportSize({ width: 360, height: 800 });
    const open = panel.getByRole('region', { name: 'Open handoffs' }).getByRole('button', { name: title });
    await expect(open).toBeVisible({ timeout: 20_000 });
    await open.click();
    const copy = panel.getByRole('button', { name: 'Copy to client’s key facts' });
    await expect(copy).toHaveCount(0);
    await panel.getByRole('button', { name: 'Confirm receipt' }).click();
    await expect(panel.getByText('State: Confirmed')).toBeVisible();
    const offer = panel.getByRole('region', { name: `For ${NORTHWIND}’s key facts` });
    await expect(offer).toContainText('maya.okafor@northwindoutfitters.com');
    // Colleagues on the thread are not client stakeholders.
    await expect(offer).not.toContainText('brightlane.agency');
    await expectAccessible(panel);
    await copy.click();
    await expect(panel.getByRole('status').filter({ hasText: `to ${NORTHWIND}’s key facts.` })).toBeVisible();
    await expect(copy).toHaveCount(0);

    // The sender sees them in the client's key facts once the change arrives.
    const janePanel = await clientPanel(jane);
    await expect(janePanel.getByRole('region', { name: 'Key facts' })).toContainText('maya.okafor@northwindoutfitters.com', { timeout: 20_000 });
  });
});
