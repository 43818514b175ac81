// @vitest-environment happy-dom
// "Withdraw gap" closes its form either way: the keyboard never drops to nothing. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from './react-root';
import { GapThread } from '../../../components/panel/gap-thread';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';

const AT = '2026-12-06T11:00:00.000Z';
const ME = { id: 'm-me', name: 'Rita Receiver', email: 'rita@brightlane.agency', role: 'member' as const };
const WORKSPACE = { me: ME, members: [ME], clients: [], templates: [] } as unknown as Workspace;
const GAP = { id: 'g-1', fieldIds: ['primary_goals'], question: 'Which goal matters most?', raisedBy: ME.id, raisedAt: AT };

const view = reactRootPerTest(() => ({ ok: true, data: {} }));
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const render = () =>
  act(() =>
    view.root.render(
      createElement(WorkspaceContext.Provider, { value: WORKSPACE }, createElement('h1', { tabIndex: -1 }, 'Acme kick-off'), createElement(GapThread, { gaps: [GAP], handoffId: 'h-1', receiverId: ME.id })),
    ),
  );

describe('Withdraw gap and focus', () => {
  it('"Keep it" gives focus back to "Withdraw gap"', async () => {
    render();
    await act(async () => button('Withdraw gap')!.click());
    await act(async () => button('Keep it')!.click());
    expect(document.activeElement).toBe(button('Withdraw gap'));
  });

  it('once withdrawn, focus goes to the view’s heading', async () => {
    render();
    await act(async () => button('Withdraw gap')!.click());
    await act(async () => button('Withdraw gap')!.click());
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Acme kick-off'));
  });
});
