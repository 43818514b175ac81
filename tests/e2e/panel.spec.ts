// The side panel as people use it: a client at a glance, a handoff from an email, linking an
// unknown page, notes and history. The panel runs as a tab (chrome-extension://<id>/sidepanel.html).
import type { Page } from '@playwright/test';
import { salesToAm } from '../../lib/templates/sales-to-am.ts';
import { fillSalesToAm } from './support/team.ts';
import { expectAccessible } from './support/accessible.ts';
import { addClients, expect, openSidePanel, openSite, test } from './support/test.ts';

const CLIENT = 'Northwind Outfitters';

type Chrome = {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  windows: { getCurrent(): Promise<{ id?: number }> };
  storage: { session: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
};

/** A teammate to hand off to, added through the protocol (the options page's team UI is someone else's test). */
async function addMember(page: Page, name: string, email: string): Promise<void> {
  const reply = await page.evaluate(
    ([name, email]) => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'member/add', name, email }),
    [name, email] as const,
  );
  expect(reply).toMatchObject({ ok: true });
}

/** Sends one request to the background from an extension page, as the panel does. */
async function request<T>(page: Page, message: Record<string, unknown>): Promise<T> {
  const reply = (await page.evaluate((m) => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage(m), message)) as { ok: boolean; data: T };
  expect(reply, JSON.stringify(message)).toMatchObject({ ok: true });
  return reply.data;
}

/** What the background does when a capture or a prompt asks this window's panel to show something. */
async function showInPanel(panel: Page, intent: Record<string, unknown>): Promise<void> {
  await panel.evaluate(async (intent) => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const window = await chrome.windows.getCurrent();
    await chrome.storage.session.set({ [`baton:intent:${window.id}`]: { ...intent, at: new Date().toISOString() } });
  }, intent);
}

/** Nothing wider than the browser's side panel (360 px): no sideways scrolling. */
async function expectFitsSidePanel(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('a Gmail thread: the client at a glance, then a sales → AM handoff filled from the thread and sent', async ({ baton }) => {
  // Six axe runs and a whole form: more than the default minute on a busy two-core machine.
  test.slow();
  await addClients(baton, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
  const { site } = await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  await addMember(panel, 'Tom Akers', 'tom.akers@brightlane.agency');

  await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Open handoffs' })).toContainText('Nothing open');
  await expect(panel.getByRole('region', { name: 'History' })).toBeVisible();
  await expectAccessible(panel);
  await expectFitsSidePanel(panel);

  await panel.getByRole('button', { name: 'Start handoff' }).click();
  // The thread suggests the sales handoff first: it starts at once, another template one click away;
  // focus follows the navigation.
  await expect(panel.getByRole('heading', { level: 1, name: salesToAm.name })).toBeFocused();
  await expect(panel.getByRole('button', { name: 'Change template' })).toBeVisible();
  // The optional fields are folded under one button at first.
  await panel.getByRole('button', { name: /^Optional details/ }).click();
  for (const field of salesToAm.fields) {
    await expect(panel.getByLabel(field.label, { exact: true }), `a control labelled “${field.label}”`).toBeVisible();
    await expect(panel.getByLabel(field.label, { exact: true })).toHaveAccessibleDescription(field.help);
  }
  // Prefilled from the thread: its subject, the client's people on it, a link back to it.
  const subject = site.expected.thread!.subject!.replace(/^(re|fwd?):\s*/i, '');
  await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue(subject);
  const stakeholders = panel.getByLabel('Stakeholder contacts', { exact: true });
  const emails = await stakeholders.getByRole('textbox', { name: 'Email' }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(emails).toContain('maya.okafor@northwindoutfitters.com');
  // Never the agency's own people or the signed-in user.
  expect(emails.filter((e) => !e.endsWith('@northwindoutfitters.com'))).toEqual([]);
  await expect(panel.getByRole('list', { name: 'Started from' }).getByRole('link')).toHaveAttribute('href', site.url);

  await expectAccessible(panel);
  const meter = panel.getByRole('progressbar', { name: 'Completeness' });
  await expect(meter).toHaveAttribute('aria-valuenow', '1');
  const missing = panel.getByRole('list', { name: 'Missing' });
  await expect(missing).toContainText('Add at least one item to “Primary goals”.');
  // Each reason leads to its field.
  await missing.getByRole('button', { name: 'Add at least one item to “Primary goals”.' }).click();
  await expect(panel.getByLabel('Primary goals', { exact: true })).toBeFocused();
  await missing.getByRole('button', { name: /“Commitments made”/ }).click();
  await expect(panel.getByLabel('Commitments made', { exact: true }).getByRole('button', { name: 'Add target' })).toBeFocused();

  await fillSalesToAm(panel);
  await expectFitsSidePanel(panel);
  await expect(panel.getByText('Everything the receiver needs is here.')).toBeVisible();

  await panel.getByRole('combobox', { name: 'Receiver' }).selectOption({ label: 'Tom Akers (tom.akers@brightlane.agency)' });
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await panel.getByRole('button', { name: 'Send handoff' }).click();

  await expect(panel.getByRole('heading', { level: 1, name: subject })).toBeFocused();
  await expect(panel.getByText('State: Sent')).toBeVisible();
  await expect(panel.getByRole('group', { name: 'Primary goals' })).toContainText('Launch in Canada');
  // The sender may cancel, not confirm: that is the receiver's move.
  await expect(panel.getByRole('button', { name: 'Cancel handoff' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Confirm receipt' })).toHaveCount(0);
  await expectAccessible(panel);
  // Held a few seconds for an Undo (issue 14), then it goes out by itself (axe may take longer than the window).
  await expect(panel.getByRole('region', { name: 'Undo' })).toHaveCount(0, { timeout: 15_000 });

  // The draft replaced the template picker: one step back is the client again.
  await panel.getByRole('button', { name: 'Back' }).click();
  const open = panel.getByRole('region', { name: 'Open handoffs' });
  await expect(open.getByRole('button', { name: new RegExp(subject) })).toContainText('Sent');
  await expect(open).toContainText('Tom Akers');
});

test('"Link to client" on an unknown ad account creates the client and the panel switches to it', async ({ baton }) => {
  await openSite(baton, 'google-ads-overview');
  const panel = await openSidePanel(baton);
  // An empty profile starts on the first-run path (tests/e2e/first-handoff.spec.ts): set aside here.
  await panel.getByRole('button', { name: 'Skip setup' }).click();
  await expect(panel.getByRole('heading', { level: 1, name: 'No client for this page' })).toBeVisible();

  await panel.getByRole('button', { name: 'Link to client' }).click();
  await panel.getByRole('textbox', { name: 'New client name' }).fill('Harbor & Pine');
  await panel.getByRole('button', { name: 'Create and link' }).click();

  await expect(panel.getByRole('heading', { level: 1, name: 'Harbor & Pine' })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Open handoffs' })).toBeVisible();
  // It sticks: the account is the client's now, for a freshly loaded panel too.
  await panel.reload();
  await expect(panel.getByRole('heading', { level: 1, name: 'Harbor & Pine' })).toBeVisible();
});

test('quick notes land in the history, which narrows by words and by kind', async ({ baton }) => {
  await addClients(baton, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
  await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  const history = panel.getByRole('region', { name: 'History' });
  await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();

  await history.getByRole('button', { name: 'Add decision' }).click();
  await history.getByRole('textbox', { name: 'Decision' }).fill('Pause TikTok until the new creative lands');
  // A decision without its rationale is refused, and nothing typed is lost.
  await history.getByRole('button', { name: 'Add decision' }).click();
  await expect(history.getByRole('alert')).toContainText('rationale');
  await expect(history.getByRole('textbox', { name: 'Decision' })).toHaveValue('Pause TikTok until the new creative lands');
  await history.getByRole('textbox', { name: 'Rationale' }).fill('CPA doubled with the old hooks');
  await history.getByRole('button', { name: 'Add decision' }).click();

  await history.getByRole('button', { name: 'Add call summary' }).click();
  await history.getByRole('textbox', { name: 'Summary' }).fill('Weekly call: Q3 budget approved');
  await history.getByRole('textbox', { name: 'Attendees' }).fill('Maya Okafor, Jane Doe');
  await history.getByRole('button', { name: 'Add call summary' }).click();

  const entries = history.getByRole('list', { name: 'History entries' }).getByRole('listitem');
  await expect(entries.filter({ hasText: 'Pause TikTok until the new creative lands' })).toContainText('Why: CPA doubled with the old hooks');
  await expect(entries.filter({ hasText: 'Weekly call: Q3 budget approved' })).toHaveCount(1);

  await history.getByRole('searchbox', { name: 'Search history' }).fill('tiktok');
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText('Pause TikTok');
  await history.getByRole('searchbox', { name: 'Search history' }).fill('');
  await history.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Call summaries' });
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText('Weekly call');

  // An open item has one owner (me unless I choose someone) until it is done.
  const items = panel.getByRole('region', { name: 'Open items' });
  await items.getByRole('button', { name: 'Add item' }).click();
  await items.getByRole('textbox', { name: 'Item' }).fill('Send Maya the signed SOW');
  await items.getByRole('button', { name: 'Add item' }).click();
  const me = await request<{ name: string }>(panel, { type: 'me/get' });
  await expect(items.getByRole('listitem').filter({ hasText: 'Send Maya the signed SOW' })).toContainText(me.name);
  await items.getByRole('button', { name: 'Mark “Send Maya the signed SOW” done' }).click();
  await expect(items.getByRole('listitem')).toHaveCount(0);
  await expect(items).toContainText('No open items.');
});

test('a panel intent for the window opens what it names, once', async ({ baton }) => {
  await addClients(baton, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
  await openSite(baton, 'gmail-inbox');
  const panel = await openSidePanel(baton);
  const clientId = await panel.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const clients = (await chrome.runtime.sendMessage({ type: 'clients/list' })) as { data: { id: string }[] };
    return clients.data[0]!.id;
  });
  const key = await panel.evaluate(async (clientId) => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const window = await chrome.windows.getCurrent();
    const key = `baton:intent:${window.id}`;
    await chrome.storage.session.set({ [key]: { kind: 'client', clientId, at: new Date().toISOString() } });
    return key;
  }, clientId);
  await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toBeFocused();
  await expect.poll(() => panel.evaluate((key) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get(key), key)).toEqual({});
  await panel.getByRole('button', { name: 'Back' }).click();
  await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toHaveCount(0);
});

test('the receiver raises gaps on fields; the sender answers theirs (demo agency)', async ({ baton }) => {
  test.slow();
  const panel = await openSidePanel(baton);
  await request(panel, { type: 'demo/load' });
  type H = { id: string; title: string; state: string; templateId: string };
  const awaiting = await request<H[]>(panel, { type: 'handoffs/awaiting-me' });
  // A sales → AM handoff: the fields named below are that template's.
  const toConfirm = awaiting.find((h) => h.state === 'sent' && h.templateId === 'sales-to-am')!;

  await showInPanel(panel, { kind: 'handoff', handoffId: toConfirm.id });
  await expect(panel.getByRole('heading', { level: 1, name: toConfirm.title })).toBeFocused();
  await expect(panel.getByRole('button', { name: 'Confirm receipt' })).toBeVisible();
  await expectAccessible(panel);
  await panel.getByRole('button', { name: 'Raise gaps' }).click();
  const form = panel.getByRole('form', { name: 'Raise gaps' });
  await form.getByRole('checkbox', { name: 'Commitments made' }).check();
  await form.getByRole('textbox', { name: 'Question' }).fill('Was the ROAS target checked against their margins?');
  await form.getByRole('button', { name: 'Add another question' }).click();
  await form.getByRole('group', { name: 'Gap 2' }).getByRole('checkbox', { name: 'Budget' }).check();
  await form.getByRole('group', { name: 'Gap 2' }).getByRole('textbox', { name: 'Question' }).fill('Who approves budget increases?');
  await form.getByRole('button', { name: 'Raise gaps' }).click();

  await expect(panel.getByText('State: Gaps raised')).toBeVisible();
  // Each question hangs under the field it is about; confirming waits for the answers.
  await expect(panel.getByRole('group', { name: 'Commitments made' }).getByRole('list', { name: 'Gaps' })).toContainText('Was the ROAS target checked');
  await expect(panel.getByRole('group', { name: 'Budget' }).getByRole('list', { name: 'Gaps' })).toContainText('Who approves budget increases?');
  await expect(panel.getByRole('button', { name: 'Confirm receipt' })).toHaveCount(0);
  await expect(panel.getByText('Gaps are open: the sender must answer them before you confirm.')).toBeVisible();

  const sent = await request<H[]>(panel, { type: 'handoffs/sent-by-me' });
  const questioned = sent.find((h) => h.state === 'gaps_raised')!;
  await showInPanel(panel, { kind: 'handoff', handoffId: questioned.id });
  await expect(panel.getByRole('heading', { level: 1, name: questioned.title })).toBeFocused();
  await panel.getByRole('button', { name: 'Answer gaps' }).click();
  const answers = panel.getByRole('form', { name: 'Answer gaps' }).getByRole('textbox');
  const count = await answers.count();
  for (let i = 0; i < count; i++) await answers.nth(i).fill(`Answered in full, point ${i + 1}.`);
  await panel.getByRole('form', { name: 'Answer gaps' }).getByRole('button', { name: 'Answer gaps' }).click();
  await expect(panel.getByText('State: Gaps answered')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Gaps' }).first()).toContainText('Answered in full, point 1.');
  await expect(panel.getByRole('list', { name: 'Activity' })).toContainText('answered');
});

test('an incomplete handoff goes out only with a written reason, which the receiver sees', async ({ baton }) => {
  await addClients(baton, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
  await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  await addMember(panel, 'Tom Akers', 'tom.akers@brightlane.agency');
  await panel.getByRole('button', { name: 'Start handoff' }).click();
  // The thread suggests sales → AM, started at once: one click to change it.
  await panel.getByRole('button', { name: 'Change template' }).click();
  await panel.getByRole('button', { name: 'Brief → creative' }).click();
  await panel.getByRole('combobox', { name: 'Receiver' }).selectOption({ label: 'Tom Akers (tom.akers@brightlane.agency)' });

  const reason = panel.getByRole('textbox', { name: 'Reason for sending incomplete' });
  await expect(reason).toHaveAccessibleDescription(/still missing/);
  await panel.getByRole('button', { name: 'Send handoff' }).click();
  await expect(panel.getByRole('alert')).toContainText('say why it goes out anyway');
  await reason.fill('Client call at 3 pm; the rest follows tonight.');
  await panel.getByRole('button', { name: 'Send handoff' }).click();

  await expect(panel.getByText('State: Sent')).toBeVisible();
  await expect(panel.getByText('Sent incomplete: Client call at 3 pm; the rest follows tonight.')).toBeVisible();
});

test('a failure logged from the client view lands in its History with category, hours, cost and handoff', async ({ baton }) => {
  await addClients(baton, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
  const panel = await openSidePanel(baton);
  // A handoff that went out, for the failure to follow (made through the protocol: the form is another test's).
  await addMember(panel, 'Tom Akers', 'tom.akers@brightlane.agency');
  const clients = await request<{ id: string; name: string }[]>(panel, { type: 'clients/list' });
  const members = await request<{ id: string; email: string }[]>(panel, { type: 'members/list' });
  const clientId = clients.find((c) => c.name === CLIENT)!.id;
  const tom = members.find((m) => m.email === 'tom.akers@brightlane.agency')!;
  const draft = await request<{ id: string; title: string }>(panel, { type: 'handoff/start', clientId, templateId: 'brief-to-creative' });
  await request(panel, { type: 'handoff/update', id: draft.id, receiverId: tom.id });
  await request(panel, { type: 'handoff/send', id: draft.id, overrideReason: 'Kick-off is in an hour; the rest follows.' });
  // The client's view by name, not by the followed tab: axe opens a tab of its own, which a followed view would follow.
  await showInPanel(panel, { kind: 'client', clientId });
  await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toBeFocused();

  const history = panel.getByRole('region', { name: 'History' });
  await history.getByRole('button', { name: 'Log failure' }).click();
  const form = history.getByRole('form', { name: 'Log failure' });
  await expect(form.getByRole('combobox', { name: 'Category' })).toBeFocused();
  // Nothing typed: refused in the form's alert, nothing logged.
  await form.getByRole('button', { name: 'Log failure' }).click();
  await expect(form.getByRole('alert')).toContainText('Choose a category.');
  await form.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Missing context' });
  await form.getByRole('spinbutton', { name: 'Hours to repair' }).fill('2.5');
  await form.getByRole('textbox', { name: 'What happened' }).fill('Six landing pages written in the default tone, all rejected.');
  await form.getByRole('combobox', { name: 'Linked handoff' }).selectOption({ label: `${draft.title} (Sent)` });
  await expectAccessible(panel);
  await expectFitsSidePanel(panel);
  await form.getByRole('button', { name: 'Log failure' }).click();

  await expect(form).toHaveCount(0);
  await expect(history.getByRole('button', { name: 'Log failure' })).toBeFocused();
  const entry = history.getByRole('list', { name: 'History entries' }).getByRole('listitem').filter({ hasText: 'Six landing pages written in the default tone' });
  await expect(entry).toContainText('Failure: Six landing pages written in the default tone, all rejected.');
  await expect(entry).toContainText('Category: Missing context');
  await expect(entry).toContainText('Hours to repair: 2.5 h');
  await expect(entry).toContainText('Cost: $188');
  await expect(entry).toContainText(`Handoff: ${draft.title}`);
  await history.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Failures' });
  await expect(history.getByRole('list', { name: 'History entries' }).getByRole('listitem')).toHaveCount(1);
});
