// @vitest-environment happy-dom
// Drafts a workflow rule started, where people work: the popup's "Started by a rule", the note above the
// draft's form, the marker in the client's open handoffs, and the note on the Asana task's page. Rendered
// against a real background (fake IndexedDB); the draft arrives as the rule engine appends it (its ids
// derived from the rule and the source event). No JSX here: unit tests are .ts files.
import 'fake-indexeddb/auto';
import { act, createElement, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ClientView } from '../../../components/panel/client-view';
import { HandoffView } from '../../../components/panel/handoff-view';
import { NavigationContext } from '../../../components/panel/navigation';
import { WorkspaceProvider } from '../../../components/panel/workspace';
import { Popup } from '../../../components/popup/popup';
import { appendEvent } from '../../../lib/db/event-store';
import { makeEvent } from '../../../lib/events/make-event';
import type { TabState } from '../../../lib/messaging/protocol';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { Rule } from '../../../lib/model/rule';
import { ruleEventIds } from '../../../lib/workflow/rule-ids';
import { stubSidePanel } from '../helpers/background';
import { personClick } from '../helpers/dom';
import { buttonNamed, regionNamed } from '../helpers/panel-dom';
import { panelOnTestBackground } from '../helpers/panel-background';

const panel = panelOnTestBackground();
const TASK = { id: '1209000000000077', name: 'Spring launch <b>', url: 'https://app.asana.com/0/1209000000000001/1209000000000077' };
const LABEL = 'Task “Spring launch <b>” moved to Ready for creative';

/** A client, a rule, and the draft the rule started for me (the sender) from the Asana task. */
async function ruleStartedDraft(): Promise<{ client: Client; rule: Rule; handoff: Handoff; me: Member }> {
  const me = await panel.bg.ok<Member>({ type: 'me/get' });
  const tom = await panel.bg.ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
  const client = await panel.bg.ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'asana-project:1209000000000001' } });
  const rule = await panel.bg.ok<Rule>({
    type: 'rule/save',
    rule: { name: 'Creative brief <i>', enabled: true, trigger: { kind: 'asana.section', sectionName: 'Ready for creative' }, start: { templateId: 'brief-to-creative', sender: { memberId: me.id }, receiver: { memberId: tom.id }, watchers: [], prefill: {} }, writeBack: { comment: true, assignOnConfirm: false } },
  });
  const key = `asana:${TASK.id}:section:1209000000000099:2026-12-06T20:00:00.000Z`;
  const ids = ruleEventIds(rule.id, key);
  const event = makeEvent(
    'handoff.created',
    me.id,
    ids.handoffId,
    { clientId: client.id, templateId: 'brief-to-creative', templateVersion: 1, title: 'Spring launch brief', receiverId: tom.id, sources: { asanaTask: TASK }, startedBy: { ruleId: rule.id, ruleName: rule.name, trigger: { kind: 'asana.section', key, label: LABEL, url: TASK.url } } },
    { id: ids.eventId },
  );
  const appended = await appendEvent((await panel.bg.workspace.session()).db, event);
  if (!appended.ok) throw new Error(appended.problem.message);
  return { client, rule, handoff: await panel.bg.ok<Handoff>({ type: 'handoff/get', id: ids.handoffId }), me };
}

const inWorkspace = (view: ReactElement, navigate = vi.fn()) =>
  createElement(NavigationContext.Provider, { value: { navigate, back: () => {}, canGoBack: false, requestFocus: () => {}, takeFocusRequest: () => false } }, createElement(WorkspaceProvider, { fallback: () => null, children: view }));

function asanaTaskTab(client: Client, taskId: string): TabState {
  return {
    tabId: 7,
    context: { site: 'asana', url: `https://app.asana.com/0/1209000000000001/${taskId}`, identifiers: [{ kind: 'asana-project', value: '1209000000000001' }, { kind: 'asana-task', value: taskId }] },
    match: { status: 'matched', client: { id: client.id, name: client.name }, decidedBy: [{ kind: 'asana-project', value: '1209000000000001' }], runnersUp: [] },
    linkable: [],
    updatedAt: '2026-12-06T20:00:00.000Z',
  } as TabState;
}

describe('a draft a rule started', () => {
  it('waits for me in the popup under “Started by a rule”, with its client and what fired the rule; a click opens the panel on it', async () => {
    // A draft I started by hand is not there.
    const { handoff } = await ruleStartedDraft();
    const client = (await panel.bg.ok<Client[]>({ type: 'clients/list' }))[0]!;
    await panel.bg.ok({ type: 'handoff/start', clientId: client.id, templateId: 'sales-to-am' });
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const open = stubSidePanel();
    await act(async () => panel.root.render(createElement(Popup)));
    await vi.waitFor(() => regionNamed('Started by a rule'));
    const region = regionNamed('Started by a rule');
    const items = region.querySelectorAll('li');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('Spring launch brief');
    expect(items[0]!.textContent).toContain('Northwind Outfitters');
    expect(items[0]!.textContent).toContain(`awaiting you: a rule started this handoff · ${LABEL}`);
    expect(region.querySelector('b')).toBeNull();
    await act(async () => personClick(items[0]!.querySelector('button')!));
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(open).toHaveBeenCalledWith({ windowId: 1 });
    expect(await panel.bg.ok({ type: 'panel/state', windowId: 1 })).toBeDefined();
    expect(handoff.state).toBe('draft');
  });

  it('shows no “Started by a rule” group when no rule started anything', async () => {
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
    await act(async () => panel.root.render(createElement(Popup)));
    await vi.waitFor(() => expect(document.body.textContent).toContain('Awaiting your confirmation'));
    expect(document.body.textContent).not.toContain('Started by a rule');
  });

  it('opens on a note naming the rule and what fired it, with the Asana task a click away, above the template’s form', async () => {
    const { handoff } = await ruleStartedDraft();
    await act(async () => panel.root.render(inWorkspace(createElement(HandoffView, { handoffId: handoff.id }))));
    await vi.waitFor(() => expect(document.querySelector('[role="note"]')).not.toBeNull());
    const note = document.querySelector('[role="note"]')!;
    expect(note.textContent).toContain(`Started by rule “Creative brief <i>”: ${LABEL}`);
    expect(note.querySelector('i, b')).toBeNull();
    const link = note.querySelector('a')!;
    expect(link.textContent).toBe('Open the Asana task');
    expect(link.getAttribute('href')).toBe(TASK.url);
    // The draft's form follows the note: the sender completes the template's fields there.
    const form = document.querySelector('form');
    expect(form).not.toBeNull();
    expect(note.compareDocumentPosition(form!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(form!.textContent).toContain('Objective');
  });

  it('is marked in the client’s open handoffs, and the panel on its Asana task names the rule and opens it', async () => {
    const { client, handoff } = await ruleStartedDraft();
    const navigate = vi.fn();
    await act(async () => panel.root.render(inWorkspace(createElement(ClientView, { clientId: client.id, tab: asanaTaskTab(client, TASK.id) }), navigate)));
    await vi.waitFor(() => regionNamed('Open handoffs'));
    const row = [...regionNamed('Open handoffs').querySelectorAll('li')].find((li) => li.textContent?.includes('Spring launch brief'))!;
    expect(row.textContent).toContain('Started by a rule');
    const note = [...document.querySelectorAll('[role="note"]')].find((n) => n.textContent?.includes('from this task'))!;
    expect(note.textContent).toContain('Rule “Creative brief <i>” started Spring launch brief from this task.');
    await act(async () => personClick(buttonNamed(note, 'Open Spring launch brief')));
    expect(navigate).toHaveBeenCalledWith({ view: 'handoff', handoffId: handoff.id });
  });

  it('says nothing of it on another task of the same project', async () => {
    const { client } = await ruleStartedDraft();
    await act(async () => panel.root.render(inWorkspace(createElement(ClientView, { clientId: client.id, tab: asanaTaskTab(client, '1209000000000078') }))));
    await vi.waitFor(() => regionNamed('Open handoffs'));
    expect(document.body.textContent).not.toContain('from this task');
  });
});
