// @vitest-environment happy-dom
// Wherever a person is chosen, the client's team helps: the handoff form's Receiver and the Reassign
// form's New receiver read "Ana Lopes — client's creative", team first. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { handoffOf, ME, TOM } from './handoff-fixture';
import { reactRootPerTest } from './react-root';
import { HandoffForm } from '../../../components/panel/handoff-form';
import { ReassignForm } from '../../../components/panel/reassign-form';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { Client } from '../../../lib/model/client';
import type { Member } from '../../../lib/model/member';
import { briefToCreative } from '../../../lib/templates';

const ANA: Member = { id: 'm-ana', name: 'Ana Lopes', email: 'ana@brightlane.agency', role: 'member' };
const BEA: Member = { id: 'm-bea', name: '<b>Bea</b> \ud83d', email: 'bea@brightlane.agency', role: 'member' };
const CLIENT = { id: 'c-1', name: 'Northwind', identifiers: [], stakeholders: [], preferences: [], sensitivities: [], archived: false, updatedAt: '2026-12-06T10:00:00.000Z', team: { creative: ANA.id, strategist: BEA.id, analyst: BEA.id, account_manager: ME.id } } as unknown as Client;
const WORKSPACE: Workspace = { me: ME, members: [ME, TOM, ANA, BEA], clients: [CLIENT], templates: [briefToCreative] };

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
const view = reactRootPerTest(() => ({ ok: true, data: null }));
const select = (name: string) => [...view.host.querySelectorAll('label')].find((l) => l.firstChild?.textContent?.trim() === name)?.querySelector('select');
const options = (name: string) => [...select(name)!.options].map((o) => o.textContent);

describe('choosing a person with the client’s team', () => {
  it('the handoff form’s Receiver lists the client’s team first, by role, and keeps a preselected receiver', async () => {
    const draft = handoffOf(briefToCreative, { receiverId: ANA.id });
    await act(async () => view.root.render(createElement(WorkspaceContext.Provider, { value: WORKSPACE }, createElement(HandoffForm, { handoff: draft, template: briefToCreative, onSent: () => {} }))));
    expect(options('Receiver')).toEqual([
      'Choose a teammate…',
      `${BEA.name} — client's strategist and analyst`,
      "Ana Lopes — client's creative",
      `${TOM.name} (${TOM.email})`,
    ]);
    expect(select('Receiver')!.value).toBe(ANA.id);
    expect(select('Receiver')!.selectedOptions[0]!.textContent).toBe("Ana Lopes — client's creative");
    expect(view.host.querySelector('b')).toBeNull();
  });

  it('follows the workspace’s own role names', async () => {
    const ws: Workspace = { ...WORKSPACE, teamRoles: { roles: [{ id: 'creative', name: 'Art director' }], held: {}, ruledBy: {}, taken: [], isAdmin: false } };
    await act(async () => view.root.render(createElement(WorkspaceContext.Provider, { value: ws }, createElement(HandoffForm, { handoff: handoffOf(briefToCreative), template: briefToCreative, onSent: () => {} }))));
    expect(options('Receiver')).toEqual(['Choose a teammate…', "Ana Lopes — client's art director", `${TOM.name} (${TOM.email})`, `${BEA.name} (${BEA.email})`]);
    expect(select('Receiver')!.value).toBe('');
  });

  it('the Reassign form’s New receiver labels the same way', async () => {
    const sent = handoffOf(briefToCreative, { state: 'sent', receiverId: TOM.id, sentAt: '2026-12-06T11:00:00.000Z' });
    await act(async () => view.root.render(createElement(WorkspaceContext.Provider, { value: WORKSPACE }, createElement(ReassignForm, { handoff: sent, template: briefToCreative, onDone: () => {} }))));
    expect(options('New receiver')).toEqual(['Choose a teammate…', `${BEA.name} — client's strategist and analyst`, "Ana Lopes — client's creative"]);
  });
});
