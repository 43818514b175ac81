// @vitest-environment happy-dom
// "Log failure" in the side panel, rendered against a real background (fake IndexedDB): from the client
// view and from a handoff, into the client's history. No JSX here: unit tests are .ts files.
import 'fake-indexeddb/auto';
import { createElement, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ClientView } from '../../../components/panel/client-view';
import { EMPTY_FAILURE_DRAFT, failureRequest } from '../../../components/panel/failure-draft';
import { HandoffDetail } from '../../../components/panel/handoff-detail';
import { HandoffView } from '../../../components/panel/handoff-view';
import { FAILURE_CATEGORY_OPTIONS, failureDetails, handoffLabel } from '../../../components/panel/timeline';
import { WorkspaceProvider } from '../../../components/panel/workspace';
import type { ClientView as ClientViewData } from '../../../lib/db/queries';
import { CATEGORY_LABELS } from '../../../lib/metrics/compute';
import type { Result } from '../../../lib/messaging/protocol';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { Failure } from '../../../lib/model/note';
import { BUILT_IN_TEMPLATES, findTemplate } from '../../../lib/templates';
import { handoffFromColleague } from '../helpers/background';
import { personClick } from '../helpers/dom';
import { panelOnTestBackground } from '../helpers/panel-background';

const panel = panelOnTestBackground();

function render(view: ReactElement): void {
  panel.root.render(createElement(WorkspaceProvider, { fallback: () => null, children: view }));
}

const buttons = (scope: ParentNode, name: string) => [...scope.querySelectorAll('button')].filter((b) => b.textContent?.trim() === name);
function button(scope: ParentNode, name: string): HTMLButtonElement {
  const found = buttons(scope, name);
  if (found.length !== 1) throw new Error(`${found.length} buttons “${name}”`);
  return found[0]!;
}
/** The control a <label> names by its own text (the panel wraps controls in their labels). */
function control<T extends HTMLElement = HTMLInputElement>(scope: ParentNode, label: string): T {
  const found = [...scope.querySelectorAll('label')].filter((l) => l.firstChild?.textContent?.trim() === label);
  if (found.length !== 1) throw new Error(`${found.length} controls labelled “${label}”`);
  return found[0]!.querySelector('input, select, textarea') as unknown as T;
}
function region(name: string): HTMLElement {
  const section = [...document.querySelectorAll('section')].find((s) => document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent === name);
  if (!section) throw new Error(`no region “${name}”`);
  return section;
}
const form = (name: string) => document.querySelector<HTMLFormElement>(`form[aria-label="${name}"]`);
/** Types as a person does: React hears the input (or a select's change) event. */
function type(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')!.set!.call(element, value);
  element.dispatchEvent(new Event(element.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
}
const historyLines = () => [...region('History').querySelectorAll('ol[aria-label="History entries"] > li')].map((li) => li.textContent ?? '');
const failures = async (clientId: string) => (await panel.bg.ok<ClientViewData>({ type: 'client/view', clientId })).failures;

describe('Log failure on the client view', () => {
  it('opens a form on its first field, refuses what is missing, logs the failure with its handoff and shows it in History', async () => {
    const { handoff, client } = await handoffFromColleague(panel.bg);
    const draft = await panel.bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'sales-to-am' });
    render(createElement(ClientView, { clientId: client.id }));
    await vi.waitFor(() => button(region('History'), 'Log failure'));
    const history = region('History');

    personClick(button(history, 'Log failure'));
    await vi.waitFor(() => expect(form('Log failure')).not.toBeNull());
    const logForm = form('Log failure')!;
    const category = control<HTMLSelectElement>(logForm, 'Category');
    expect(document.activeElement).toBe(category);
    // One quick form at a time, as with decisions and calls.
    expect(buttons(history, 'Add decision')).toHaveLength(0);
    expect(buttons(history, 'Add call summary')).toHaveLength(0);
    expect([...category.options].map((o) => o.textContent)).toEqual(['Choose…', ...Object.values(CATEGORY_LABELS)]);
    const hours = control(logForm, 'Hours to repair');
    expect(hours).toMatchObject({ type: 'number', min: '0', step: '0.25' });
    expect(control(logForm, 'What happened').tagName).toBe('TEXTAREA');
    // Only handoffs that went out can be linked: not the draft.
    const linked = control<HTMLSelectElement>(logForm, 'Linked handoff');
    expect([...linked.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'None'],
      [handoff.id, 'Northwind Outfitters autumn brief (Sent)'],
    ]);
    expect([...linked.options].some((o) => o.value === draft.id)).toBe(false);

    // Nothing chosen or typed: every problem said at once, in the shared alert, nothing sent.
    personClick(button(logForm, 'Log failure'));
    await vi.waitFor(() => expect(logForm.querySelector('[role="alert"]')?.textContent).toBe('Choose a category. Say how many hours it took to repair (0 if none). Say what happened.'));
    expect(await failures(client.id)).toEqual([]);

    type(category, 'missing_context');
    type(hours, '2.5');
    type(control(logForm, 'What happened'), 'Six landing pages written in the default tone, all rejected.');
    type(linked, handoff.id);
    personClick(button(logForm, 'Log failure'));

    // Saved: the form closes and the keyboard is back on the button that opened it.
    await vi.waitFor(() => expect(form('Log failure')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(button(region('History'), 'Log failure')));
    expect(await failures(client.id)).toMatchObject([{ clientId: client.id, handoffId: handoff.id, category: 'missing_context', hours: 2.5, description: 'Six landing pages written in the default tone, all rejected.' }]);
    await vi.waitFor(() => expect(historyLines()[0]).toContain('Failure: Six landing pages written in the default tone, all rejected.'));
    const entry = historyLines()[0]!;
    expect(entry).toContain('Category: Missing context');
    expect(entry).toContain('Hours to repair: 2.5 h');
    expect(entry).toMatch(/Cost: \D*188/); // 2.5 h at the default $75
    expect(entry).toContain('Handoff: Northwind Outfitters autumn brief');
  });

  it('Close gives the keyboard back to “Log failure” and forgets what was typed', async () => {
    const client = await panel.bg.ok<{ id: string }>({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    render(createElement(ClientView, { clientId: client.id }));
    await vi.waitFor(() => button(region('History'), 'Log failure'));
    personClick(button(region('History'), 'Log failure'));
    await vi.waitFor(() => expect(form('Log failure')).not.toBeNull());
    type(control(form('Log failure')!, 'What happened'), 'Half a thought');
    personClick(button(form('Log failure')!, 'Close'));
    await vi.waitFor(() => expect(document.activeElement).toBe(button(region('History'), 'Log failure')));
    expect(buttons(region('History'), 'Add decision')).toHaveLength(1);
    personClick(button(region('History'), 'Log failure'));
    await vi.waitFor(() => expect(form('Log failure')).not.toBeNull());
    expect(control(form('Log failure')!, 'What happened').value).toBe('');
    // A client with no sent handoff: the link offers nothing but None.
    expect([...control<HTMLSelectElement>(form('Log failure')!, 'Linked handoff').options].map((o) => o.textContent)).toEqual(['None']);
  });

  it('shows the background’s refusal in the form and keeps what was typed', async () => {
    const client = await panel.bg.ok<{ id: string }>({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    render(createElement(ClientView, { clientId: client.id }));
    await vi.waitFor(() => button(region('History'), 'Log failure'));
    personClick(button(region('History'), 'Log failure'));
    await vi.waitFor(() => expect(form('Log failure')).not.toBeNull());
    const logForm = form('Log failure')!;
    type(control<HTMLSelectElement>(logForm, 'Category'), 'other');
    type(control(logForm, 'Hours to repair'), '1');
    type(control(logForm, 'What happened'), 'The hub was down.');
    const refusal: Result<never> = { ok: false, problem: { code: 'unavailable', message: 'Baton did not answer. Try again in a moment.' } };
    vi.mocked(browser.runtime.sendMessage).mockImplementationOnce((() => Promise.resolve(refusal)) as never);
    personClick(button(logForm, 'Log failure'));
    await vi.waitFor(() => expect(logForm.querySelector('[role="alert"]')?.textContent).toBe('Baton did not answer. Try again in a moment.'));
    expect(control(logForm, 'What happened').value).toBe('The hub was down.');
  });
});

describe('Log failure on a handoff', () => {
  it('links the failure to the handoff without asking, for a member who is neither party', async () => {
    const sam = await panel.bg.ok<Member>({ type: 'member/add', name: 'Sam Ortiz', email: 'sam@brightlane.agency' });
    const { handoff, client } = await handoffFromColleague(panel.bg, { receiver: sam });
    render(createElement(HandoffView, { handoffId: handoff.id }));
    await vi.waitFor(() => button(document, 'Log failure'));
    personClick(button(document, 'Log failure'));
    await vi.waitFor(() => expect(form('Log failure')).not.toBeNull());
    const logForm = form('Log failure')!;
    expect(document.activeElement).toBe(control(logForm, 'Category'));
    expect(logForm.querySelectorAll('label')).toHaveLength(3); // no link to choose: it is this handoff
    expect(logForm.textContent).toContain('Logged against this handoff');
    type(control<HTMLSelectElement>(logForm, 'Category'), 'wrong_expectations');
    type(control(logForm, 'Hours to repair'), '0');
    type(control(logForm, 'What happened'), 'The brief promised a launch date the client never agreed to.');
    personClick(button(logForm, 'Log failure'));
    await vi.waitFor(() => expect(form('Log failure')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(button(document, 'Log failure')));
    expect(await failures(client.id)).toMatchObject([{ handoffId: handoff.id, category: 'wrong_expectations', hours: 0 }]);
    // The handoff's activity names it too.
    await vi.waitFor(() => expect(document.querySelector('ol[aria-label="Activity"]')?.textContent).toContain('Failure (wrong expectations, 0 h)'));
  });

  it('is not offered on a handoff that never went out', async () => {
    const { handoff } = await handoffFromColleague(panel.bg);
    const template = findTemplate(BUILT_IN_TEMPLATES, handoff.templateId)!;
    render(createElement(HandoffDetail, { handoff: { ...handoff, state: 'draft', sentAt: undefined }, template }));
    await vi.waitFor(() => expect(document.querySelector('h1')?.textContent).toBe(handoff.title));
    expect(buttons(document, 'Log failure')).toHaveLength(0);
  });
});

describe('failure helpers', () => {
  const failure: Failure = { id: 'f1', clientId: 'c1', handoffId: 'h1', category: 'duplicated_work', hours: 0.75, description: 'Two people rebuilt the audience.', loggedBy: 'm1', at: '2026-03-01T10:00:00.000Z' };

  it('offers the categories with the dashboard’s labels', () => {
    expect(FAILURE_CATEGORY_OPTIONS.map((o) => o.label)).toEqual(['Missing context', 'Wrong expectations', 'Missed deadline', 'Duplicated work', 'Client complaint', 'Other']);
  });

  it('says what a failure adds under its history line', () => {
    expect(failureDetails(failure, { handoff: 'Q3 launch', cost: { hourlyRate: 80, currency: 'EUR' } })).toEqual([
      { label: 'Category', text: 'Duplicated work' },
      { label: 'Hours to repair', text: '0.75 h' },
      { label: 'Cost', text: expect.stringMatching(/60/) },
      { label: 'Handoff', text: 'Q3 launch' },
    ]);
    expect(failureDetails({ ...failure, handoffId: undefined })).toEqual([
      { label: 'Category', text: 'Duplicated work' },
      { label: 'Hours to repair', text: '0.75 h' },
    ]);
  });

  it('names a handoff by its title, else its template', () => {
    expect(handoffLabel({ title: '  ', templateId: 'brief-to-creative', templateVersion: 1 }, BUILT_IN_TEMPLATES)).toBe(findTemplate(BUILT_IN_TEMPLATES, 'brief-to-creative')!.name);
    expect(handoffLabel({ title: 'Autumn brief', templateId: 'gone', templateVersion: 1 }, BUILT_IN_TEMPLATES)).toBe('Autumn brief');
  });

  it('turns the typed form into the request, or every problem with it', () => {
    const typed = { category: 'missed_deadline', hours: '1.25', description: ' Late report ', handoffId: '' } as const;
    expect(failureRequest(typed, 'c1')).toEqual({ type: 'failure/log', clientId: 'c1', category: 'missed_deadline', hours: 1.25, description: 'Late report' });
    expect(failureRequest({ ...typed, handoffId: 'h1' }, 'c1')).toMatchObject({ handoffId: 'h1' });
    expect(failureRequest({ ...typed, hours: '-1' }, 'c1')).toEqual({ problem: 'Hours to repair cannot be negative.' });
    expect(failureRequest({ ...typed, hours: '10000.5' }, 'c1')).toEqual({ problem: 'Hours to repair must be at most 10,000.' });
    expect(failureRequest({ ...EMPTY_FAILURE_DRAFT, description: '  ' }, 'c1')).toEqual({ problem: 'Choose a category. Say how many hours it took to repair (0 if none). Say what happened.' });
  });
});
