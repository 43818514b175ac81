// @vitest-environment happy-dom
// The handoff view's watchers: who else is watching (never the sender or the receiver), and Watch /
// Stop watching for anyone else; names are shown as text, whatever they hold.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { HandoffView } from '../../../components/panel/handoff-view';
import { NavigationContext, type Navigation } from '../../../components/panel/navigation';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import { publishChange } from '../../../lib/db/change-feed';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import { briefToCreative } from '../../../lib/templates';
import { AT, handoffOf } from './handoff-fixture';

const person = (id: string, name: string): Member => ({ id, name, email: `${id}@brightlane.agency`, role: 'member' });
const JANE = person('jane', 'Jane Sender');
const RITA = person('rita', 'Rita Receiver');
const ANA = person('ana', 'Ana Lopes');
const SAM = person('sam', 'Sam Park');
const HOSTILE = person('x', '<script>alert(1)</script>\u0000 \ud83d');
const CLIENT = { id: 'c-1', name: 'Northwind', ownerId: JANE.id, identifiers: [], stakeholders: [], preferences: [], sensitivities: [], archived: false, createdAt: AT, updatedAt: AT };
const SENT: Handoff = handoffOf(briefToCreative, { clientId: CLIENT.id, title: 'Autumn brief', senderId: JANE.id, receiverId: RITA.id, state: 'sent', sentAt: AT, watcherIds: [ANA.id, RITA.id] });

const sent: Record<string, unknown>[] = [];
let answers: Record<string, unknown> = {};
let refusals: Record<string, string> = {};
beforeEach(() => {
  sent.length = 0;
  answers = { 'handoff/get': SENT, 'pending/list': [], 'client/view': null };
  refusals = {};
});
const view = reactRootPerTest((message: Record<string, unknown>) => {
  sent.push(message);
  const refused = refusals[String(message.type)];
  return refused ? { ok: false, problem: { code: 'invalid', message: refused } } : { ok: true, data: answers[String(message.type)] ?? null };
});
const navigation: Navigation = { navigate: () => {}, back: () => {}, canGoBack: true, requestFocus: () => {}, takeFocusRequest: () => false };
const settle = () => act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));

async function render(me: Member) {
  const workspace = { me, members: [JANE, RITA, ANA, SAM, HOSTILE], clients: [CLIENT], templates: [briefToCreative] } as unknown as Workspace;
  await act(async () =>
    view.root.render(createElement(NavigationContext.Provider, { value: navigation }, createElement(WorkspaceContext.Provider, { value: workspace }, createElement(HandoffView, { handoffId: SENT.id })))),
  );
  await settle();
}
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const watchingLine = () => [...view.host.querySelectorAll('p')].map((p) => p.textContent ?? '').find((t) => t.startsWith('Watching') || t.startsWith('Nobody else'));
async function changed(handoff: Handoff) {
  answers['handoff/get'] = handoff;
  await act(async () => publishChange({ eventId: 'e-w', type: 'handoff.watched', stores: ['handoffs'] }));
  await settle();
  await settle();
}

describe('watchers in the handoff view', () => {
  it('names who else is watching, without the receiver, and lets a colleague watch and stop', async () => {
    await render(SAM);
    expect(watchingLine()).toBe('Watching: Ana Lopes');
    expect(button('Stop watching')).toBeUndefined();
    await act(async () => button('Watch')!.click());
    expect(sent).toContainEqual({ type: 'handoff/watch', id: SENT.id });
    await changed({ ...SENT, watcherIds: [ANA.id, RITA.id, SAM.id] });
    expect(watchingLine()).toBe('Watching: Ana Lopes, you');
    await act(async () => button('Stop watching')!.click());
    expect(sent).toContainEqual({ type: 'handoff/unwatch', id: SENT.id });
  });

  it('offers the sender and the receiver no button, and says when nobody else is watching', async () => {
    answers['handoff/get'] = { ...SENT, watcherIds: [RITA.id, JANE.id] };
    await render(JANE);
    expect(watchingLine()).toBe('Nobody else is watching');
    expect(button('Watch')).toBeUndefined();
    await render(RITA);
    expect(button('Watch')).toBeUndefined();
    expect(button('Stop watching')).toBeUndefined();
  });

  it('shows a refusal, and hostile names as text', async () => {
    answers['handoff/get'] = { ...SENT, watcherIds: [HOSTILE.id] };
    await render(SAM);
    // The raw tag, the NUL and the half emoji are shown as the text they are.
    expect(watchingLine()).toBe('Watching: <script>alert(1)</script>\u0000 \ud83d');
    refusals['handoff/watch'] = 'Unknown handoff.';
    await act(async () => button('Watch')!.click());
    await settle();
    expect(view.host.querySelector('[role="alert"]')?.textContent).toContain('Unknown handoff.');
  });
});
