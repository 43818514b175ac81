// @vitest-environment happy-dom
// After sending, for the receiver (issue 14): Withdraw gap, Confirm with a note (and the owner change said
// before it), the undo bar, and the popup's "Waiting on answers". No JSX here: unit tests are .ts files.
import { act, createElement, type ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { reactRootPerTest } from './react-root';
import { GapThread } from '../../../components/panel/gap-thread';
import { HandoffActions } from '../../../components/panel/handoff-actions';
import { UndoBar } from '../../../components/panel/undo-bar';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import { Popup } from '../../../components/popup/popup';
import type { PendingSummary } from '../../../lib/background/pending-queue';
import type { Handoff } from '../../../lib/model/handoff';
import { briefToCreative, salesToAm } from '../../../lib/templates';

import { AT, handoffOf } from './handoff-fixture';
const ME = { id: 'm-me', name: 'Rita Receiver', email: 'rita@brightlane.agency', role: 'member' as const };
const JANE = { id: 'm-jane', name: 'Jane Sender', email: 'jane@brightlane.agency', role: 'member' as const };
const CLIENT = { id: 'c-1', name: 'Acme <script>alert(1)</script>', ownerId: JANE.id, identifiers: [], stakeholders: [], preferences: [], sensitivities: [], archived: false, createdAt: AT, updatedAt: AT };
const WORKSPACE = { me: ME, members: [ME, JANE], clients: [CLIENT], templates: [briefToCreative, salesToAm] } as unknown as Workspace;
const SENT: Handoff = handoffOf(salesToAm, { clientId: CLIENT.id, title: 'Acme kick-off', senderId: JANE.id, receiverId: ME.id, state: 'sent', gapRounds: 1, sentAt: AT });
const GAP = { id: 'g-1', fieldIds: ['primary_goals'], question: 'Which goal matters most?', raisedBy: ME.id, raisedAt: AT };

const sent: Record<string, unknown>[] = [];
let answers: Record<string, unknown> = {};
beforeEach(() => {
  sent.length = 0;
  answers = {};
});
const view = reactRootPerTest((message: Record<string, unknown>) => {
  sent.push(message);
  return { ok: true, data: answers[String(message.type)] ?? SENT };
});

const inWorkspace = (child: ReactElement) => createElement(WorkspaceContext.Provider, { value: WORKSPACE }, child);
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const click = async (name: string) => {
  const found = button(name);
  if (!found) throw new Error(`no button “${name}” in: ${view.host.textContent}`);
  await act(async () => found.click());
};
async function type(text: string) {
  const box = view.host.querySelector('textarea')!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value')!.set!.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('Withdraw gap', () => {
  it('beside my open gap: an optional reason, then one request for that gap', async () => {
    act(() => view.root.render(inWorkspace(createElement(GapThread, { gaps: [GAP], handoffId: SENT.id, receiverId: ME.id }))));
    await click('Withdraw gap');
    await type('  Found it in the call notes. ');
    await click('Withdraw gap');
    expect(sent).toEqual([{ type: 'handoff/withdraw-gap', id: SENT.id, gapId: GAP.id, reason: 'Found it in the call notes.' }]);
  });

  it('offered on a gap the former receiver raised (after a reassignment), not once the handoff went to someone else; a withdrawn one says who withdrew it', () => {
    const former = { ...GAP, raisedBy: 'm-former' };
    act(() => view.root.render(inWorkspace(createElement(GapThread, { gaps: [former], handoffId: SENT.id, receiverId: ME.id }))));
    expect(button('Withdraw gap')).toBeDefined();
    act(() => view.root.render(inWorkspace(createElement(HandoffActions, { handoff: { ...SENT, state: 'gaps_raised', gaps: [former] }, template: salesToAm }))));
    expect(view.host.textContent).toContain('Or withdraw a gap you no longer need answered.');
    act(() => view.root.render(inWorkspace(createElement(GapThread, { gaps: [{ ...former, withdrawnAt: AT, withdrawnBy: ME.id }], handoffId: SENT.id, receiverId: ME.id }))));
    expect(view.host.textContent).toContain('Rita Receiver withdrew it');
    act(() => view.root.render(inWorkspace(createElement(GapThread, { gaps: [GAP], handoffId: SENT.id, receiverId: JANE.id }))));
    expect(button('Withdraw gap')).toBeUndefined();
    act(() => view.root.render(inWorkspace(createElement(GapThread, { gaps: [{ ...GAP, withdrawnAt: AT, withdrawnReason: '<b>not needed</b>' }], handoffId: SENT.id, receiverId: ME.id }))));
    expect(view.host.textContent).toContain('Rita Receiver withdrew it');
    expect(view.host.textContent).toContain('<b>not needed</b>');
    expect(view.host.textContent).not.toContain('Waiting for the sender’s answer');
  });

  it('while my gap is open, the receiver is told they can withdraw it instead of waiting', () => {
    act(() => view.root.render(inWorkspace(createElement(HandoffActions, { handoff: { ...SENT, state: 'gaps_raised', gaps: [GAP] }, template: salesToAm }))));
    expect(view.host.textContent).toContain('Gaps are open: the sender must answer them before you confirm. Or withdraw a gap you no longer need answered.');
  });
});

describe('Confirm receipt', () => {
  it('one click keeps its name and is held for undo; on a transfer it says whose the client becomes first', async () => {
    act(() => view.root.render(inWorkspace(createElement(HandoffActions, { handoff: SENT, template: salesToAm }))));
    expect(view.host.textContent).toContain('Confirming makes you the owner of Acme <script>alert(1)</script>.');
    await click('Confirm receipt');
    expect(sent).toEqual([{ type: 'handoff/confirm', id: SENT.id, hold: true, seenEditAt: null }]);
  });

  it('names the version shown: the last edit the receiver read', async () => {
    const edited = { ...SENT, lastEdit: { by: JANE.id, at: '2026-12-06T12:00:00.000Z', fieldIds: ['timeline'], title: false, dueBy: false } };
    act(() => view.root.render(inWorkspace(createElement(HandoffActions, { handoff: edited, template: salesToAm }))));
    await click('Confirm receipt');
    expect(sent).toEqual([{ type: 'handoff/confirm', id: SENT.id, hold: true, seenEditAt: '2026-12-06T12:00:00.000Z' }]);
  });

  it('no owner change, no such sentence', () => {
    act(() => view.root.render(inWorkspace(createElement(HandoffActions, { handoff: { ...SENT, templateId: briefToCreative.id }, template: briefToCreative }))));
    expect(view.host.textContent).not.toContain('Confirming makes you the owner');
    expect(button('Confirm receipt')).toBeDefined();
  });

  it('“Confirm with a note” opens a text box; the note goes with the confirmation', async () => {
    act(() => view.root.render(inWorkspace(createElement(HandoffActions, { handoff: SENT, template: salesToAm }))));
    await click('Confirm with a note');
    expect(view.host.querySelector('form[aria-label="Confirm with a note"]')?.textContent).toContain('Note for Jane Sender');
    await click('Confirm with this note');
    expect(sent).toEqual([]);
    expect(view.host.textContent).toContain('Write the note, or use Confirm receipt without one.');
    await type('Kick-off Monday 🎉 — thanks!');
    await click('Confirm with this note');
    expect(sent).toEqual([{ type: 'handoff/confirm', id: SENT.id, hold: true, seenEditAt: null, comment: 'Kick-off Monday 🎉 — thanks!' }]);
  });
});

describe('the undo bar', () => {
  const HELD: PendingSummary = { id: 'e-send', kind: 'send', handoffId: SENT.id, dueAt: Date.now() + 8_000, to: 'Tom Akers' };

  it('says “Sent to <name>”, Undo asks the background to drop it, Send now to commit it', async () => {
    let undone = 0;
    answers = { 'pending/undo': true, 'pending/commit': true };
    act(() => view.root.render(createElement(UndoBar, { held: HELD, onUndone: () => (undone += 1) })));
    expect(view.host.querySelector('[role="status"]')?.textContent).toBe('Sent to Tom Akers');
    await click('Send now');
    await click('Undo');
    expect(sent).toEqual([
      { type: 'pending/commit', id: HELD.id },
      { type: 'pending/undo', id: HELD.id },
    ]);
    expect(undone).toBe(1);
  });

  it('a held confirmation reads “Confirmed”, with Confirm now', () => {
    act(() => view.root.render(createElement(UndoBar, { held: { ...HELD, kind: 'confirm' }, onUndone: () => undefined })));
    expect(view.host.querySelector('[role="status"]')?.textContent).toBe('Confirmed');
    expect(button('Confirm now')).toBeDefined();
  });
});

describe('the popup', () => {
  it('lists the handoffs whose gaps I raised under “Waiting on answers”', async () => {
    const questioned = { ...SENT, state: 'gaps_raised', gaps: [GAP, { ...GAP, id: 'g-2', withdrawnAt: AT }] };
    answers = {
      'handoffs/awaiting-me': [],
      'handoffs/sent-by-me': [],
      'handoffs/waiting-on-answers': [questioned],
      'clients/list': [CLIENT],
      'members/list': [ME, JANE],
      'hub/status': { connected: false, pending: 0, live: false, refused: [] },
      'handoffs/watching': [],
    };
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
    await act(async () => view.root.render(createElement(Popup)));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    const region = view.host.querySelector('section[aria-labelledby="group-waiting-on-answers"]');
    expect(region?.textContent).toContain('Waiting on answers');
    expect(region?.textContent).toContain('Acme kick-off');
    expect(region?.textContent).toContain('from Jane Sender · 1 question to answer');
  });
});
