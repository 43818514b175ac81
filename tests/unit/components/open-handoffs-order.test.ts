// @vitest-environment happy-dom
// A client's open handoffs, as the panel lists them: what needs my move first, the overdue one on top.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { OpenHandoffsList } from '../../../components/panel/open-handoffs';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { Handoff, HandoffState } from '../../../lib/model/handoff';
import { salesToAm } from '../../../lib/templates';

const NOW = Date.now();
const ago = (days: number) => new Date(NOW - days * 86_400_000).toISOString();
const ME = { id: 'm-me', name: 'Ana Lima', email: 'ana@brightlane.agency', role: 'member' as const };
const SAM = { id: 'm-sam', name: 'Sam Sender', email: 'sam@brightlane.agency', role: 'member' as const };
const WORKSPACE = { me: ME, members: [ME, SAM], clients: [], templates: [salesToAm] } as unknown as Workspace;

function handoff(title: string, state: HandoffState, parties: { senderId: string; receiverId?: string }, updatedDaysAgo: number, dueDaysAgo?: number): Handoff {
  return {
    id: title,
    clientId: 'c-1',
    templateId: salesToAm.id,
    templateVersion: salesToAm.version,
    title,
    fields: {},
    ...parties,
    state,
    sources: {},
    context: { participants: [] },
    gaps: [],
    gapRounds: 0,
    createdAt: ago(10),
    updatedAt: ago(updatedDaysAgo),
    ...(state === 'draft' ? {} : { sentAt: ago(updatedDaysAgo) }),
    ...(dueDaysAgo === undefined ? {} : { dueBy: ago(dueDaysAgo) }),
  };
}

const view = reactRootPerTest(() => ({ ok: true, data: null }));

describe('open handoffs, your move first', () => {
  it('lists the overdue one waiting on me first, then my other moves, then the rest by recent activity', () => {
    // As the client view hands them over: most recent activity first.
    const handoffs = [
      handoff('Sam’s draft', 'draft', { senderId: SAM.id }, 0),
      handoff('Sent to Sam', 'sent', { senderId: ME.id, receiverId: SAM.id }, 1),
      handoff('My draft', 'draft', { senderId: ME.id }, 2),
      handoff('Overdue for me', 'sent', { senderId: SAM.id, receiverId: ME.id }, 5, 1),
    ];
    act(() => view.root.render(createElement(WorkspaceContext.Provider, { value: WORKSPACE }, createElement(OpenHandoffsList, { handoffs }))));
    const rows = [...view.host.querySelectorAll('li')];
    expect(rows.map((r) => r.querySelector('button > span > span')?.textContent)).toEqual(['Overdue for me', 'My draft', 'Sam’s draft', 'Sent to Sam']);
    expect(rows.map((r) => r.textContent?.includes('Your move'))).toEqual([true, true, false, false]);
  });
});
