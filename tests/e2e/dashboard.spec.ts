// The manager's dashboard with the demo agency loaded: every chart and table, filters that change the
// figures to one client's (checked against the metrics computed here from the same log), the template
// review page, and no serious accessibility violation in light or dark.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeChange, formatHours, formatMoney, formatNumber, formatPercent } from '../../components/dashboard/format';
import { HANDOFF_COLUMNS } from '../../lib/export/metrics-csv';
import { parseCsv } from '../../lib/import/csv';
import { collectFacts, computeMetrics, MetricsQuerySchema, type Metrics } from '../../lib/metrics';
import { ROOT } from './support/baton.ts';
import { expect, test } from './support/test.ts';

async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

type Result<T> = { ok: true; data: T } | { ok: false; problem: { message: string } };
const send = <T,>(page: Page, message: unknown) =>
  page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message) as Promise<Result<T>>;

/** The tiles a person reads, as the dashboard must show them for these metrics. */
function expectedTiles(m: Metrics): Record<string, string> {
  return {
    'Handoffs sent': formatNumber(m.current.sent),
    'Average completeness at send': formatPercent(m.current.completenessAtSend),
    'Median time to confirm': formatHours(m.current.timeToConfirm.medianHours),
    'First-pass confirmation': formatPercent(m.current.firstPassRate),
    'Overdue confirmations': formatNumber(m.current.overdue),
    'Failures logged': formatNumber(m.current.failures),
    'Cost of failures': formatMoney(m.current.failureCost, m.currency),
  };
}

async function tiles(page: Page, names: string[]): Promise<Record<string, string>> {
  const figures = page.getByRole('region', { name: 'Key figures' });
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, ((await figures.getByRole('listitem', { name }).locator('[data-kpi]').textContent()) ?? '').trim()])));
}

test('the dashboard shows the demo agency’s handoff health, and a client’s own figures', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html#demo');
  await expect(options.getByRole('status').filter({ hasText: 'Loaded the demo agency' })).toBeVisible();
  const backup = await send<{ events: unknown[] }>(options, { type: 'data/export' });
  if (!backup.ok) throw new Error(backup.problem.message);

  const page = await baton.openExtensionPage('dashboard.html');
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole('heading', { level: 1, name: 'Handoff health' })).toBeVisible();
  const charts = ['Time to confirm', 'First-pass rate by template', 'Gaps by field', 'Failures and cost by category'];
  for (const chart of charts) {
    const figure = page.getByRole('region', { name: chart });
    await expect(figure.getByRole('img')).toHaveAttribute('data-drawn', 'true');
    // Every chart's text equivalent: its summary as the image's name, its numbers as a table.
    await expect(figure.getByRole('img')).toHaveAccessibleName(/chart of/);
  }
  if (process.env.BATON_SCREENSHOTS === '1') await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'dashboard.png'), fullPage: true });
  for (const chart of charts) {
    const figure = page.getByRole('region', { name: chart });
    await figure.getByText(`Show the numbers: ${chart.toLowerCase()}`).click();
    await expect(figure.getByRole('table', { name: chart })).toBeVisible();
  }
  for (const table of ['Open and overdue handoffs', 'Failures', 'Failures by client', 'Failures by handoff type', 'Sent incomplete']) await expect(page.getByRole('table', { name: table, exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What failures cost at this rate' })).toContainText('a year, before lost renewals');

  // The figures are the log's: computed here from the same events, for the period the page shows.
  const from = await page.getByRole('textbox', { name: 'From', exact: true }).inputValue();
  const to = await page.getByRole('textbox', { name: 'To', exact: true }).inputValue();
  const now = Date.now();
  const facts = collectFacts(backup.data.events);
  const all = computeMetrics(facts, MetricsQuerySchema.parse({ from, to, timeZone: 'UTC' }), now);
  await expect.poll(() => tiles(page, Object.keys(expectedTiles(all)))).toEqual(expectedTiles(all));
  expect(all.current.sent).toBeGreaterThan(5);

  const [clientId, client] = [...facts.clients.entries()].find(([, c]) => c.name === 'Copperline Fitness')!;
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption({ label: client.name });
  const one = computeMetrics(facts, MetricsQuerySchema.parse({ from, to, timeZone: 'UTC', clientId }), now);
  expect(one.current.sent).toBeLessThan(all.current.sent);
  await expect.poll(() => tiles(page, Object.keys(expectedTiles(one)))).toEqual(expectedTiles(one));
  const failures = page.getByRole('table', { name: 'Failures', exact: true }).getByRole('row');
  await expect(failures).toHaveCount(one.failures.length + 1);
  for (const row of one.failures) await expect(page.getByRole('table', { name: 'Failures', exact: true })).toContainText(row.description);
  await expect(page.getByRole('table', { name: 'Open and overdue handoffs' }).getByRole('row')).toHaveCount(Math.min(25, one.open.length) + 1);
  expect(page.url()).toContain(`client=${clientId}`);
  // Live: a failure logged elsewhere (the side panel) shows here without a reload.
  const logged = await send<{ id: string }>(page, { type: 'failure/log', clientId, category: 'client_complaint', hours: 2, description: 'The client heard about the budget change from us twice, differently.' });
  expect(logged.ok).toBe(true);
  await expect(page.getByRole('table', { name: 'Failures', exact: true })).toContainText('heard about the budget change');
  await expect(page.getByRole('region', { name: 'Key figures' }).getByRole('listitem', { name: 'Failures logged' }).locator('[data-kpi]')).toHaveText(String(one.current.failures + 1));
  // The change against the previous period, as the tile says it.
  const sentChange = describeChange(one.current.sent, one.previous.sent, 'count', 'up');
  await expect(page.getByRole('region', { name: 'Key figures' }).getByRole('listitem', { name: 'Handoffs sent' })).toContainText(sentChange.text);

  // The spreadsheets behind the figures, for the filters chosen: this client's rows only.
  const downloaded = async (button: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const parsed = parseCsv(readFileSync((await download.path())!, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    return parsed.data.map((r) => r.cells);
  };
  const handoffRows = await downloaded('Export handoffs (CSV)');
  expect(handoffRows[0]).toEqual([...HANDOFF_COLUMNS]);
  expect(handoffRows.length).toBeGreaterThan(1);
  for (const row of handoffRows.slice(1)) expect(row[2]).toBe(client.name);
  const failureRows = await downloaded('Export failures (CSV)');
  expect(failureRows.length - 1).toBe(one.failures.length + 1);
  for (const row of failureRows.slice(1)) expect(row[1]).toBe(client.name);

  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  // The filter lives in the address: the reload shows the same client's figures.
  await expect(page.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue(clientId);
  await expect(page.getByRole('region', { name: 'Key figures' }).getByRole('listitem', { name: 'Failures logged' }).locator('[data-kpi]')).toHaveText(String(one.current.failures + 1));
  await expectAccessible(page);
});

test('a template’s review shows what receivers asked, and an admin saves a new version from there', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html#demo');
  await expect(options.getByRole('status').filter({ hasText: 'Loaded the demo agency' })).toBeVisible();
  const page = await baton.openExtensionPage('dashboard.html?period=last-90');
  const gaps = page.getByRole('region', { name: 'Gaps by field' });
  await gaps.getByText('Show the numbers').click();
  await gaps.getByRole('link', { name: 'Account manager transition' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Template review' })).toBeVisible();
  const asked = page.getByRole('table', { name: 'Fields receivers ask about' });
  await expect(asked).toContainText('Political sensitivities');
  await expect(asked).toContainText('Which partner backs the LinkedIn budget move');

  // The type filter is the template under review: another one, or back to the whole dashboard.
  const type = page.getByRole('combobox', { name: 'Handoff type', exact: true });
  await expect(type).toHaveValue('am-transition');
  await type.selectOption({ label: 'Brief → creative' });
  await expect(page.getByRole('heading', { level: 2, name: /^Brief → creative/ })).toBeVisible();
  await type.selectOption({ label: 'All types' });
  await expect(page.getByRole('heading', { level: 1, name: 'Handoff health' })).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: /^Account manager transition/ })).toBeVisible();

  await page.getByRole('button', { name: 'Edit Account manager transition' }).click();
  await page.getByRole('button', { name: /Save/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved Account manager transition, version 2' })).toBeVisible();
  await expectAccessible(page);
});
