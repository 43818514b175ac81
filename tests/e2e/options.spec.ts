// The settings page: CSV import, backup and restore, the demo agency, templates, accessibility.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBaton, ROOT } from './support/baton.ts';
import { expect, test } from './support/test.ts';

const shots = process.env.BATON_SCREENSHOTS === '1';

function csvFile(lines: string[]) {
  return { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`) };
}

const clientList = (page: Page) => page.getByRole('list', { name: 'Clients' });

test('a client list with a bad row shows the row’s error and cannot be imported; the fixed file imports', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html');
  const picker = options.getByLabel('Import clients from CSV');
  const importButton = options.getByRole('button', { name: 'Import', exact: true });

  await picker.setInputFiles(
    csvFile(['identifiers,name,owner_email', 'email-domain:juniper.example google-ads-customer:482-019-3375,"Juniper, Vale & Co",', 'google-ads-customer:12345,Ridgeline Supply,']),
  );
  const preview = options.getByRole('table', { name: 'Import preview' });
  await expect(preview.getByRole('row').filter({ hasText: 'Ridgeline Supply' })).toContainText('10 digits');
  await expect(importButton).toBeDisabled();

  await picker.setInputFiles(
    csvFile(['identifiers,name,owner_email', 'email-domain:juniper.example google-ads-customer:482-019-3375,"Juniper, Vale & Co",', 'google-ads-customer:482-019-3376,Ridgeline Supply,']),
  );
  await expect(preview.getByRole('row').filter({ hasText: 'Ridgeline Supply' })).toContainText('New');
  await importButton.click();
  await expect(options.getByRole('status').filter({ hasText: '2 new clients' })).toBeVisible();
  await expect(clientList(options).getByRole('listitem').filter({ hasText: 'Juniper, Vale & Co' })).toContainText('482-019-3375');
  await expect(clientList(options).getByRole('listitem').filter({ hasText: 'Ridgeline Supply' })).toBeVisible();
});

test('a backup restored into a fresh browser profile brings back the same clients', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html#demo');
  await expect(options.getByRole('status').filter({ hasText: 'Loaded the demo agency' })).toBeVisible();
  const names = (await clientList(options).getByRole('listitem').locator('p.font-medium').allTextContents()).sort();
  expect(names.length).toBeGreaterThanOrEqual(12);

  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download backup' }).click()]);
  const backupPath = test.info().outputPath('backup.json');
  await download.saveAs(backupPath);
  expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toMatchObject({ format: 'baton-backup' });

  const fresh = await launchBaton();
  try {
    const restored = await fresh.openExtensionPage('options.html');
    await expect(clientList(restored)).toHaveCount(0);
    await restored.getByLabel('Restore from backup').setInputFiles(backupPath);
    await expect(restored.getByRole('status').filter({ hasText: /^Restored/ })).toBeVisible();
    await expect.poll(async () => (await clientList(restored).getByRole('listitem').locator('p.font-medium').allTextContents()).sort()).toEqual(names);
  } finally {
    await fresh.close();
  }
});

test('the demo agency loads from the settings, and a handoff exports as Markdown', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html');
  await options.getByRole('button', { name: 'Load demo agency' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Loaded the demo agency' })).toBeVisible();
  await expect(options.getByRole('table', { name: 'Members' })).toContainText('Dana Whitfield');

  // A second load asks first, as the workspace now has clients; it adds nothing new.
  await options.getByRole('button', { name: 'Load demo agency' }).click();
  await options.getByRole('button', { name: 'Load demo anyway' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'already loaded' })).toBeVisible();

  const select = options.getByLabel('Handoff to export');
  const choice = await select.getByRole('option', { name: /^Meridian Legal: Dana hands the account to you/ }).textContent();
  await select.selectOption({ label: choice ?? '' });
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export handoff as Markdown' }).click()]);
  const path = test.info().outputPath('handoff.md');
  await download.saveAs(path);
  const markdown = readFileSync(path, 'utf8');
  expect(markdown).toContain('# Meridian Legal\\: Dana hands the account to you');
  expect(markdown).toContain('### Key decisions\n\n- **Paused display prospecting** — ');
  expect(markdown).toContain('## Gaps');

  // Done looking around: the demo goes again, after a confirm step.
  await options.getByRole('button', { name: 'Remove the demo agency' }).click();
  await options.getByRole('group', { name: 'Confirm removing the demo' }).getByRole('button', { name: 'Remove it' }).click();
  await expect(options.getByRole('status').filter({ hasText: /^Removed the demo agency: 13 clients archived/ })).toBeVisible();
  await expect(clientList(options).getByRole('listitem')).toHaveCount(0);
});

test('an admin sets up the workspace: their name, a colleague, reminders and a custom template', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html');
  await options.getByLabel('Your name').fill('Avery Stone');
  await options.getByLabel('Your email').fill('avery@fieldstone.agency');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Colleagues see you as Avery Stone' })).toBeVisible();

  await options.getByLabel('Member name').fill('Jordan Lee');
  await options.getByLabel('Member email').fill('jordan@fieldstone.agency');
  // The form's own Role (Settings → Workflow has team roles too).
  const addMember = options.locator('form').filter({ has: options.getByRole('button', { name: 'Add member' }) });
  await addMember.getByLabel('Role').selectOption('admin');
  await options.getByRole('button', { name: 'Add member' }).click();
  await expect(options.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: 'Jordan Lee' })).toContainText('Admin');
  await expect(options.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: 'Avery Stone' })).toContainText('(you)');

  await options.getByLabel('Remind the receiver every (hours)').fill('6');
  await options.getByLabel('Tell the admins after (hours overdue)').fill('36');
  await options.getByRole('button', { name: 'Save reminders' }).click();
  await expect(options.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();
  await options.reload();
  await expect(options.getByLabel('Remind the receiver every (hours)')).toHaveValue('6');
  await expect(options.getByLabel('Tell the admins after (hours overdue)')).toHaveValue('36');

  await options.getByRole('button', { name: 'New template' }).click();
  await options.getByLabel('Template name').fill('Paid social audit → strategist');
  await options.getByLabel('Description').fill('What the audit found and what the strategist must decide.');
  await options.getByLabel('Handed off by (role)').fill('Media buyer');
  await options.getByLabel('Received by (role)').fill('Strategist');
  const first = options.getByRole('group', { name: 'Field 1' });
  await first.getByLabel('Label').fill('Wasted spend found');
  await expect(first).toContainText('wasted_spend_found');
  await first.getByLabel('Help').fill('Campaigns and amounts, with the date range.');
  await options.getByRole('button', { name: 'Add field' }).click();
  const second = options.getByRole('group', { name: 'Field 2' });
  await second.getByLabel('Label').fill('Audit checklist');
  await second.getByLabel('Type').selectOption('checklist');
  await second.getByLabel('Help').fill('Tick what was checked.');
  await second.getByLabel('Checklist items (one per line)').fill('Pixel events\nAudience overlap');
  await options.getByRole('button', { name: 'Save template' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved Paid social audit → strategist, version 1' })).toBeVisible();
  await expect(options.getByRole('list', { name: 'Templates' })).toContainText('Paid social audit → strategist');
});

test('an admin sets the cost of an hour to 120 GBP, and it is kept after a reload', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html');
  const cost = options.getByRole('region', { name: 'Cost of failures' });
  await expect(cost.getByLabel('Loaded hourly cost')).toHaveValue('75');
  await expect(cost.getByLabel('Currency')).toHaveValue('USD');

  await cost.getByLabel('Loaded hourly cost').fill('120');
  await cost.getByLabel('Currency').selectOption('GBP');
  await cost.getByRole('button', { name: 'Save hourly cost' }).click();
  await expect(cost.getByRole('status')).toHaveText('Saved.');

  await options.reload();
  await expect(cost.getByLabel('Loaded hourly cost')).toHaveValue('120');
  await expect(cost.getByLabel('Currency')).toHaveValue('GBP');
  await expect(cost.getByLabel('Currency').getByRole('option', { selected: true })).toHaveText('GBP – British Pound');
});

test('the settings page has no serious accessibility problem, light or dark', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html#demo');
  await options.setViewportSize({ width: 1280, height: 900 });
  await expect(options.getByRole('status').filter({ hasText: 'Loaded the demo agency' })).toBeVisible();
  await options.getByLabel('Import clients from CSV').setInputFiles(csvFile(['name,identifiers,region', 'Harbor Labs,google-ads-customer:123,EU', 'Juniper & Vale Coffee Roasters,,EU']));
  await options.getByRole('group').first().waitFor();
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page: options }).analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    if (shots) {
      for (const id of ['team', 'templates', 'reminders', 'privacy', 'data']) await options.locator(`#${id}`).screenshot({ path: test.info().outputPath(`options-${id}-${scheme}.png`) });
      await options.evaluate(() => window.scrollTo(0, 0));
      await options.screenshot({ path: join(ROOT, 'docs', 'screenshots', scheme === 'light' ? 'options.png' : 'options-dark.png') });
      await options.getByRole('table', { name: 'Import preview' }).scrollIntoViewIfNeeded();
      await options.screenshot({ path: join(ROOT, 'docs', 'screenshots', `options-import${scheme === 'dark' ? '-dark' : ''}.png`) });
    }
  }
});
