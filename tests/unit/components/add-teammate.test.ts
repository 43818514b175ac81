// @vitest-environment happy-dom
// "Add a teammate" beside the Receiver: no dead end to Settings → Team in the middle of a handoff.
// No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { HandoffForm } from '../../../components/panel/handoff-form';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import { briefToCreative } from '../../../lib/templates';

const AT = '2026-12-06T11:00:00.000Z';
const ME: Member = { id: 'm-me', name: 'Sam Sender', email: 'sam@brightlane.agency', role: 'member' };
const NEW: Member = { id: 'm-new', name: 'Ana Lima', email: 'ana@brightlane.agency', role: 'member' };
const DRAFT = {
  id: 'h-1', clientId: 'c-1', templateId: briefToCreative.id, templateVersion: briefToCreative.version, title: 'Autumn range', fields: {}, senderId: ME.id,
  state: 'draft', sources: {}, context: { participants: [] }, gaps: [], gapRounds: 0, createdAt: AT, updatedAt: AT,
} as Handoff;

type Message = { type: string; name?: string; email?: string };
const asked: Message[] = [];
let hub: { connected: boolean; role: Member['role'] } = { connected: false, role: 'member' };
const view = reactRootPerTest((message: Message) => {
  asked.push(message);
  switch (message.type) {
    case 'hub/status':
      return { ok: true, data: { connected: hub.connected, me: { ...ME, role: hub.role }, pending: 0, live: false } };
    case 'member/add':
      return { ok: true, data: { ...NEW, name: message.name, email: message.email } };
    case 'invite/create':
      return { ok: true, data: { id: 'i-1', name: message.name, email: message.email, role: 'member', code: 'c', link: 'https://hub.example/join#c' } };
    default:
      return { ok: true, data: DRAFT };
  }
});

async function render(members: Member[]): Promise<void> {
  const workspace: Workspace = { me: ME, members, clients: [], templates: [briefToCreative] };
  await act(async () => view.root.render(createElement(WorkspaceContext.Provider, { value: workspace }, createElement(HandoffForm, { handoff: DRAFT, template: briefToCreative, onSent: () => {} }))));
}
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const input = (label: string) => [...view.host.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(label))!.querySelector('input, select') as HTMLInputElement;
async function type(label: string, value: string): Promise<void> {
  const box = input(label);
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('"Add a teammate" beside the Receiver', () => {
  it('working alone: adds the person to the team and chooses them as the receiver', async () => {
    hub = { connected: false, role: 'member' };
    asked.length = 0;
    await render([ME]);
    expect(view.host.textContent).not.toContain('Settings → Team');
    await act(async () => button('Add a teammate')!.click());
    await type('Teammate’s name', 'Ana Lima');
    await type('Teammate’s email', 'ana@brightlane.agency');
    await act(async () => button('Add and choose')!.click());
    expect(asked).toContainEqual({ type: 'member/add', name: 'Ana Lima', email: 'ana@brightlane.agency' });
    // The change feed brings the new member into the workspace: the Receiver shows them chosen.
    await render([ME, NEW]);
    expect((input('Receiver') as unknown as HTMLSelectElement).value).toBe(NEW.id);
    expect(button('Add and choose')).toBeUndefined();
  });

  it('on a hub, an admin invites them through the hub and gets the link', async () => {
    hub = { connected: true, role: 'admin' };
    asked.length = 0;
    await render([ME]);
    await act(async () => button('Add a teammate')!.click());
    await type('Teammate’s name', 'Ana Lima');
    await type('Teammate’s email', 'ana@brightlane.agency');
    await act(async () => button('Invite ana@brightlane.agency')!.click());
    expect(asked).toContainEqual({ type: 'invite/create', name: 'Ana Lima', email: 'ana@brightlane.agency' });
    expect(asked.map((m) => m.type)).not.toContain('member/add');
    expect(input('Invite link for ana@brightlane.agency').value).toBe('https://hub.example/join#c');
  });

  it('on a hub, a member is told to ask an admin', async () => {
    hub = { connected: true, role: 'member' };
    await render([ME]);
    await act(async () => button('Add a teammate')!.click());
    expect(view.host.textContent).toContain('ask an admin to invite them');
    expect(button('Add and choose')).toBeUndefined();
  });

  it('"Close" looks like a close, not a danger, and gives focus back to "Add a teammate"; so does adding', async () => {
    hub = { connected: false, role: 'member' };
    await render([ME]);
    await act(async () => button('Add a teammate')!.click());
    expect(button('Close')!.className).not.toContain('text-red');
    await act(async () => button('Close')!.click());
    expect(document.activeElement).toBe(button('Add a teammate'));

    await act(async () => button('Add a teammate')!.click());
    await type('Teammate’s name', 'Ana Lima');
    await type('Teammate’s email', 'ana@brightlane.agency');
    await act(async () => button('Add and choose')!.click());
    expect(document.activeElement).toBe(button('Add a teammate'));
  });
});
