// @vitest-environment happy-dom
// Settings → Workflow → Rules, rendered against a real background (fake IndexedDB): admins add, edit,
// turn off and delete rules (events in the log); members read them. No JSX here: unit tests are .ts files.
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RulesEditor } from '../../../components/options/rules-editor';
import type { RulesOverview } from '../../../lib/background/rules';
import type { Client } from '../../../lib/model/client';
import type { BatonEvent } from '../../../lib/model/event';
import type { Member } from '../../../lib/model/member';
import { DEFAULT_RULE_IDS } from '../../../lib/workflow/default-rules';
import { demoteMe } from '../helpers/background';
import { personClick } from '../helpers/dom';
import { buttonNamed, buttonsNamed, labelled, regionNamed, typeText } from '../helpers/panel-dom';
import { panelOnTestBackground } from '../helpers/panel-background';

const panel = panelOnTestBackground();
const DEFAULTS: readonly string[] = Object.values(DEFAULT_RULE_IDS);
// Every new agency starts with the two default rules (lib/workflow/default-rules.ts): these tests start
// from none, so the rows and events are the ones each test makes.
beforeEach(async () => {
  for (const id of DEFAULTS) await panel.bg.ok({ type: 'rule/delete', id });
});

const render = (isAdmin = true) => act(async () => panel.root.render(createElement(RulesEditor, { isAdmin })));
const rules = () => regionNamed('Rules');
const ruleForm = () => document.querySelector<HTMLFormElement>('form[aria-label="Rule"]');
const rows = () => [...rules().querySelectorAll('li')].filter((li) => li.closest('form') === null);
function choose(select: HTMLSelectElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
/** A checkbox by its label's text (the box comes first in its label). */
const box = (scope: ParentNode, text: string) => [...scope.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)!.querySelector('input')!;
const saved = async () => (await panel.bg.ok<RulesOverview>({ type: 'rules/list' })).rules;
const ruleEvents = async () => (await (await panel.bg.workspace.session()).db.getAll('events')).filter((r: { event: BatonEvent }) => r.event.type.startsWith('rule.') && !DEFAULTS.includes(r.event.entity.id)).map((r: { event: BatonEvent }) => r.event);

/** Opens "Add rule" and fills the brief → creative rule of the issue. */
async function fillCreativeRule(name = 'Creative brief when ready') {
  await vi.waitFor(() => buttonNamed(rules(), 'Add rule'));
  await act(async () => personClick(buttonNamed(rules(), 'Add rule')));
  const form = ruleForm()!;
  expect(document.activeElement).toBe(labelled(form, 'Name'));
  await act(async () => {
    typeText(labelled(form, 'Name'), name);
    typeText(labelled(form, 'Section name'), 'Ready for creative');
    choose(labelled<HTMLSelectElement>(form, 'Start'), 'brief-to-creative');
    choose(labelled<HTMLSelectElement>(form, 'From'), 'role:strategist');
    choose(labelled<HTMLSelectElement>(form, 'To'), 'role:creative');
  });
  return form;
}
const submit = (form: HTMLFormElement) => act(async () => personClick(buttonNamed(form, 'Save rule')));

describe('the rules editor (admins)', () => {
  it('adds a rule from the form: a row with its sentence, scope and state, a rule.saved event by me, and the clients with nobody in a role', async () => {
    const client = await panel.bg.ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
    const me = await panel.bg.ok<Member>({ type: 'me/get' });
    await render();
    await vi.waitFor(() => expect(rules().textContent).toContain('No rules yet'));
    const form = await fillCreativeRule();
    // The watchers and prefill offer what fits: the template's plain fields, from the Asana task.
    await act(async () => personClick(box(form, 'The client’s account manager')));
    const objective = labelled<HTMLSelectElement>(form, 'Objective');
    expect([...objective.options].map((o) => o.textContent)).toEqual(['Nothing', 'The task’s name', 'The task’s link', 'The task’s notes', 'The task’s due date', 'Fixed text']);
    await act(async () => choose(objective, 'task.notes'));
    // Written back to Asana, as the trigger is Asana's.
    expect(box(form, 'Comment on the task').checked).toBe(true);
    await act(async () => personClick(box(form, 'Assign the task to the receiver on confirmation')));
    await submit(form);

    await vi.waitFor(() => expect(ruleForm()).toBeNull());
    expect(document.activeElement).toBe(buttonNamed(rules(), 'Add rule'));
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0]!;
    expect(row.textContent).toContain('When a task moves to “Ready for creative” → start Brief → creative from the client’s strategist to the client’s creative');
    expect(row.textContent).toContain('Clients: Every client');
    expect(row.textContent).toContain('On');
    expect(row.textContent).toContain('Nobody is the strategist on Northwind Outfitters yet');
    expect(row.textContent).toContain('Nobody is the creative on Northwind Outfitters yet');
    expect(buttonsNamed(row, 'Edit')).toHaveLength(1);
    expect(buttonsNamed(row, 'Turn off')).toHaveLength(1);

    const [rule] = await saved();
    expect(rule).toMatchObject({
      name: 'Creative brief when ready', enabled: true, trigger: { kind: 'asana.section', sectionName: 'Ready for creative' },
      start: { templateId: 'brief-to-creative', sender: { role: 'strategist' }, receiver: { role: 'creative' }, watchers: [{ role: 'account_manager' }], prefill: { objective: { from: 'task.notes' } } },
      writeBack: { comment: true, assignOnConfirm: true },
    });
    expect(rule!.clientId).toBeUndefined();
    expect(await ruleEvents()).toMatchObject([{ type: 'rule.saved', actor: me.id, entity: { kind: 'rule', id: rule!.id } }]);
    expect(client.id).toBeTruthy();
  });

  it('says every problem at once and saves nothing until the rule is whole', async () => {
    await render();
    await vi.waitFor(() => buttonNamed(rules(), 'Add rule'));
    await act(async () => personClick(buttonNamed(rules(), 'Add rule')));
    const form = ruleForm()!;
    await submit(form);
    const alert = () => form.querySelector('[role="alert"]')?.textContent;
    expect(alert()).toContain('Give the rule a name.');
    expect(alert()).toContain('Name the Asana section the task moves to.');
    expect(alert()).toContain('Choose the template of the handoff the rule starts.');
    expect(alert()).toContain('Choose who sends the handoff (From).');
    await act(async () => {
      typeText(labelled(form, 'Name'), 'Same person');
      typeText(labelled(form, 'Section name'), 'Ready');
      choose(labelled<HTMLSelectElement>(form, 'Start'), 'brief-to-creative');
      choose(labelled<HTMLSelectElement>(form, 'From'), 'role:creative');
      choose(labelled<HTMLSelectElement>(form, 'To'), 'role:creative');
      typeText(labelled(form, 'Confirm within (hours)'), '0.5');
    });
    await submit(form);
    expect(alert()).toContain('From and To are the same');
    expect(alert()).toContain('Confirm within is a whole number of hours');
    // A fixed text prefill must say something.
    await act(async () => choose(labelled<HTMLSelectElement>(form, 'Audience'), 'text'));
    await submit(form);
    expect(alert()).toContain('Type the fixed text for “Audience”');
    expect(await saved()).toEqual([]);
  });

  it('offers a chain: a confirmed handoff of a template starts the next, due on the source’s date field, prefilled from its fields', async () => {
    await render();
    await vi.waitFor(() => buttonNamed(rules(), 'Add rule'));
    await act(async () => personClick(buttonNamed(rules(), 'Add rule')));
    const form = ruleForm()!;
    await act(async () => {
      typeText(labelled(form, 'Name'), 'Reporting after media');
      choose(labelled<HTMLSelectElement>(form, 'Trigger'), 'handoff.confirmed');
    });
    expect(() => labelled(form, 'Section name')).toThrow();
    expect(form.textContent).not.toContain('Write back to Asana');
    await act(async () => {
      choose(labelled<HTMLSelectElement>(form, 'Handoff template'), 'strategy-to-media');
      choose(labelled<HTMLSelectElement>(form, 'Start'), 'launch-to-reporting');
      choose(labelled<HTMLSelectElement>(form, 'From'), 'role:media_buyer');
      choose(labelled<HTMLSelectElement>(form, 'To'), 'role:analyst');
    });
    const due = labelled<HTMLSelectElement>(form, 'Due on the source’s date field');
    const dateOptions = [...due.options].slice(1);
    expect(dateOptions.length).toBeGreaterThan(0);
    await act(async () => choose(due, dateOptions[0]!.value));
    expect(labelled(form, 'Confirm within (hours)').disabled).toBe(true);
    await submit(form);
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.textContent).toContain('When a Strategy → media buying handoff is confirmed → start');
    const [rule] = await saved();
    expect(rule).toMatchObject({ trigger: { kind: 'handoff.confirmed', templateId: 'strategy-to-media' }, start: { dueFromFieldId: dateOptions[0]!.value }, writeBack: { comment: false, assignOnConfirm: false } });
  });

  it('edits a rule in place, turns it off and on, and deletes it only when asked twice', async () => {
    await render();
    await submit(await fillCreativeRule());
    await vi.waitFor(() => expect(rows()).toHaveLength(1));

    await act(async () => personClick(buttonNamed(rows()[0]!, 'Edit')));
    const form = ruleForm()!;
    expect(labelled(form, 'Name').value).toBe('Creative brief when ready');
    expect(labelled<HTMLSelectElement>(form, 'To').value).toBe('role:creative');
    await act(async () => {
      typeText(labelled(form, 'Name'), 'Brief the creative');
      typeText(labelled(form, 'Section name'), 'Brief ready');
    });
    await submit(form);
    await vi.waitFor(() => expect(rows()[0]!.textContent).toContain('Brief the creative'));
    expect(rows()[0]!.textContent).toContain('When a task moves to “Brief ready”');
    const [edited] = await saved();
    expect(edited!.name).toBe('Brief the creative');
    expect((await saved()).length).toBe(1);

    await act(async () => personClick(buttonNamed(rows()[0]!, 'Turn off')));
    await vi.waitFor(() => expect(buttonsNamed(rows()[0]!, 'Turn on')).toHaveLength(1));
    expect(rows()[0]!.textContent).toContain('Off');
    expect((await saved())[0]!.enabled).toBe(false);
    await act(async () => personClick(buttonNamed(rows()[0]!, 'Turn on')));
    await vi.waitFor(() => expect((rows()[0]!.textContent ?? '').includes('Turn off')).toBe(true));
    expect((await saved())[0]!.enabled).toBe(true);

    await act(async () => personClick(buttonNamed(rows()[0]!, 'Delete')));
    expect(rows()[0]!.textContent).toContain('Delete this rule?');
    await act(async () => personClick(buttonNamed(rows()[0]!, 'Keep it')));
    expect((await saved()).length).toBe(1);
    await act(async () => personClick(buttonNamed(rows()[0]!, 'Delete')));
    await act(async () => personClick(buttonNamed(rows()[0]!, 'Yes, delete')));
    await vi.waitFor(() => expect(rows()).toHaveLength(0));
    // Its "Yes, delete" gone, the keyboard is on "Add rule", not lost at the page's top.
    await vi.waitFor(() => expect(document.activeElement).toBe(buttonNamed(rules(), 'Add rule')));
    expect(await saved()).toEqual([]);
    expect((await ruleEvents()).map((e) => e.type)).toEqual(['rule.saved', 'rule.saved', 'rule.saved', 'rule.saved', 'rule.deleted']);
  });

  it('shows hostile names as text, and refuses a name too long to be one', async () => {
    const hostile = '<script>alert(1)</script> Ac\u0000me \ud83e';
    await panel.bg.ok<Client>({ type: 'clients/save', client: { name: hostile, identifiers: '' } });
    await render();
    const form = await fillCreativeRule('<img src=x onerror=alert(1)> rule \ud83e');
    await act(async () => choose(labelled<HTMLSelectElement>(form, 'Client'), (await panel.bg.ok<Client[]>({ type: 'clients/list' }))[0]!.id));
    await submit(form);
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    expect(rules().querySelector('script, img')).toBeNull();
    expect(rows()[0]!.textContent).toContain('<img src=x onerror=alert(1)> rule');
    expect(rows()[0]!.textContent).toContain('Clients: <script>alert(1)</script>');

    await act(async () => personClick(buttonNamed(rows()[0]!, 'Edit')));
    await act(async () => typeText(labelled(ruleForm()!, 'Name'), 'x'.repeat(1_000_000)));
    await submit(ruleForm()!);
    expect(ruleForm()!.querySelector('[role="alert"]')?.textContent).toContain('A rule’s name is at most 120 characters.');
  });
});

describe('the rules editor (members)', () => {
  it('shows the rules read-only, and the background refuses a member’s change', async () => {
    await render();
    await submit(await fillCreativeRule());
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    const [rule] = await saved();
    await demoteMe(panel.bg);
    await render(false);
    await vi.waitFor(() => expect(rules().textContent).toContain('Only an admin can change rules.'));
    expect(rows()[0]!.textContent).toContain('Creative brief when ready');
    expect(rules().querySelectorAll('button')).toHaveLength(0);
    expect(await panel.bg.refused({ type: 'rule/toggle', id: rule!.id, enabled: false })).toMatchObject({ code: 'forbidden', message: 'Only an admin can change workflow rules.' });
    expect((await saved())[0]!.enabled).toBe(true);
  });
});
