// @vitest-environment happy-dom
// The sender's control after sending (Edit, Reassign, Nudge) and what the receiver sees of it.
// No JSX here: unit tests are .ts files.
import { act, createElement, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AT, handoffOf, TOM } from './handoff-fixture';
import { reactRootPerTest } from './react-root';
import { AfterSendActions } from '../../../components/panel/after-send-actions';
import { AfterSendNotes, ChangedMark } from '../../../components/panel/after-send-notes';
import { EditHandoffForm } from '../../../components/panel/edit-handoff-form';
import { EditModeContext } from '../../../components/panel/edit-mode';
import { toDateInput } from '../../../components/panel/format';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import { salesToAm } from '../../../lib/templates';

const JANE: Member = { id: 'm-jane', name: 'Jane Sender', email: 'jane@brightlane.agency', role: 'member' };
const SAM: Member = { id: 'm-sam', name: 'Sam Other', email: 'sam@brightlane.agency', role: 'member' };
const ADA: Member = { id: 'm-ada', name: 'Ada Admin', email: 'ada@brightlane.agency', role: 'admin' };
const SENT = handoffOf(salesToAm, {
  title: 'Acme: signed',
  fields: { timeline: 'Launch in April.', budget: '$10,000' },
  senderId: JANE.id,
  receiverId: TOM.id,
  state: 'sent',
  sentAt: AT,
  dueBy: '2026-12-08T11:00:00.000Z',
});

const sent: { type: string }[] = [];
beforeEach(() => {
  sent.length = 0;
});
const view = reactRootPerTest((message: { type: string }) => {
  sent.push(message);
  return { ok: true, data: SENT };
});

function render(me: Member, node: ReactNode, setEditing = vi.fn()) {
  const workspace: Workspace = { me, members: [JANE, TOM, SAM, ADA], clients: [], templates: [salesToAm] };
  act(() => view.root.render(createElement(WorkspaceContext.Provider, { value: workspace }, createElement(EditModeContext.Provider, { value: { editing: false, setEditing } }, node))));
  return setEditing;
}
const buttons = () => [...view.host.querySelectorAll('button')];
const button = (name: string) => buttons().find((b) => b.textContent?.trim() === name);
const names = () => buttons().map((b) => b.textContent?.trim());
function control(label: string): HTMLInputElement {
  const found = [...view.host.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))!;
  return (found.htmlFor ? view.host.querySelector(`#${CSS.escape(found.htmlFor)}`) : found.querySelector('input, select, textarea')) as HTMLInputElement;
}
async function type(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  await act(async () => {
    const proto = Object.getPrototypeOf(element) as object;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

describe('after sending, the buttons', () => {
  it('the sender sees Edit, Reassign and Nudge <receiver>; the receiver none; an admin only Reassign', () => {
    const setEditing = render(JANE, createElement(AfterSendActions, { handoff: SENT, template: salesToAm }));
    expect(names()).toEqual(['Edit handoff', 'Reassign', 'Nudge Tom Receiver']);
    act(() => button('Edit handoff')!.click());
    expect(setEditing).toHaveBeenCalledWith(true);
    render(TOM, createElement(AfterSendActions, { handoff: SENT, template: salesToAm }));
    expect(names()).toEqual([]);
    render(ADA, createElement(AfterSendActions, { handoff: SENT, template: salesToAm }));
    expect(names()).toEqual(['Reassign']);
  });

  it('a confirmed handoff can still be edited, not nudged nor reassigned; a cancelled one not at all', () => {
    render(JANE, createElement(AfterSendActions, { handoff: { ...SENT, state: 'confirmed', confirmedAt: AT }, template: salesToAm }));
    expect(names()).toEqual(['Edit handoff']);
    render(JANE, createElement(AfterSendActions, { handoff: { ...SENT, state: 'cancelled', cancelledAt: AT }, template: salesToAm }));
    expect(names()).toEqual([]);
  });

  it('Nudge asks the background for a nudge; after one, it waits and says when the next is allowed', async () => {
    const now = Date.parse('2026-12-06T15:00:00.000Z');
    vi.spyOn(Date, 'now').mockReturnValue(now);
    render(JANE, createElement(AfterSendActions, { handoff: SENT, template: salesToAm }));
    await act(async () => button('Nudge Tom Receiver')!.click());
    expect(sent).toEqual([{ type: 'handoff/nudge', id: 'h-1' }]);
    const hourAgo = new Date(now - 3_600_000).toISOString();
    render(JANE, createElement(AfterSendActions, { handoff: { ...SENT, lastNudgedAt: hourAgo }, template: salesToAm }));
    const nudge = button('Nudge Tom Receiver')!;
    expect(nudge.disabled).toBe(true);
    expect(view.host.querySelector(`#${CSS.escape(nudge.getAttribute('aria-describedby')!)}`)?.textContent).toBe('Nudged 1 h ago · next nudge in 3 h');
  });

  it('Reassign opens a form: teammates but the sender and the receiver, a reason, a new confirm-by', async () => {
    render(JANE, createElement(AfterSendActions, { handoff: SENT, template: salesToAm }));
    act(() => button('Reassign')!.click());
    const form = view.host.querySelector('form[aria-label="Reassign handoff"]')!;
    expect(form).not.toBeNull();
    const picker = control('New receiver') as unknown as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Choose a teammate…', 'Sam Other (sam@brightlane.agency)', 'Ada Admin (ada@brightlane.agency)']);
    await act(async () => button('Reassign handoff')!.click());
    expect(view.host.querySelector('[role="alert"]')?.textContent).toBe('Choose who receives this handoff now.');
    await type(picker, SAM.id);
    await type(control('Reason for reassigning'), 'Tom is on leave.');
    await act(async () => button('Reassign handoff')!.click());
    expect(sent).toEqual([{ type: 'handoff/reassign', id: 'h-1', receiverId: SAM.id, reason: 'Tom is on leave.' }]);
  });
});

describe('editing a sent handoff', () => {
  it('opens with the current values, says when the receiver must confirm again, and saves only what changed', async () => {
    const onDone = vi.fn();
    render(JANE, createElement(EditHandoffForm, { handoff: SENT, template: salesToAm, onDone }));
    expect(control('Timeline expectations').value).toBe('Launch in April.');
    const status = () => view.host.querySelector('[role="status"]')?.textContent;
    expect(status()).toBe('Nothing changed yet.');
    await type(control('Budget'), '$12,000');
    expect(status()).toBe('Changed: Budget.');
    await type(control('Timeline expectations'), 'Launch in May.');
    expect(status()).toBe('Changed: Timeline expectations, Budget. Tom Receiver will be asked to confirm receipt again.');
    await act(async () => button('Save changes')!.click());
    expect(sent).toEqual([{ type: 'handoff/edit', id: 'h-1', fields: { timeline: 'Launch in May.', budget: '$12,000' } }]);
    expect(onDone).toHaveBeenCalledWith(SENT);
  });

  it('on a confirmed handoff, a new confirm-by goes only with a change that asks for confirmation again', async () => {
    const confirmed: Handoff = { ...SENT, state: 'confirmed', confirmedAt: AT };
    render(JANE, createElement(EditHandoffForm, { handoff: confirmed, template: salesToAm, onDone: vi.fn() }));
    expect(control('Confirm by').value).toBe('');
    await type(control('Confirm by'), '2026-12-20');
    await type(control('Budget'), '$12,000');
    await act(async () => button('Save changes')!.click());
    expect(sent).toEqual([{ type: 'handoff/edit', id: 'h-1', fields: { budget: '$12,000' } }]);
    await type(control('Timeline expectations'), 'Launch in May.');
    await act(async () => button('Save changes')!.click());
    const asked = sent[1] as unknown as { fields: unknown; dueBy: string };
    expect(asked.fields).toEqual({ timeline: 'Launch in May.', budget: '$12,000' });
    expect(toDateInput(asked.dueBy)).toBe('2026-12-20');
  });

  it('refuses to save nothing', async () => {
    render(JANE, createElement(EditHandoffForm, { handoff: SENT, template: salesToAm, onDone: vi.fn() }));
    await act(async () => button('Save changes')!.click());
    expect(view.host.querySelector('[role="alert"]')?.textContent).toBe('Nothing changed: change a field before saving.');
    expect(sent).toEqual([]);
  });
});

describe('what the receiver sees', () => {
  it('who edited, when, and which fields, each marked', () => {
    const edited: Handoff = { ...SENT, lastEdit: { by: JANE.id, at: new Date(Date.now() - 5 * 60_000).toISOString(), fieldIds: ['timeline'], title: false, dueBy: false } };
    render(TOM, createElement('div', null, createElement(AfterSendNotes, { handoff: edited, template: salesToAm, now: new Date() }), createElement(ChangedMark, { handoff: edited, fieldId: 'timeline' }), createElement(ChangedMark, { handoff: edited, fieldId: 'budget' })));
    expect(view.host.textContent).toBe('Edited by Jane Sender 5 min ago · changed: Timeline expectationsA required field changed: confirm receipt again, or raise gaps.Changed');
    // Only the receiver is asked, and only for a required field.
    render(JANE, createElement(AfterSendNotes, { handoff: edited, template: salesToAm, now: new Date() }));
    expect(view.host.textContent).toBe('Edited by Jane Sender 5 min ago · changed: Timeline expectations');
    render(TOM, createElement(AfterSendNotes, { handoff: { ...edited, lastEdit: { ...edited.lastEdit!, fieldIds: ['budget'] } }, template: salesToAm, now: new Date() }));
    expect(view.host.textContent).toBe('Edited by Jane Sender 5 min ago · changed: Budget');
  });

  it('"Reassigned to you", by whom, from whom and why', () => {
    const moved: Handoff = { ...SENT, state: 'reassigned', receiverId: SAM.id, reassignment: { by: JANE.id, at: new Date().toISOString(), fromId: TOM.id, reason: 'Tom is on leave.' } };
    render(SAM, createElement(AfterSendNotes, { handoff: moved, template: salesToAm, now: new Date() }));
    expect(view.host.textContent).toBe('Reassigned to you by Jane Sender just now (was Tom Receiver): Tom is on leave.');
    render(TOM, createElement(AfterSendNotes, { handoff: moved, template: salesToAm, now: new Date() }));
    expect(view.host.textContent).toBe('');
  });
});
