// Settings → Workflow at 360 px: an admin adds a rule by keyboard, the rule reads as one sentence; then a
// draft that rule started (restored from a backup, as the rule engine would append it) waits in the
// popup under "Started by a rule". Axe-clean in light and dark, nothing wider than the viewport.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeEvent } from '../../lib/events/make-event';
import type { Backup } from '../../lib/messaging/protocol';
import type { Client } from '../../lib/model/client';
import type { Member } from '../../lib/model/member';
import type { Rule } from '../../lib/model/rule';
import { ruleEventIds } from '../../lib/workflow/rule-ids';
import { expect, test } from './support/test.ts';

type Result<T> = { ok: true; data: T } | { ok: false; problem: { message: string } };
async function send<T>(page: Page, message: unknown): Promise<T> {
  const reply = (await page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message)) as Result<T>;
  if (!reply.ok) throw new Error(reply.problem.message);
  return reply.data;
}

/** No serious or critical axe violation inside `selector`, in light and in dark, and it fits the viewport's width. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // Nothing in it wider than the 360 px it is given.
  expect(await page.locator(selector).evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
}

test('an admin adds a rule in Settings → Workflow, and the draft it starts waits in the popup', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html#demo');
  await expect(options.getByRole('status').filter({ hasText: 'Loaded the demo agency' })).toBeVisible();
  await options.setViewportSize({ width: 360, height: 800 });
  const rules = options.getByRole('region', { name: 'Workflow' }).getByRole('region', { name: 'Rules' });
  // Every new agency (the demo too) starts with the two default rules.
  await expect(rules.getByRole('listitem')).toHaveCount(2);
  await expect(rules.getByRole('listitem').filter({ hasText: 'Launch → reporting after media buying is confirmed' })).toHaveCount(1);
  await expect(rules.getByRole('listitem').filter({ hasText: 'Brief → creative when a task moves to Ready for creative' })).toHaveCount(1);
  await expect(options.getByRole('region', { name: 'Asana' })).toContainText('Asana needs the team hub');

  await rules.getByRole('button', { name: 'Add rule' }).click();
  const form = options.getByRole('form', { name: 'Rule' });
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await options.keyboard.type('Creative brief when ready');
  await form.getByLabel('Section name', { exact: true }).fill('Ready for creative');
  await form.getByLabel('Start', { exact: true }).selectOption({ label: 'Brief → creative' });
  await form.getByLabel('From', { exact: true }).selectOption('role:strategist');
  await form.getByLabel('To', { exact: true }).selectOption('role:creative');
  await form.getByLabel('Objective', { exact: true }).selectOption('task.notes');
  await expectAccessible(options, '#workflow');
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form).toHaveCount(0);
  await expect(rules.getByRole('listitem')).toHaveCount(3);
  const row = rules.getByRole('listitem').filter({ hasText: 'Creative brief when ready' });
  await expect(row).toContainText('When a task moves to “Ready for creative” → start Brief → creative from the client’s strategist to the client’s creative');
  await expect(row.getByRole('button', { name: 'Turn off' })).toBeVisible();
  await expectAccessible(options, '#workflow');

  // The rule engine's draft for me, from an Asana task: through a restore of this workspace's own log.
  const rule = (await send<{ rules: Rule[] }>(options, { type: 'rules/list' })).rules.find((r) => r.name === 'Creative brief when ready');
  const me = await send<Member>(options, { type: 'me/get' });
  const receiver = (await send<Member[]>(options, { type: 'members/list' })).find((m) => m.id !== me.id)!;
  const client = (await send<Client[]>(options, { type: 'clients/list' }))[0]!;
  const backup = await send<Backup>(options, { type: 'data/export' });
  const key = 'asana:1209000000000077:section:1209000000000099:2026-12-06T20:00:00.000Z';
  const ids = ruleEventIds(rule!.id, key);
  const url = 'https://app.asana.com/0/1209000000000001/1209000000000077';
  const label = 'Task “Spring launch” moved to Ready for creative';
  backup.events.push(
    makeEvent('handoff.created', me.id, ids.handoffId, {
      clientId: client.id, templateId: 'brief-to-creative', templateVersion: 1, title: 'Spring launch brief', receiverId: receiver.id,
      sources: { asanaTask: { id: '1209000000000077', name: 'Spring launch', url } },
      startedBy: { ruleId: rule!.id, ruleName: rule!.name, trigger: { kind: 'asana.section', key, label, url } },
    }, { id: ids.eventId }),
  );
  await send(options, { type: 'data/import', backup });

  const popup = await baton.context.newPage();
  await popup.setViewportSize({ width: 360, height: 640 });
  await popup.goto(`chrome-extension://${baton.extensionId}/popup.html`);
  const started = popup.getByRole('region', { name: 'Started by a rule' });
  const draft = started.getByRole('button', { name: /Spring launch brief/ });
  await expect(draft).toContainText(client.name);
  await expect(draft).toContainText(`awaiting you: a rule started this handoff · ${label}`);
  await expectAccessible(popup, 'main');
});
