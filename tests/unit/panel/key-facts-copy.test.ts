// @vitest-environment happy-dom
// A confirmed handoff offers its client-side stakeholders and its decisions to the client's key facts,
// against a real background (fake IndexedDB). No JSX: unit tests are .ts files.
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { HandoffView } from '../../../components/panel/handoff-view';
import { WorkspaceProvider } from '../../../components/panel/workspace';
import { decisionAsPreference } from '../../../lib/background/key-facts-offer';
import type { ClientView as ClientViewData } from '../../../lib/db/queries';
import { appendEvent } from '../../../lib/db/event-store';
import { makeEvent } from '../../../lib/events/make-event';
import type { Client } from '../../../lib/model/client';
import type { Member } from '../../../lib/model/member';
import { buttonNamed, buttonsNamed } from '../helpers/panel-dom';
import { panelOnTestBackground } from '../helpers/panel-background';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const COPY = 'Copy to client’s key facts';
const panel = panelOnTestBackground();

/** Tom hands me (the admin) an account-management transition of Northwind; its stakeholder map names client people and colleagues. */
async function transitionFromTom(): Promise<{ client: Client; id: string }> {
  const me = await panel.bg.ok<Member>({ type: 'me/get' });
  const tom = await panel.bg.ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
  await panel.bg.ok({ type: 'settings/save', settings: { ownDomains: ['brightlane.agency'] } });
  const client = await panel.bg.ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
  await panel.bg.ok({ type: 'client/update-facts', clientId: client.id, facts: { stakeholders: [{ name: 'Maya Okafor', role: 'CMO', email: 'maya@northwind.example' }], preferences: [], sensitivities: [], toneOfVoiceUrl: '' } });
  const fields = {
    stakeholder_map: [
      { name: 'Maya Okafor', role: 'CMO', email: 'Maya@northwind.example' },
      { name: 'Li Wei', role: 'Head of e-commerce, decides', email: 'li@northwind.example' },
      { name: 'Tom Reyes', role: 'our AM until now', email: 'tom@brightlane.agency' },
      { name: 'Ana', role: 'our designer', email: 'ana@brightlane.agency' },
      { name: 'Half typed', role: '', email: 'half@' },
    ],
    key_decisions: [{ decision: 'No brand bidding', rationale: 'The CFO sees it as paying for free traffic', consideredAndRejected: 'Brand at low bids' }],
  };
  const { db } = await panel.bg.workspace.session();
  const id = 'h-transition';
  for (const event of [
    makeEvent('handoff.created', tom.id, id, { clientId: client.id, templateId: 'am-transition', templateVersion: 1, title: 'Northwind to Dana', receiverId: me.id, fields }),
    makeEvent('handoff.sent', tom.id, id, { overrideReason: 'The rest is in the shared drive.' }),
  ]) {
    const result = await appendEvent(db, event);
    if (!result.ok) throw new Error(result.problem.message);
  }
  return { client, id };
}

const stored = async (clientId: string) => (await panel.bg.ok<ClientViewData>({ type: 'client/view', clientId })).client;
const render = (id: string) => act(() => panel.root.render(createElement(WorkspaceProvider, { fallback: () => null, children: createElement(HandoffView, { handoffId: id }) })));

describe('Copy to client’s key facts', () => {
  it('is offered once the handoff is confirmed, shows what it adds, adds it in one click, and is not offered again', async () => {
    const { client, id } = await transitionFromTom();
    render(id);
    await vi.waitFor(() => buttonNamed(panel.host, 'Confirm receipt'));
    expect(buttonsNamed(panel.host, COPY)).toEqual([]);

    await panel.bg.ok({ type: 'handoff/confirm', id });
    await vi.waitFor(() => buttonNamed(panel.host, COPY));
    const offer = buttonNamed(panel.host, COPY).closest('section')!;
    expect(offer.textContent).toContain('Li Wei · Head of e-commerce, decides · li@northwind.example');
    expect(offer.textContent).toContain('No brand bidding (why: The CFO sees it as paying for free traffic)');
    // Already on the client (Maya, whatever the case of her address), colleagues and a half-typed address are not offered.
    for (const absent of ['Maya', 'Tom Reyes', 'Ana', 'Half typed']) expect(offer.textContent).not.toContain(absent);

    await act(async () => buttonNamed(panel.host, COPY).click());
    await vi.waitFor(() => expect(buttonsNamed(panel.host, COPY)).toEqual([]));
    expect(panel.host.querySelector('[role="status"]')?.textContent).toBe('Added 1 stakeholder and 1 decision to Northwind Outfitters’s key facts.');
    // The button is gone: the keyboard goes to what replaced it rather than to the page's top.
    expect(document.activeElement).toBe(panel.host.querySelector('[role="status"]'));
    expect(await stored(client.id)).toMatchObject({
      stakeholders: [
        { name: 'Maya Okafor', role: 'CMO', email: 'maya@northwind.example' },
        { name: 'Li Wei', role: 'Head of e-commerce, decides', email: 'li@northwind.example' },
      ],
      preferences: ['No brand bidding (why: The CFO sees it as paying for free traffic)'],
    });
    const updates = (await panel.bg.ok<ClientViewData>({ type: 'client/view', clientId: client.id })).timeline.filter((e) => e.type === 'client.updated');
    expect(updates).toHaveLength(2);

    // A second copy (another window, a teammate) has nothing left to add: refused with the reason.
    expect((await panel.bg.refused({ type: 'client/copy-handoff-facts', handoffId: id })).message).toBe('Northwind Outfitters’s key facts already have everything this handoff could add.');
  });

  it('offers nothing on a handoff that is not confirmed, even when asked directly', async () => {
    const { id } = await transitionFromTom();
    expect(await panel.bg.ok({ type: 'client/handoff-facts-offer', handoffId: id })).toEqual({ stakeholders: [], preferences: [] });
    await panel.bg.refused({ type: 'client/copy-handoff-facts', handoffId: id });
  });
});

describe('Copy to client’s key facts, refused', () => {
  it('on a client that already has 200 preferences, saying so rather than failing', async () => {
    const { client, id } = await transitionFromTom();
    const preferences = Array.from({ length: 200 }, (_, i) => `Rule ${i}`);
    await panel.bg.ok({ type: 'client/update-facts', clientId: client.id, facts: { stakeholders: [], preferences, sensitivities: [], toneOfVoiceUrl: '' } });
    await panel.bg.ok({ type: 'handoff/confirm', id });
    expect(await panel.bg.refused({ type: 'client/copy-handoff-facts', handoffId: id })).toMatchObject({ code: 'invalid', message: 'A client keeps at most 200 preferences: this would make 201.' });
    expect((await stored(client.id)).preferences).toHaveLength(200);
  });
});

describe('Copy to client’s key facts, by someone else', () => {
  it('is refused to a member who neither sent nor received the handoff, and allowed to an admin', async () => {
    const { client, id } = await transitionFromTom();
    const me = await panel.bg.ok<Member>({ type: 'me/get' });
    const ana = await panel.bg.ok<Member>({ type: 'member/add', name: 'Ana Ruiz', email: 'ana@brightlane.agency', role: 'admin' });
    const { db } = await panel.bg.workspace.session();
    // Tom's handoff goes to Ana instead of me, and Ana confirms it.
    for (const event of [makeEvent('handoff.reassigned', ana.id, id, { receiverId: ana.id }), makeEvent('handoff.confirmed', ana.id, id, {})]) {
      const result = await appendEvent(db, event);
      if (!result.ok) throw new Error(result.problem.message);
    }
    await panel.bg.ok({ type: 'member/set-role', id: me.id, role: 'member' });
    expect(await panel.bg.refused({ type: 'client/copy-handoff-facts', handoffId: id })).toMatchObject({ code: 'forbidden', message: 'Only the handoff’s sender, its receiver or an admin can copy its facts to the client.' });
    expect((await stored(client.id)).stakeholders).toHaveLength(1);

    await appendEvent(db, makeEvent('member.updated', ana.id, me.id, { role: 'admin' }));
    await panel.bg.ok({ type: 'client/copy-handoff-facts', handoffId: id });
    expect((await stored(client.id)).stakeholders).toHaveLength(2);
  });
});

describe('a decision as a preference', () => {
  it('keeps the decision whole and cuts a long reason to fit a preference', () => {
    expect(decisionAsPreference({ decision: ' No brand bidding ', rationale: '' })).toBe('No brand bidding');
    expect(decisionAsPreference({ decision: '', rationale: 'orphan reason' })).toBe('');
    const long = decisionAsPreference({ decision: 'No brand bidding', rationale: 'x'.repeat(2000) });
    expect([...long]).toHaveLength(1000);
    expect(long.startsWith('No brand bidding (why: xxx')).toBe(true);
    expect(long.endsWith('…)')).toBe(true);
  });
});
