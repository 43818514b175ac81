// @vitest-environment happy-dom
// The handoff form's "choose a receiver" message, as the sender sees it. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { handoffOf, teamWith, TOM } from './handoff-fixture';
import { reactRootPerTest } from './react-root';
import { HandoffForm } from '../../../components/panel/handoff-form';
import { WorkspaceContext } from '../../../components/panel/workspace';
import { briefToCreative } from '../../../lib/templates';
import { CHOOSE_RECEIVER } from '../../../lib/workflow/handoff-machine';

const WORKSPACE = teamWith(briefToCreative);
const DRAFT = handoffOf(briefToCreative, { title: 'Autumn range' });

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
