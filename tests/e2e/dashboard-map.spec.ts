// The dashboard's Map with the demo agency loaded: the flows table's figures equal the ones computed
// here, independently, from the workspace's own log (exported as the app exports it); each flow's
// "Show handoffs" lists its handoffs; "Show people" switches to sender → receiver; axe clean in light
// and dark; at 360 px the table scrolls and nothing overlaps.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { formatHours, formatPercent } from '../../components/dashboard/format';
import type { BatonEvent } from '../../lib/model/event';
import type { Template } from '../../lib/model/template';
import { roleName, teamRoles, type TeamRole } from '../../lib/model/team';
import { BUILT_IN_TEMPLATES } from '../../lib/templates';
import { expectAccessible } from './support/accessible.ts';
import { ROOT } from './support/baton.ts';
import { expect, test } from './support/test.ts';

type Result<T> = { ok: true; data: T } | { ok: false; problem: { message: string } };
const send = <T,>(page: Page, message: unknown) =>
  page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message) as Promise<Result<T>>;

interface Expected {
  from: string;
  to: string;
  handoffs: number;
  median: string;
  firstPass: string;
  automated: string;
  ids: string[];
  senders: string[];
}

/**
 * The flows of the log's handoffs sent in [start, end), by the roles of each handoff's template
 * version (a template without roles: its own flow, named by its "from" and "to" text), worked out
 * from the events themselves: first send, first confirmation, gap rounds.
 */
function expectedFlows(events: BatonEvent[], start: number, end: number): Expected[] {
  const templates: Template[] = [...BUILT_IN_TEMPLATES];
  let roles: readonly TeamRole[] | undefined;
  const rules = new Map<string, { name: string; enabled: boolean; templateId: string }>();
  const handoffs = new Map<string, { templateId: string; version: number; sender: string; sent?: number; confirmed?: number; rounds: number }>();
  for (const e of events) {
    const p = e.payload as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the log's own payloads
    const at = Date.parse(e.at);
    const h = handoffs.get(e.entity.id);
    if (e.type === 'workspace.created' && p.workspace.roles) roles = p.workspace.roles;
    if (e.type === 'workspace.updated' && p.roles) roles = p.roles;
    if (e.type === 'template.saved') templates.push(p.template);
    if (e.type === 'rule.saved') rules.set(e.entity.id, { name: p.rule.name, enabled: p.rule.enabled, templateId: p.rule.start.templateId });
    if (e.type === 'rule.deleted') rules.delete(e.entity.id);
    if (e.type === 'handoff.created') handoffs.set(e.entity.id, { templateId: p.templateId, version: p.templateVersion, sender: e.actor, rounds: 0 });
    if (e.type === 'handoff.sent' && h) h.sent ??= at;
    if (e.type === 'handoff.confirmed' && h) h.confirmed ??= at;
    if (e.type === 'handoff.gaps_raised' && h) h.rounds += 1;
  }
  const names = teamRoles({ roles: roles as TeamRole[] | undefined });
  const flows = new Map<string, Expected & { waits: number[]; confirmedCount: number; firstPassCount: number; templateIds: Set<string> }>();
  for (const [id, h] of handoffs) {
    if (h.sent === undefined || h.sent < start || h.sent >= end) continue;
    const t = templates.find((x) => x.id === h.templateId && x.version === h.version)!;
    const [key, from, to] = t.fromRoleId && t.toRoleId ? [`${t.fromRoleId}>${t.toRoleId}`, roleName(names, t.fromRoleId), roleName(names, t.toRoleId)] : [t.id, t.fromRole, t.toRole];
    const flow = flows.get(key) ?? { from, to, handoffs: 0, median: '', firstPass: '', automated: '', ids: [], senders: [], waits: [], confirmedCount: 0, firstPassCount: 0, templateIds: new Set<string>() };
    flow.handoffs += 1;
    flow.ids.push(id);
    flow.senders.push(h.sender);
    flow.templateIds.add(h.templateId);
    if (h.confirmed !== undefined) {
      flow.waits.push(Math.max(0, h.confirmed - h.sent) / 3_600_000);
      flow.confirmedCount += 1;
      if (h.rounds === 0) flow.firstPassCount += 1;
    }
    flows.set(key, flow);
  }
  return [...flows.values()].map((f) => {
    const w = [...f.waits].sort((a, b) => a - b);
    const median = w.length === 0 ? null : w.length % 2 ? w[(w.length - 1) / 2]! : (w[w.length / 2 - 1]! + w[w.length / 2]!) / 2;
    const by = [...rules.values()].filter((r) => r.enabled && f.templateIds.has(r.templateId)).map((r) => r.name).sort();
    return {
      from: f.from,
      to: f.to,
      handoffs: f.handoffs,
      median: formatHours(median),
      firstPass: formatPercent(f.confirmedCount ? f.firstPassCount / f.confirmedCount : null),
      automated: by.length ? `Automated: ${by.join(', ')}` : 'No',
      ids: f.ids,
      senders: f.senders,
    };
  });
}

const row = (f: Pick<Expected, 'from' | 'to' | 'handoffs' | 'median' | 'firstPass' | 'automated'>) => [f.from, f.to, String(f.handoffs), f.median, f.firstPass, f.automated].join(' | ');

async function tableRows(page: Page): Promise<string[]> {
  return page
    .getByRole('table', { name: 'Handoff flows' })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())).map((c) => [c[0], c[1], c[2], c[3], c[4], c[8]].join(' | ')));
}

test('the Map draws the demo agency’s handoff flows with the log’s own figures', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html#demo');
  await expect(options.getByRole('status').filter({ hasText: 'Loaded the demo agency' })).toBeVisible();
  const backup = await send<{ events: BatonEvent[] }>(options, { type: 'data/export' });
  if (!backup.ok) throw new Error(backup.problem.message);

  const page = await baton.openExtensionPage('dashboard.html');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: 'Map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Map' })).toBeVisible();
  for (const chart of ['Handoff map', 'Risk × frequency']) {
    const figure = page.getByRole('region', { name: chart });
    await expect(figure.getByRole('img')).toHaveAttribute('data-drawn', 'true');
    await expect(figure.getByRole('img')).toHaveAccessibleName(/^(Sankey|Bubble) (diagram|chart) of/);
  }
  await expect(page.getByRole('region', { name: 'Risk × frequency' })).toContainText('Risk is the expected cost of one handoff');

  // The figures are the log's: worked out here from the same events, for the period the page shows (UTC).
  const from = await page.getByRole('textbox', { name: 'From', exact: true }).inputValue();
  const to = await page.getByRole('textbox', { name: 'To', exact: true }).inputValue();
  const end = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
  const expected = expectedFlows(backup.data.events, Date.parse(`${from}T00:00:00Z`), end);
  expect(expected.length).toBeGreaterThan(2);
  await expect.poll(async () => (await tableRows(page)).sort()).toEqual(expected.map(row).sort());
  if (process.env.BATON_SCREENSHOTS === '1') await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'dashboard-map.png'), fullPage: true });

  // Each flow's handoffs: the busiest one's list has as many rows as the flow has handoffs.
  const busiest = [...expected].sort((a, b) => b.handoffs - a.handoffs)[0]!;
  const flowName = `${busiest.from} → ${busiest.to}`;
  await page.getByRole('button', { name: `Show handoffs ${flowName}`, exact: true }).click();
  const list = page.getByRole('table', { name: `Handoffs: ${flowName}` });
  await expect(list.locator('tbody tr')).toHaveCount(busiest.handoffs);
  await expect(list.getByRole('button', { name: /.+/ })).toHaveCount(busiest.handoffs);
  await expectAccessible(page);

  // Between people: one row per sender → receiver pair; the same handoffs in all.
  await page.getByRole('button', { name: 'Show people' }).click();
  await expect(page.getByRole('button', { name: 'Show people' })).toHaveAttribute('aria-pressed', 'true');
  const total = expected.reduce((n, f) => n + f.handoffs, 0);
  await expect
    .poll(async () => (await tableRows(page)).reduce((n, r) => n + Number(r.split(' | ')[2]), 0))
    .toBe(total);
  await page.getByRole('button', { name: 'Show people' }).click();

  // At 360 px: the table scrolls inside its box, the page does not, and the sections do not overlap.
  await page.setViewportSize({ width: 360, height: 800 });
  const scroller = page.getByRole('group', { name: 'Handoff flows, scrolls sideways' });
  await expect.poll(() => scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const boxes = await page.locator('main section').evaluateAll((sections) => sections.map((s) => s.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })));
  for (const [i, box] of boxes.entries()) {
    expect(box.right).toBeLessThanOrEqual(360);
    const next = boxes[i + 1];
    if (next) expect(next.top).toBeGreaterThanOrEqual(box.bottom - 1);
  }
  await page.getByRole('button', { name: `Show handoffs ${flowName}`, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(list.locator('tbody tr')).toHaveCount(busiest.handoffs);
  // Opened from the keyboard: focus moves to the list's heading.
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Handoffs: `) })).toBeFocused();
  await expectAccessible(page);
});
