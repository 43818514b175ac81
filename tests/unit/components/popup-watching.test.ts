// @vitest-environment happy-dom
// The popup's "Watching": open handoffs I watch, each with its client, where it stands and whose move it
// is; a click opens the side panel on it.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { reactRootPerTest } from './react-root';
import { Popup } from '../../../components/popup/popup';
import type { Handoff } from '../../../lib/model/handoff';
import { briefToCreative } from '../../../lib/templates';
import { AT, handoffOf } from './handoff-fixture';

const person = (id: string, name: string) => ({ id, name, email: `${id}@brightlane.agency`, role: 'member' as const });
const [ME, JANE, ANA] = [person('tom', 'Tom Reyes'), person('jane', 'Jane Doe'), person('ana', 'Ana Lopes')];
const CLIENT = { id: 'c-1', name: 'Northwind <b>', ownerId: JANE.id, identifiers: [], stakeholders: [], preferences: [], sensitivities: [], archived: false, createdAt: AT, updatedAt: AT };
const SENT: Handoff = handoffOf(briefToCreative, { id: 'h-sent', clientId: CLIENT.id, title: 'Autumn brief', senderId: JANE.id, receiverId: ANA.id, state: 'sent', sentAt: AT, watcherIds: [ME.id] });
const GAPS: Handoff = { ...SENT, id: 'h-gaps', title: 'Spring brief', state: 'gaps_raised' };

const sent: Record<string, unknown>[] = [];
let answers: Record<string, unknown>;
beforeEach(() => {
  sent.length = 0;
  answers = {
    'handoffs/awaiting-me': [],
    'handoffs/sent-by-me': [],
    'handoffs/waiting-on-answers': [],
    'clients/list': [CLIENT],
    'members/list': [ME, JANE, ANA],
    'hub/status': { connected: false, pending: 0, live: false, refused: [] },
    'handoffs/watching': [SENT, GAPS],
    'me/get': ME,
  };
});
const view = reactRootPerTest((message: Record<string, unknown>) => {
  sent.push(message);
  return { ok: true, data: answers[String(message.type)] ?? null };
});

async function render() {
  vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 7 } as never);
  await act(async () => view.root.render(createElement(Popup)));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
}
const region = () => view.host.querySelector('section[aria-labelledby="group-watching"]');

describe('the popup’s Watching', () => {
  it('lists open handoffs I watch: title, client, state and whose move', async () => {
    await render();
    expect(view.host.querySelector('#group-watching')?.textContent).toBe('Watching');
    const lines = [...region()!.querySelectorAll('button')].map((b) => [...b.children].map((c) => c.textContent));
    expect(lines).toEqual([
      ['Autumn brief', 'Northwind <b>', 'Sent · Ana Lopes to confirm'],
      ['Spring brief', 'Northwind <b>', 'Gaps raised · Jane Doe to answer'],
    ]);
  });

  it('opens the side panel on the handoff clicked', async () => {
    const open = vi.fn(() => Promise.resolve());
    (browser as unknown as { sidePanel?: unknown }).sidePanel = { open };
    vi.spyOn(window, 'close').mockImplementation(() => {});
    await render();
    await act(async () => [...region()!.querySelectorAll('button')][1]!.click());
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    expect(sent).toContainEqual({ type: 'panel/intent', windowId: 7, intent: { kind: 'handoff', handoffId: 'h-gaps' } });
    delete (browser as unknown as { sidePanel?: unknown }).sidePanel;
  });

  it('says how to watch when I watch nothing', async () => {
    answers['handoffs/watching'] = [];
    await render();
    expect(region()?.textContent).toContain('Open one in the side panel and choose Watch.');
  });
});
