// @vitest-environment happy-dom
// The handoff form's "choose a receiver" message, as the sender sees it. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { HandoffForm } from '../../../components/panel/handoff-form';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { Handoff } from '../../../lib/model/handoff';
import { briefToCreative } from '../../../lib/templates';
import { CHOOSE_RECEIVER } from '../../../lib/workflow/handoff-machine';


const AT = '2026-12-06T11:00:00.000Z';
const ME = { id: 'm-me', name: 'Sam Sender', email: 'sam@brightlane.agency', role: 'member' as const };
const TOM = { id: 'm-tom', name: 'Tom Receiver', email: 'tom@brightlane.agency', role: 'member' as const };
const WORKSPACE: Workspace = { me: ME, members: [ME, TOM], clients: [], templates: [briefToCreative] };
const DRAFT: Handoff = {
  id: 'h-1',
  clientId: 'c-1',
  templateId: briefToCreative.id,
  templateVersion: briefToCreative.version,
  title: 'Autumn range',
  fields: {},
  senderId: ME.id,
  state: 'draft',
  sources: {},
  context: { participants: [] },
  gaps: [],
  gapRounds: 0,
  createdAt: AT,
  updatedAt: AT,
};

const view = reactRootPerTest(() => ({ ok: true, data: DRAFT }));

const alertText = () => [...view.host.querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' ');

describe('the handoff form’s receiver message', () => {
  it('goes as soon as a receiver is chosen', async () => {
    act(() => view.root.render(createElement(WorkspaceContext.Provider, { value: WORKSPACE }, createElement(HandoffForm, { handoff: DRAFT, template: briefToCreative, onSent: () => {} }))));
    const send = [...view.host.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Send handoff')!;
    await act(async () => send.click());
    expect(alertText()).toContain(CHOOSE_RECEIVER);

    const receiver = [...view.host.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Receiver'))!.querySelector('select')!;
    await act(async () => {
      receiver.value = TOM.id;
      receiver.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(receiver.value).toBe(TOM.id);
    expect(alertText()).not.toContain(CHOOSE_RECEIVER);
  });
});
