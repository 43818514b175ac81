// @vitest-environment happy-dom
// "Recent clients": which client the panel shows, and that showing it puts it first in the list search offers.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { shownClientId, useRememberClient } from '../../../components/panel/use-recent-clients';
import type { PanelState } from '../../../components/use-panel-state';
import { STORAGE_KEYS } from '../../../lib/storage/keys';
import { getItem, setItem } from '../../../lib/storage/store';

const view = reactRootPerTest(() => ({ ok: true, data: null }));
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const matched = (clientId: string) => ({ status: 'ready', tab: { match: { status: 'matched', client: { id: clientId, name: 'Acme' } } } }) as unknown as PanelState;

function Shown({ clientId }: { clientId?: string }) {
  useRememberClient(clientId);
  return null;
}
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe('recent clients', () => {
  it('names the client the panel shows: one opened, else the followed tab’s; none on a handoff', () => {
    expect(shownClientId({ view: 'client', clientId: 'c-1' }, matched('c-2'))).toBe('c-1');
    expect(shownClientId({ view: 'tab' }, matched('c-2'))).toBe('c-2');
    expect(shownClientId({ view: 'tab' }, { status: 'ready', tab: null })).toBeUndefined();
    expect(shownClientId({ view: 'handoff', handoffId: 'h-1' }, matched('c-2'))).toBeUndefined();
  });

  it('puts each client shown first in the stored list, once', async () => {
    await setItem(STORAGE_KEYS.recentClients, ['c-1', 'c-2']);
    await act(async () => view.root.render(createElement(Shown, { clientId: 'c-2' })));
    await settle();
    expect(await getItem(STORAGE_KEYS.recentClients)).toEqual(['c-2', 'c-1']);
    await act(async () => view.root.render(createElement(Shown, { clientId: 'c-3' })));
    await settle();
    expect(await getItem(STORAGE_KEYS.recentClients)).toEqual(['c-3', 'c-2', 'c-1']);
    await act(async () => view.root.render(createElement(Shown, {})));
    await settle();
    expect(await getItem(STORAGE_KEYS.recentClients)).toEqual(['c-3', 'c-2', 'c-1']);
  });
});
