// @vitest-environment happy-dom
// The panel's client view, inside key facts: the client's team by role, and "Edit team". No JSX here:
// unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ME, TOM } from './handoff-fixture';
import { recordingRootPerTest } from './recording-root';
import { ClientTeam } from '../../../components/panel/client-team';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { Client } from '../../../lib/model/client';
import type { Member } from '../../../lib/model/member';

const HOSTILE: Member = { id: 'm-x', name: '<script>alert(1)</script>\u0000 Ana \ud83d', email: 'ana@brightlane.agency', role: 'member' };
const CLIENT: Client = {
  id: 'c-1', name: 'Northwind', identifiers: [], stakeholders: [], preferences: [], sensitivities: [], archived: false,
  team: { media_buyer: TOM.id, analyst: 'm-gone' }, updatedAt: '2026-12-06T10:00:00.000Z',
} as unknown as Client;

type Message = { type: string; clientId?: string; team?: Record<string, string | null> };
const { view, sent } = recordingRootPerTest((message: Message) => {
  if (message.type === 'client/set-team' && message.team?.sales) return { ok: false, problem: { code: 'conflict', message: 'Choose a member of the workspace.' } };
  if (message.type === 'client/set-team') return { ok: true, data: { ...CLIENT, team: { creative: HOSTILE.id, analyst: 'm-gone' }, updatedAt: '2026-12-06T11:00:00.000Z' } };
  return { ok: false, problem: { code: 'bad-request', message: 'unexpected' } };
});

const workspace = (more: Partial<Workspace> = {}): Workspace => ({ me: ME, members: [ME, TOM, HOSTILE], clients: [CLIENT], templates: [], ...more });
const render = (ws = workspace()) => act(async () => view.root.render(createElement(WorkspaceContext.Provider, { value: ws }, createElement(ClientTeam, { client: CLIENT }))));
const region = () => {
  const section = view.host.querySelector('section[aria-labelledby]')!;
  expect(document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent).toBe('Client team');
  return section;
};
const rows = () => [...region().querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const combobox = (name: string) => [...view.host.querySelectorAll('label')].find((l) => l.firstChild?.textContent === name)?.querySelector('select');
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

async function choose(name: string, value: string) {
  const select = combobox(name)!;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the client team in key facts', () => {
  it('lists every role with who holds it, or nobody yet', async () => {
    await render();
    expect(rows()).toEqual([
      'Account manager: Nobody yet',
      'Strategist: Nobody yet',
      'Media buyer: Tom Receiver',
      'Creative: Nobody yet',
      'Analyst: a former member',
      'Sales: Nobody yet',
    ]);
  });

  it('edits with one combobox per role and saves only the roles that changed', async () => {
    await render();
    await act(async () => button('Edit team')!.click());
    const selects = [...view.host.querySelectorAll('select')];
    expect(selects).toHaveLength(6);
    // The first picker has the keyboard.
    expect(document.activeElement).toBe(combobox('Account manager'));
    expect([...combobox('Media buyer')!.options].map((o) => o.textContent)).toEqual(['Nobody', ME.name, TOM.name, HOSTILE.name]);
    expect(combobox('Media buyer')!.value).toBe(TOM.id);
    // A holder who left the team reads as nobody; leaving it so is no change.
    expect(combobox('Analyst')!.value).toBe('');
    await choose('Creative', HOSTILE.id);
    await choose('Media buyer', '');
    await act(async () => button('Save team')!.click());
    await settle();
    expect(sent).toEqual([{ type: 'client/set-team', clientId: 'c-1', team: { creative: HOSTILE.id, media_buyer: null } }]);
    // Closed, the saved team shown at once, and the keyboard back on "Edit team".
    expect(view.host.querySelector('select')).toBeNull();
    expect(rows()).toContain(`Creative: ${HOSTILE.name}`);
    expect(rows()).toContain('Media buyer: Nobody yet');
    expect(document.activeElement).toBe(button('Edit team'));
    // Hostile names are text.
    expect(view.host.querySelector('script')).toBeNull();
  });

  it('saving with nothing changed sends nothing; a refusal is said and the editor stays', async () => {
    await render();
    await act(async () => button('Edit team')!.click());
    await act(async () => button('Save team')!.click());
    expect(sent).toEqual([]);
    expect(view.host.querySelector('select')).toBeNull();

    await act(async () => button('Edit team')!.click());
    await choose('Sales', ME.id);
    await act(async () => button('Save team')!.click());
    await settle();
    expect(view.host.querySelector('[role="alert"]')?.textContent).toContain('Choose a member of the workspace.');
    expect(combobox('Sales')!.value).toBe(ME.id);
  });

  it('follows the workspace’s own roles', async () => {
    await render(workspace({ teamRoles: { roles: [{ id: 'producer', name: 'Producer' }, { id: 'media_buyer', name: 'Paid social' }], held: {}, ruledBy: {}, taken: [], isAdmin: true } }));
    expect(rows()).toEqual(['Producer: Nobody yet', 'Paid social: Tom Receiver']);
  });
});
