// Client teams in the side panel (issue 15, point 1): the demo client's team in its key facts, edited by
// keyboard only, at 360 px, accessible in light and dark.
import { mustRequest } from './support/baton.ts';
import { expectAccessible } from './support/accessible.ts';
import { expect, openSidePanel, test } from './support/test.ts';

test('a client’s team by role: read in key facts, changed with “Edit team” by keyboard', async ({ baton }) => {
  test.slow();
  const panel = await openSidePanel(baton);
  await mustRequest(panel, { type: 'demo/load' });
  const windowId = await panel.evaluate(async () => (await (globalThis as unknown as { chrome: { windows: { getCurrent(): Promise<{ id: number }> } } }).chrome.windows.getCurrent()).id);
  await mustRequest(panel, { type: 'panel/intent', windowId, intent: { kind: 'client', clientId: 'demo-client-ridgeline' } });
  await panel.setViewportSize({ width: 360, height: 800 });

  const team = panel.getByRole('region', { name: 'Client team' });
  await expect(team).toContainText('Media buyer');
  await expect(team).toContainText('Tomás Herrera');
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(panel);

  await team.getByRole('button', { name: 'Edit team' }).focus();
  await panel.keyboard.press('Enter');
  const buyer = team.getByRole('combobox', { name: 'Media buyer' });
  await expect(buyer).toHaveValue('demo-member-tomas');
  await expect(team.getByRole('combobox')).toHaveCount(6);
  await expectAccessible(panel);
  await buyer.focus();
  await buyer.selectOption({ label: 'Nobody' });
  await team.getByRole('button', { name: 'Save team' }).focus();
  await panel.keyboard.press('Enter');

  await expect(team.getByRole('combobox')).toHaveCount(0);
  await expect(team.getByRole('button', { name: 'Edit team' })).toBeFocused();
  await expect(team.getByRole('definition').nth(2)).toHaveText('Nobody yet');
  const stored = await mustRequest<{ team?: Record<string, string> }[]>(panel, { type: 'clients/list' });
  expect(stored.find((c) => (c as { id?: string }).id === 'demo-client-ridgeline')?.team?.media_buyer).toBeUndefined();
});
