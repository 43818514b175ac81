// @vitest-environment happy-dom
// The handoff view while a send or confirmation is held for undo, and after (review 2, items 1, 2, 4,
// 13): a refusal at due time is shown to its author, Undo of "Confirm with a note" gives the note back,
// a held send offers no Edit/Reassign/Nudge/Cancel, and "Send now" leaves the keyboard on the heading.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { HandoffView } from '../../../components/panel/handoff-view';
import { NavigationContext, type Navigation } from '../../../components/panel/navigation';
import { UndoBar } from '../../../components/panel/undo-bar';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import { publishChange } from '../../../lib/db/change-feed';
import type { PendingSummary } from '../../../lib/background/pending-queue';
import type { Handoff } from '../../../lib/model/handoff';
import { briefToCreative } from '../../../lib/templates';

import { AT, handoffOf } from './handoff-fixture';
const RITA = { id: 'm-rita', name: 'Rita Receiver', email: 'rita@brightlane.agency', role: 'member' as const };
const JANE = { id: 'm-jane', name: 'Jane Sender', email: 'jane@brightlane.agency', role: 'member' as const };
const CLIENT = { id: 'c-1', name: 'Acme', ownerId: JANE.id, identifiers: [], stakeholders: [], preferences: [], sensitivities: [], archived: false, createdAt: AT, updatedAt: AT };
const SENT: Handoff = handoffOf(briefToCreative, { clientId: CLIENT.id, title: 'Acme autumn brief', senderId: JANE.id, receiverId: RITA.id, state: 'sent', gapRounds: 1, sentAt: AT });
const HELD: PendingSummary = { id: 'e-held', kind: 'confirm', handoffId: SENT.id, dueAt: Date.now() + 8_000 };

const sent: Record<string, unknown>[] = [];
let answers: Record<string, unknown> = {};
beforeEach(() => {
  sent.length = 0;
  answers = { 'handoff/get': SENT, 'pending/list': [], 'client/view': null };
});
const view = reactRootPerTest((message: Record<string, unknown>) => {
  sent.push(message);
  return { ok: true, data: answers[String(message.type)] ?? null };
});
const navigation: Navigation = { navigate: () => {}, back: () => {}, canGoBack: true, requestFocus: () => {}, takeFocusRequest: () => false };
const settle = () => act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));

async function render(me: typeof RITA) {
  const workspace = { me, members: [RITA, JANE], clients: [CLIENT], templates: [briefToCreative] } as unknown as Workspace;
  await act(async () =>
    view.root.render(createElement(NavigationContext.Provider, { value: navigation }, createElement(WorkspaceContext.Provider, { value: workspace }, createElement(HandoffView, { handoffId: SENT.id })))),
  );
  await settle();
}
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const click = async (name: string) => {
  const found = button(name);
  if (!found) throw new Error(`no button “${name}” in: ${view.host.textContent}`);
  await act(async () => found.click());
  await settle();
};

describe('a held send, for its sender', () => {
  it('offers Undo and Send now only: no Edit, Reassign, Nudge or Cancel that the stored draft would refuse', async () => {
    answers['pending/list'] = [{ ...HELD, kind: 'send', to: 'Rita Receiver' }];
    await render(JANE);
    expect(view.host.querySelector('[role="status"]')?.textContent).toBe('Sent to Rita Receiver');
    expect(button('Undo')).toBeDefined();
    for (const name of ['Edit handoff', 'Reassign', 'Nudge', 'Cancel handoff']) expect(button(name), name).toBeUndefined();
  });
});

describe('a held move refused when it came due', () => {
  it('the receiver who saw “Confirmed” is told why, in place of the undo bar, until they dismiss it', async () => {
    answers['handoff/get'] = { ...SENT, state: 'cancelled', cancelledAt: AT };
    answers['pending/list'] = [{ ...HELD, refused: 'This handoff was cancelled: <b>client paused</b>' }];
    answers['pending/dismiss'] = true;
    await render(RITA);
    expect(view.host.querySelector('[role="alert"]')?.textContent).toBe('Not confirmed: This handoff was cancelled: <b>client paused</b>');
    expect(button('Undo')).toBeUndefined();
    await click('Dismiss');
    expect(sent).toContainEqual({ type: 'pending/dismiss', id: HELD.id });
  });
});

describe('Undo of “Confirm with a note”', () => {
  it('puts the note box back with the note in it', async () => {
    answers['pending/list'] = [{ ...HELD, comment: 'Kick-off Monday 🎉' }];
    answers['pending/undo'] = true;
    await render(RITA);
    await click('Undo');
    answers['pending/list'] = [];
    await act(async () => publishChange({ eventId: 'pending', type: 'pending', stores: ['pending'] }));
    await settle();
    await settle();
    expect(view.host.querySelector('textarea')?.value).toBe('Kick-off Monday 🎉');
    expect(button('Confirm with this note')).toBeDefined();
    // Confirmed again and gone out: the note box does not come back on the confirmed handoff.
    answers['pending/list'] = [{ ...HELD, id: 'e-again', comment: 'Kick-off Monday 🎉' }];
    await act(async () => publishChange({ eventId: 'pending', type: 'pending', stores: ['pending'] }));
    await settle();
    expect(button('Undo')).toBeDefined();
    answers['pending/list'] = [];
    answers['handoff/get'] = { ...SENT, state: 'confirmed', confirmedAt: AT, updatedAt: '2026-12-06T11:00:09.000Z' };
    await act(async () => publishChange({ eventId: 'e-again', type: 'handoff.confirmed', stores: ['handoffs', 'pending'] }));
    await settle();
    await settle();
    expect(view.host.textContent).toContain('State: Confirmed');
    expect(view.host.querySelector('textarea')).toBeNull();
  });
});

describe('Send now', () => {
  it('leaves the keyboard on the view’s heading once the bar goes away', async () => {
    answers['pending/commit'] = true;
    await act(async () => view.root.render(createElement('div', null, createElement('h1', { tabIndex: -1 }, 'Acme autumn brief'), createElement(UndoBar, { held: { ...HELD, kind: 'send' }, onUndone: () => undefined }))));
    button('Send now')!.focus();
    await click('Send now');
    expect(document.activeElement?.textContent).toBe('Acme autumn brief');
  });
});
