// @vitest-environment happy-dom
// Key facts edited in place in the client view, against a real background (fake IndexedDB): Save
// writes one `client.updated`, Cancel discards, a refusal keeps everything typed. No JSX: unit tests are .ts files.
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClientView } from '../../../components/panel/client-view';
import { WorkspaceProvider } from '../../../components/panel/workspace';
import type { ClientView as ClientViewData } from '../../../lib/db/queries';
import type { Client } from '../../../lib/model/client';
import { newTestBackground, type TestBackground } from '../helpers/background';
import { ORIGIN, RUNTIME_ID } from '../helpers/extension';
import { buttonNamed, labelled, regionNamed, typeText } from '../helpers/panel-dom';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const PANEL = { id: RUNTIME_ID, url: `${ORIGIN}sidepanel.html` };
let bg: TestBackground;
let root: Root;
let host: HTMLElement;
let client: Client;

beforeEach(async () => {
  fakeBrowser.reset();
  bg = newTestBackground();
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: Record<string, unknown>) => bg.send(message, PANEL)) as never);
  client = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(createElement(WorkspaceProvider, { fallback: () => null, children: createElement(ClientView, { clientId: client.id }) })));
  await vi.waitFor(() => buttonNamed(regionNamed('Key facts'), 'Edit key facts'));
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

const facts = () => regionNamed('Key facts');
const editor = () => host.querySelector<HTMLFormElement>('form[aria-label="Key facts of Northwind Outfitters"]');
const stored = async () => (await bg.ok<ClientViewData>({ type: 'client/view', clientId: client.id })).client;
const clientUpdates = async () => (await bg.ok<ClientViewData>({ type: 'client/view', clientId: client.id })).timeline.filter((e) => e.type === 'client.updated').length;
const click = async (element: HTMLElement) => act(async () => element.click());

async function openEditor(): Promise<HTMLFormElement> {
  await click(buttonNamed(facts(), 'Edit key facts'));
  expect(editor()).not.toBeNull();
  return editor()!;
}

describe('key facts in the client view', () => {
  it('offers "Edit key facts" beside "nothing recorded yet", and shows what was saved, as one client.updated', async () => {
    expect(facts().textContent).toContain('No stakeholders, preferences or sensitivities recorded yet.');
    const form = await openEditor();
    // The keyboard lands in the first field: the first stakeholder's name.
    expect(document.activeElement).toBe(labelled(buttonNamed(form, 'Remove stakeholder 1').closest('[role="group"]')!, 'Name'));
    const first = buttonNamed(form, 'Remove stakeholder 1').closest<HTMLElement>('[role="group"]')!;
    typeText(labelled(first, 'Name'), 'Maya Okafor');
    typeText(labelled(first, 'Role'), 'CMO, signs off');
    typeText(labelled(first, 'Email'), 'Maya@Northwindoutfitters.com');
    await click(buttonNamed(form, 'Add stakeholder'));
    const second = buttonNamed(form, 'Remove stakeholder 2').closest<HTMLElement>('[role="group"]')!;
    typeText(labelled(second, 'Name'), 'Tom <script>alert(1)</script>');
    typeText(labelled(second, 'Email'), 'tom@northwindoutfitters.com');
    typeText(labelled(form, 'Preference 1'), 'Calls, not email, for budget');
    await click(buttonNamed(form, 'Add preference'));
    typeText(labelled(form, 'Preference 2'), 'Reports as PDF');
    typeText(labelled(form, 'Sensitivity 1'), 'Never mention the 2023 recall');
    typeText(labelled(form, 'Tone-of-voice link'), 'northwind.example/brand');
    await click(buttonNamed(form, 'Save key facts'));

    await vi.waitFor(() => expect(editor()).toBeNull());
    // Focus goes back to the button that opened the editor (after React's effects have run).
    await vi.waitFor(() => expect(document.activeElement).toBe(buttonNamed(facts(), 'Edit key facts')));
    const text = facts().textContent ?? '';
    for (const shown of ['Maya Okafor', 'CMO, signs off', 'maya@northwindoutfitters.com', 'Tom <script>alert(1)</script>', 'Calls, not email, for budget', 'Reports as PDF', 'Never mention the 2023 recall', 'northwind.example/brand']) expect(text).toContain(shown);
    expect(facts().querySelector('script')).toBeNull();
    expect(await stored()).toMatchObject({
      stakeholders: [
        { name: 'Maya Okafor', role: 'CMO, signs off', email: 'maya@northwindoutfitters.com' },
        { name: 'Tom <script>alert(1)</script>', role: '', email: 'tom@northwindoutfitters.com' },
      ],
      preferences: ['Calls, not email, for budget', 'Reports as PDF'],
      sensitivities: ['Never mention the 2023 recall'],
      toneOfVoiceUrl: 'https://northwind.example/brand',
    });
    expect(await clientUpdates()).toBe(1);
  });

  it('removes rows and items, and clears the link', async () => {
    await bg.ok({ type: 'client/update-facts', clientId: client.id, facts: { stakeholders: [{ name: 'Maya', role: '', email: 'maya@n.example' }], preferences: ['A', 'B'], sensitivities: [], toneOfVoiceUrl: 'https://n.example/tone' } });
    await vi.waitFor(() => expect(facts().textContent).toContain('Maya'));
    const form = await openEditor();
    await click(buttonNamed(form, 'Remove stakeholder 1'));
    await click(buttonNamed(form, 'Remove preference 1'));
    typeText(labelled(form, 'Tone-of-voice link'), '');
    await click(buttonNamed(form, 'Save key facts'));
    await vi.waitFor(() => expect(editor()).toBeNull());
    expect(await stored()).toMatchObject({ stakeholders: [], preferences: ['B'], sensitivities: [] });
    expect((await stored()).toneOfVoiceUrl).toBeUndefined();
  });

  it('keeps everything typed when the save is refused, with the reasons; Cancel then discards it all', async () => {
    const form = await openEditor();
    const first = buttonNamed(form, 'Remove stakeholder 1').closest<HTMLElement>('[role="group"]')!;
    typeText(labelled(first, 'Name'), 'Maya Okafor');
    typeText(labelled(first, 'Email'), 'maya at northwind');
    const link = labelled(form, 'Tone-of-voice link');
    typeText(link, 'brand guide');
    act(() => link.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(link.getAttribute('aria-describedby')!)?.textContent).toBe('The tone-of-voice link must be a web address, such as https://drive.google.com/… or acme.com/brand.');
    await click(buttonNamed(form, 'Save key facts'));

    const alert = form.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Stakeholder 1: “maya at northwind” is not an email address.');
    expect(alert?.textContent).toContain('The tone-of-voice link must be a web address');
    expect(labelled(first, 'Name').value).toBe('Maya Okafor');
    expect(labelled(first, 'Email').value).toBe('maya at northwind');
    expect(link.value).toBe('brand guide');
    expect(await clientUpdates()).toBe(0);

    await click(buttonNamed(form, 'Cancel'));
    expect(editor()).toBeNull();
    expect(facts().textContent).toContain('No stakeholders, preferences or sensitivities recorded yet.');
    const again = await openEditor();
    expect(labelled(buttonNamed(again, 'Remove stakeholder 1').closest('[role="group"]')!, 'Name').value).toBe('');
  });

  it('keeps everything typed when the background cannot save', async () => {
    const form = await openEditor();
    typeText(labelled(form, 'Preference 1'), 'Calls on Mondays');
    vi.mocked(browser.runtime.sendMessage).mockImplementationOnce((() => Promise.resolve({ ok: false, problem: { code: 'unavailable', message: 'Baton could not save: the database is busy.' } })) as never);
    await click(buttonNamed(form, 'Save key facts'));
    expect(form.querySelector('[role="alert"]')?.textContent).toContain('Baton could not save: the database is busy.');
    expect(labelled(form, 'Preference 1').value).toBe('Calls on Mondays');
    expect(editor()).not.toBeNull();
  });
});

describe('the key-facts editor by keyboard and screen reader', () => {
  it('names the tone-of-voice field by its label alone, its help and its problem told apart', async () => {
    const form = await openEditor();
    const link = labelled(form, 'Tone-of-voice link');
    expect(link.closest('label')?.textContent).toBe('Tone-of-voice link');
    expect(document.getElementById(link.getAttribute('aria-describedby')!)?.textContent).toBe('The client’s brand or tone-of-voice guide; leave empty for none.');
  });

  it('gives the keyboard to the row before a removed one, or to the Add button when none is left before it', async () => {
    const form = await openEditor();
    await click(buttonNamed(form, 'Add preference'));
    await click(buttonNamed(form, 'Remove preference 2'));
    expect(document.activeElement).toBe(labelled(form, 'Preference 1'));
    await click(buttonNamed(form, 'Remove preference 1'));
    expect(document.activeElement).toBe(buttonNamed(form, 'Add preference'));
    await click(buttonNamed(form, 'Add stakeholder'));
    await click(buttonNamed(form, 'Remove stakeholder 2'));
    expect(document.activeElement).toBe(labelled(buttonNamed(form, 'Remove stakeholder 1').closest('[role="group"]')!, 'Name'));
    await click(buttonNamed(form, 'Remove stakeholder 1'));
    expect(document.activeElement).toBe(buttonNamed(form, 'Add stakeholder'));
  });
});

describe('key facts changed by someone else while the editor is open', () => {
  it('are kept: only what this person added, changed or removed is saved over them', async () => {
    await bg.ok({ type: 'client/update-facts', clientId: client.id, facts: { stakeholders: [{ name: 'Maya', role: 'CMO', email: 'maya@n.example' }], preferences: ['A', 'B'], sensitivities: [], toneOfVoiceUrl: '' } });
    await vi.waitFor(() => expect(facts().textContent).toContain('Maya'));
    const form = await openEditor();
    typeText(labelled(buttonNamed(form, 'Remove stakeholder 1').closest('[role="group"]')!, 'Role'), 'CEO');
    await click(buttonNamed(form, 'Remove preference 1'));
    await click(buttonNamed(form, 'Add preference'));
    typeText(labelled(form, 'Preference 2'), 'Mine');
    // Meanwhile a CSV import (or a teammate's synced edit) adds a stakeholder, a preference and a sensitivity.
    await bg.ok({ type: 'clients/import', rows: [{ name: 'Northwind Outfitters', identifiers: '', stakeholders: 'Li Wei <li@n.example>', preferences: 'Theirs', sensitivities: 'The recall', toneOfVoiceUrl: 'n.example/voice' }] });
    await click(buttonNamed(form, 'Save key facts'));
    await vi.waitFor(() => expect(editor()).toBeNull());
    expect(await stored()).toMatchObject({
      stakeholders: [
        { name: 'Maya', role: 'CEO', email: 'maya@n.example' },
        { name: 'Li Wei', role: '', email: 'li@n.example' },
      ],
      preferences: ['B', 'Theirs', 'Mine'],
      sensitivities: ['The recall'],
      toneOfVoiceUrl: 'https://n.example/voice',
    });
  });
});

describe('key facts typed but not saved', () => {
  it('are still there when the client view is drawn again (the page it follows was matched again)', async () => {
    const form = await openEditor();
    typeText(labelled(form, 'Preference 1'), 'Calls on Mondays');
    act(() => root.unmount());
    root = createRoot(host);
    act(() => root.render(createElement(WorkspaceProvider, { fallback: () => null, children: createElement(ClientView, { clientId: client.id }) })));
    await vi.waitFor(() => expect(editor()).not.toBeNull());
    expect(labelled(editor()!, 'Preference 1').value).toBe('Calls on Mondays');
    await click(buttonNamed(editor()!, 'Cancel'));
    expect(editor()).toBeNull();
  });
});

describe('client/update-facts', () => {
  it('refuses every problem at once and writes nothing', async () => {
    const error = await bg.refused({
      type: 'client/update-facts',
      clientId: client.id,
      facts: { stakeholders: [{ name: '', role: 'CFO', email: 'x@y.example' }, { name: 'Ann', role: '', email: '' }, { name: 'Bo', role: '', email: 'bo@y.example' }, { name: 'Bob', role: '', email: 'BO@y.example' }], preferences: ['ok', 'x'.repeat(1001)], sensitivities: [], toneOfVoiceUrl: 'javascript:alert(1)' },
    });
    expect(error.message).toBe(
      'Stakeholder 1 needs a name. Stakeholder 2 (Ann) needs an email address. Stakeholder 4 has the same email as stakeholder 3. Preference 2: Too long: at most 1000 characters. The tone-of-voice link must be a web address, such as https://drive.google.com/… or acme.com/brand.',
    );
    expect(await clientUpdates()).toBe(0);
  });

  it('refuses an unknown client', async () => {
    const error = await bg.refused({ type: 'client/update-facts', clientId: 'nope', facts: { stakeholders: [], preferences: [], sensitivities: [], toneOfVoiceUrl: '' } });
    expect(error.message).toBe('That client no longer exists.');
  });
});
