// Issue 15's end-to-end acceptance: a task of a linked Asana project (the local Asana) moves to "Ready
// for creative" → the hub verifies the signed delivery and starts a brief → creative draft for the
// client's strategist (Tom) addressed to its creative (Ana); Tom and the account manager watching (Jane)
// are told; Slack hears of it once. Tom completes and sends it in the panel, Ana confirms, and the task
// gets Baton's comments and is assigned to Ana; Slack says each moment once. Then a delivery is lost
// and the hub's poll of the Events API still starts the draft within its period.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessible.ts';
import { launchBaton, mustRequest, type Baton } from './support/baton.ts';
import { recordNotifications } from './support/notifications.ts';
import { openPanelWithIntent, recordIntents } from './support/panel-intents.ts';
import { JANE, joinHub, NORTHWIND, TOM, type Person } from './support/team.ts';
import { addClient, expect, openSidePanel, test } from './support/test.ts';
import { expectMembers, POLL_SECONDS, SLACK_HOOK, startWorkflowHub, type WorkflowHub } from './support/workflow-hub.ts';

const ANA: Person = { name: 'Ana Lopes', email: 'ana.lopes@brightlane.agency', role: 'member' };
const RULE = 'Brief → creative when a task moves to Ready for creative';
const NOTES = 'Refresh the homepage hero for the spring range: lighter, more outdoors.';

/** Jane's Settings → Workflow: Asana connected with the bot's token, the workspace's Slack channel, and the default rule checked. */
async function janeSetsUpTheWorkflow(options: Page, setup: WorkflowHub, projectGid: string): Promise<void> {
  const workflow = options.getByRole('region', { name: 'Workflow' });
  const asana = workflow.getByRole('region', { name: 'Asana' });
  await asana.getByLabel('Asana access token', { exact: true }).fill(setup.asana.token);
  await asana.getByRole('button', { name: 'Connect Asana' }).click();
  await expect(asana).toContainText('Connected as Baton bot (baton-bot@agency.example)', { timeout: 15_000 });

  const slack = workflow.getByRole('region', { name: 'Slack' });
  await slack.getByRole('textbox', { name: 'Workspace Slack webhook URL' }).fill(setup.slack.url(SLACK_HOOK));
  await slack.getByRole('form', { name: 'Slack channels' }).getByRole('button', { name: 'Save' }).click();
  await expect(slack).toContainText('Saved. New handoff moments are posted there.');

  await addClient(options, NORTHWIND, [`asana-project:${projectGid}`, 'email-domain:northwindoutfitters.com']);

  // A new agency's hub has this rule by default (lib/workflow/default-rules.ts): Jane finds it on, writing
  // back a comment and assigning the task on confirmation.
  const rules = workflow.getByRole('region', { name: 'Rules' });
  const rule = rules.getByRole('listitem').filter({ hasText: RULE });
  await expect(rule).toContainText('from the client’s strategist to the client’s creative');
  await rule.getByRole('button', { name: 'Edit' }).click();
  const form = options.getByRole('form', { name: 'Rule' });
  await expect(form.getByLabel('Objective', { exact: true })).toHaveValue('task.notes');
  await expect(form.getByLabel('Deadline', { exact: true })).toHaveValue('task.due_on');
  await expect(form.getByRole('checkbox', { name: 'Comment on the task' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Assign the task to the receiver on confirmation' })).toBeChecked();
  await form.getByRole('button', { name: 'Cancel' }).click();
}

/** Jane's panel on Northwind: Edit team → account manager Jane, strategist Tom, creative Ana. */
async function janeSetsTheTeam(jane: Baton, clientId: string): Promise<void> {
  const panel = await openSidePanel(jane);
  const windowId = await panel.evaluate(async () => (await (globalThis as unknown as { chrome: { windows: { getCurrent(): Promise<{ id: number }> } } }).chrome.windows.getCurrent()).id);
  await mustRequest(panel, { type: 'panel/intent', windowId, intent: { kind: 'client', clientId } });
  const team = panel.getByRole('region', { name: 'Client team' });
  await team.getByRole('button', { name: 'Edit team' }).click();
  await team.getByRole('combobox', { name: 'Account manager' }).selectOption({ label: JANE.name });
  await team.getByRole('combobox', { name: 'Strategist' }).selectOption({ label: TOM.name });
  await team.getByRole('combobox', { name: 'Creative' }).selectOption({ label: ANA.name });
  await team.getByRole('button', { name: 'Save team' }).click();
  await expect(team.getByRole('button', { name: 'Edit team' })).toBeVisible();
  await expect(team).toContainText(ANA.name);
  await panel.close();
}

/** Tom's popup lists the draft titled like `task` under "Started by a rule"; clicking it opens his panel on it. */
async function tomOpensFromPopup(tom: Baton, tomOptions: Page, task: string, axe: boolean): Promise<{ panel: Page; handoffId: string }> {
  const popup = await tom.openExtensionPage('popup.html');
  const started = popup.getByRole('region', { name: 'Started by a rule' }).getByRole('button', { name: new RegExp(task) });
  await expect(started).toContainText('awaiting you: a rule started this handoff', { timeout: 25_000 });
  await expect(started).toContainText(NORTHWIND);
  if (axe) await expectAccessible(popup);
  const intents = await recordIntents(tomOptions);
  await started.click();
  // The click writes the intent for the panel (a real side panel may take it too, and write it again).
  await expect.poll(async () => (await intents()).some((i) => i.kind === 'handoff')).toBe(true);
  const intent = (await intents()).findLast((i) => i.kind === 'handoff');
  if (!popup.isClosed()) await popup.close();
  return { panel: await openPanelWithIntent(tom, tomOptions, intent!), handoffId: String(intent!.handoffId) };
}

/** Tom completes the brief's required fields the rule did not prefill. */
async function tomCompletesTheBrief(panel: Page): Promise<void> {
  await panel.getByLabel('Audience', { exact: true }).fill('Returning customers, 25–45, UK.');
  await panel.getByLabel('Deliverables', { exact: true }).fill('Homepage hero, desktop and mobile\nThree social cut-downs');
  await panel.getByLabel('Approved tone of voice', { exact: true }).fill('https://docs.example.com/northwind/tov');
  await panel.getByLabel('Brand guidelines', { exact: true }).fill('https://docs.example.com/northwind/brand');
  await panel.getByLabel('Brief walkthrough', { exact: true }).fill('2026-12-10');
  const approvers = panel.getByRole('group', { name: 'Approvers' });
  await approvers.getByRole('button', { name: 'Add person' }).click();
  await approvers.getByRole('textbox', { name: 'Name' }).fill('Maya Okafor');
  await approvers.getByRole('textbox', { name: 'Role' }).fill('CMO');
  await approvers.getByRole('textbox', { name: 'Email' }).fill('maya@northwindoutfitters.com');
  await panel.getByLabel('Considered and rejected', { exact: true }).fill('A discount-led hero: rejected, it erodes margin.');
}

test('a task moved to Ready for creative in Asana starts the brief for the strategist; sent, confirmed, written back to Asana and said in Slack once each; a lost delivery is recovered by the poll', async ({ baton: jane }) => {
  test.setTimeout(240_000);
  const began = Date.now();
  const setup = await startWorkflowHub('Brightlane', [JANE, TOM, ANA]);
  const { asana, slack } = setup;
  const project = asana.control.createProject('Northwind — Website refresh');
  const backlog = asana.control.createSection(project.gid, 'Backlog');
  const ready = asana.control.createSection(project.gid, 'Ready for creative');
  asana.control.createSection(project.gid, 'In creative');
  const hero = asana.control.createTask({ project: project.gid, section: backlog.gid, name: 'Homepage hero refresh', notes: NOTES, dueOn: '2026-12-18' });
  const lookbook = asana.control.createTask({ project: project.gid, section: backlog.gid, name: 'Spring lookbook', notes: 'Twelve looks for the spring range.', dueOn: '2027-01-15' });
  const anaInAsana = asana.control.createUser(ANA.name, ANA.email).user;
  for (const person of [JANE, TOM]) asana.control.createUser(person.name, person.email);
  const others: Baton[] = [];
  try {
    const tom = await launchBaton();
    others.push(tom);
    const ana = await launchBaton();
    others.push(ana);
    await joinHub(jane, setup.hub.url, setup.invites[0]!, JANE);
    await joinHub(tom, setup.hub.url, setup.invites[1]!, TOM);
    await joinHub(ana, setup.hub.url, setup.invites[2]!, ANA);

    const options = await jane.openExtensionPage('options.html');
    await janeSetsUpTheWorkflow(options, setup, project.gid);
    const members = await expectMembers(options, [TOM.name, ANA.name]);
    const anaId = members.find((m) => m.name === ANA.name)!.id;
    const tomId = members.find((m) => m.name === TOM.name)!.id;
    const client = (await mustRequest<{ id: string; name: string }[]>(options, { type: 'clients/list' })).find((c) => c.name === NORTHWIND)!;
    await janeSetsTheTeam(jane, client.id);

    // Tom's browser has the team and the rule (so the hub has them); the hub made the project's webhook
    // at the local Asana (handshake on its own address) and holds the poll's sync token.
    const tomOptions = await tom.openExtensionPage('options.html');
    await expect
      .poll(async () => (await mustRequest<{ id: string; team?: Record<string, string> }[]>(tomOptions, { type: 'clients/list' })).find((c) => c.id === client.id)?.team, { timeout: 20_000 })
      .toMatchObject({ strategist: tomId, creative: anaId });
    await expect.poll(async () => (await mustRequest<{ rules: { name: string }[] }>(tomOptions, { type: 'rules/list' })).rules.map((r) => r.name), { timeout: 20_000 }).toContain(RULE);
    await expect.poll(() => asana.control.webhooks().filter((w) => w.resource === project.gid && w.active).length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => asana.control.requests().some((r) => r.path === '/events' && r.status === 200), { timeout: 20_000 }).toBe(true);
    const tomShown = await recordNotifications(tom);
    const janeShown = await recordNotifications(jane);

    // 1. The move: one signed delivery, answered 2xx by the hub.
    asana.control.moveTask(hero.gid, ready.gid);
    await asana.control.settled();
    const delivered = asana.control.deliveries().filter((d) => d.body.includes(hero.gid));
    expect(delivered.length).toBeGreaterThan(0);
    for (const d of delivered) expect(d.status, d.body).toBeGreaterThanOrEqual(200);
    for (const d of delivered) expect(d.status).toBeLessThan(300);

    // 2. Tom finds the draft in his popup under "Started by a rule", and opens it in the panel.
    const { panel, handoffId } = await tomOpensFromPopup(tom, tomOptions, hero.name, true);
    const draft = await mustRequest<{ senderId: string; receiverId?: string; watcherIds?: string[]; state: string }>(tomOptions, { type: 'handoff/get', id: handoffId });
    expect(draft).toMatchObject({ senderId: tomId, receiverId: anaId, state: 'draft' });
    expect(draft.watcherIds).toContain(members.find((m) => m.name === JANE.name)!.id);
    await expect(panel.getByRole('note').filter({ hasText: 'Started by rule' })).toContainText(`Started by rule “${RULE}”: Task “${hero.name}” moved to Ready for creative`);
    await expect(panel.getByLabel('Objective', { exact: true })).toHaveValue(NOTES);
    await expect(panel.getByRole('combobox', { name: 'Receiver' })).toHaveValue(anaId);
    await expectAccessible(panel);

    // Tom and Jane (the account manager, a watcher by the template) were told; Slack heard of it once.
    const started = { title: 'A rule started a handoff', message: `Rule “${RULE}” started Brief → creative for ${NORTHWIND}: ${TOM.name} to complete it` };
    await expect.poll(tomShown, { timeout: 20_000 }).toContainEqual(started);
    await expect.poll(janeShown, { timeout: 20_000 }).toContainEqual(started);
    const link = `${setup.hub.url}/h/${handoffId}`;
    const posted = (headline: string) => slack.posted.filter((p) => p.text.includes(link) && p.text.startsWith(`*${headline}*`));
    await expect.poll(() => posted('A rule started a handoff').length, { timeout: 20_000 }).toBe(1);
    expect(posted('A rule started a handoff')[0]!.text).toContain(`Rule “${RULE}”: Task “${hero.name}” moved to Ready for creative`);

    // 3. Tom completes and sends it; Ana confirms receipt.
    await tomCompletesTheBrief(panel);
    await panel.getByRole('button', { name: 'Send handoff' }).click();
    await expect(panel.getByText('State: Sent')).toBeVisible();
    await panel.getByRole('region', { name: 'Undo' }).getByRole('button', { name: 'Send now' }).click();
    await expect(panel.getByRole('region', { name: 'Undo' })).toHaveCount(0);

    const anaOptions = await ana.openExtensionPage('options.html');
    await expect.poll(async () => (await mustRequest<{ state: string } | null>(anaOptions, { type: 'handoff/get', id: handoffId }))?.state, { timeout: 20_000 }).toBe('sent');
    const anaPanel = await openPanelWithIntent(ana, anaOptions, { kind: 'handoff', handoffId });
    await anaPanel.getByRole('button', { name: 'Confirm receipt' }).click();
    await anaPanel.getByRole('region', { name: 'Undo' }).getByRole('button', { name: 'Confirm now' }).click();
    await expect(anaPanel.getByText('State: Confirmed')).toBeVisible();
    await expect(panel.getByText('State: Confirmed')).toBeVisible({ timeout: 20_000 });

    // The task has Baton's comments (sent, confirmed) and is Ana's; Slack said each moment once.
    const comments = () => asana.control.stories(hero.gid).filter((s) => s.resource_subtype === 'comment_added').map((s) => String(s.text));
    await expect.poll(() => comments().length, { timeout: 20_000 }).toBe(2);
    expect(comments().map((text) => text.split('\n')[0])).toEqual([
      `Baton: handoff “Brief → creative” sent (${TOM.name} → ${ANA.name}); waiting for ${ANA.name} to confirm.`,
      `Baton: ${ANA.name} confirmed the handoff “Brief → creative” (${TOM.name} → ${ANA.name}).`,
    ]);
    expect(comments().every((text) => text.includes(`/h/${handoffId}`))).toBe(true);
    // Jane, watching, heard of the send and the confirmation too.
    await expect.poll(janeShown, { timeout: 20_000 }).toContainEqual({ title: 'A handoff you watch was confirmed', message: `Brief → creative for ${NORTHWIND} was confirmed by ${ANA.name}` });
    expect(await janeShown()).toContainEqual({ title: 'A handoff you watch was sent', message: `Brief → creative for ${NORTHWIND} was sent to ${ANA.name}` });
    await expect.poll(() => (asana.control.task(hero.gid).assignee as { gid?: string } | null)?.gid, { timeout: 20_000 }).toBe(anaInAsana.gid);
    await expect.poll(() => [posted('Handoff sent').length, posted('Handoff confirmed').length], { timeout: 20_000 }).toEqual([1, 1]);
    // A forged delivery of the same move is refused; the real one replayed is taken and changes nothing.
    const [first] = delivered;
    const forged = await fetch(first!.target, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hook-signature': '00'.repeat(32) }, body: first!.body });
    expect(forged.status).toBe(401);
    const replayed = await fetch(first!.target, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hook-signature': first!.signature }, body: first!.body });
    expect(replayed.status).toBe(200);
    // A few ticks and a poll period later: nothing twice.
    await new Promise((resolve) => setTimeout(resolve, POLL_SECONDS * 1000 + 1500));
    expect([posted('A rule started a handoff').length, posted('Handoff sent').length, posted('Handoff confirmed').length]).toEqual([1, 1, 1]);
    expect(comments()).toHaveLength(2);
    expect((await tomShown()).filter((n) => n.title === started.title)).toHaveLength(1);
    const backup = await mustRequest<{ events: { type: string; entity: { id: string } }[] }>(tomOptions, { type: 'data/export' });
    expect(backup.events.filter((e) => e.type === 'handoff.created').map((e) => e.entity.id)).toEqual([handoffId]);

    // 4. The delivery of the next move is lost: the poll of the Events API starts the draft within its period.
    asana.control.dropNextDeliveries(1);
    const moved = Date.now();
    asana.control.moveTask(lookbook.gid, ready.gid);
    await asana.control.settled();
    expect(asana.control.deliveries().filter((d) => d.body.includes(lookbook.gid) && d.status !== null && d.status < 300)).toHaveLength(0);
    const recovered = await tomOpensFromPopup(tom, tomOptions, lookbook.name, false);
    // The poll period, plus the hub's tick and Tom's browser pulling it.
    expect(Date.now() - moved).toBeLessThan(POLL_SECONDS * 1000 + 12_000);
    await expect(recovered.panel.getByRole('note').filter({ hasText: 'Started by rule' })).toContainText(`Task “${lookbook.name}” moved to Ready for creative`);
    await expect.poll(() => slack.posted.filter((p) => p.text.includes(`/h/${recovered.handoffId}`)).length, { timeout: 20_000 }).toBe(1);
    console.log(`asana-workflow: ${Math.round((Date.now() - began) / 1000)} s`);
  } finally {
    for (const other of others) await other.close();
    await setup.close();
  }
});
