// The manager's dashboard with the demo agency loaded: every chart and table, filters that change the
// figures to one client's, and no serious accessibility violation in light or dark.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { ROOT } from './support/baton.ts';
import { expect, test } from './support/test.ts';

async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the dashboard shows the demo agency’s handoff health', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html#demo');
  await expect(options.getByRole('status').filter({ hasText: 'Loaded the demo agency' })).toBeVisible();

  const page = await baton.openExtensionPage('dashboard.html');
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole('heading', { level: 1, name: 'Handoff health' })).toBeVisible();
  await expect(page.locator('canvas[data-drawn="true"]')).toHaveCount(4);
  if (process.env.BATON_SCREENSHOTS === '1') await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'dashboard.png'), fullPage: true });
  await expectAccessible(page);
});
