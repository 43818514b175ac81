// @vitest-environment happy-dom
// Starting a handoff of a kind already open for the client: the panel asks before making a second one.
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from './react-root';
import { NavigationContext, type Navigation } from '../../../components/panel/navigation';
import { NewHandoffView } from '../../../components/panel/new-handoff-view';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { Handoff } from '../../../lib/model/handoff';
import { salesToAm } from '../../../lib/templates';

const NOW = Date.now();
const ME = { id: 'm-me', name: 'Sam Sender', email: 'sam@brightlane.agency', role: 'member' as const };
const ANA = { id: 'm-ana', name: 'Ana Lima', email: 'ana@brightlane.agency', role: 'member' as const };
const ACME = { id: 'c-1', name: 'Acme', identifiers: [], createdAt: new Date(NOW).toISOString(), updatedAt: new Date(NOW).toISOString() };
const WORKSPACE = { me: ME, members: [ME, ANA], clients: [ACME], templates: [salesToAm] } as unknown as Workspace;
const OPEN: Handoff = {
  id: 'h-open',
  clientId: ACME.id,
  templateId: salesToAm.id,
  templateVersion: salesToAm.version,
  title: 'Acme onboarding',
  fields: {},
  senderId: ME.id,
  receiverId: ANA.id,
  state: 'sent',
  sources: {},
  context: { participants: [] },
  gaps: [],
  gapRounds: 0,
  createdAt: new Date(NOW - 3 * 86_400_000).toISOString(),
  sentAt: new Date(NOW - 2 * 86_400_000).toISOString(),
  updatedAt: new Date(NOW - 2 * 86_400_000).toISOString(),
};
const STARTED: Handoff = { ...OPEN, id: 'h-new', state: 'draft', receiverId: undefined, sentAt: undefined };

const starts: Record<string, unknown>[] = [];
const view = reactRootPerTest((message: Record<string, unknown>) => {
  starts.push(message);
  return { ok: true, data: message.startAnyway ? STARTED : { duplicate: OPEN } };
});

function render(navigate: Navigation['navigate']) {
  const navigation: Navigation = { navigate, back: () => {}, canGoBack: false, requestFocus: () => {}, takeFocusRequest: () => false };
  const tree = createElement(
    NavigationContext.Provider,
    { value: navigation },
    createElement(WorkspaceContext.Provider, { value: WORKSPACE }, createElement(NewHandoffView, { route: { view: 'new-handoff', clientId: ACME.id, templateId: salesToAm.id }, site: undefined })),
  );
  return act(async () => view.root.render(tree));
}
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('the duplicate guard in the panel', () => {
  it('says which one is open and where it stands, and opens it', async () => {
    starts.length = 0;
    const navigate = vi.fn();
    await render(navigate);
    expect(view.host.querySelector('[role="alert"]')?.textContent).toBe(`A ${salesToAm.name} handoff for Acme is already open (sent 2 d ago to Ana Lima).`);
    expect(navigate).not.toHaveBeenCalled();
    await act(async () => button('Open it')!.click());
    expect(navigate).toHaveBeenCalledWith({ view: 'handoff', handoffId: OPEN.id });
    expect(starts.filter((m) => m.type === 'handoff/start')).toHaveLength(1);
  });

  it('starts another when asked to, and goes to the new draft', async () => {
    starts.length = 0;
    const navigate = vi.fn();
    await render(navigate);
    await act(async () => button('Start another anyway')!.click());
    expect(starts.filter((m) => m.type === 'handoff/start').map((m) => m.startAnyway)).toEqual([undefined, true]);
    expect(navigate).toHaveBeenCalledWith({ view: 'handoff', handoffId: STARTED.id }, { replace: true });
    expect(view.host.querySelector('[role="alert"]')).toBeNull();
  });
});
