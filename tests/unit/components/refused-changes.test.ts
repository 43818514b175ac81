// @vitest-environment happy-dom
// The refused changes, as the popup and Settings → Team hub show them. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from './react-root';
import { RefusedChanges } from '../../../components/refused-changes';
import type { HubStatus, RefusedSummary } from '../../../lib/messaging/protocol';

const sent: unknown[] = [];
const after: HubStatus = { connected: true, me: { id: 'm-1', name: 'Tom', email: 'tom@brightlane.agency', role: 'member' }, pending: 1, live: true, refused: [] };

beforeEach(() => {
  sent.length = 0;
});
const view = reactRootPerTest((message: unknown) => {
  sent.push(message);
  return { ok: true, data: after };
});

const REFUSED: RefusedSummary[] = [{ id: 'e-1', type: 'client.created', reason: 'Invalid event: its text holds a NUL character.', at: '2026-12-06T11:00:00.000Z' }];

describe('changes not shared', () => {
  it('shows each refused change with its reason, and Retry / Discard ask the background for that change', async () => {
    const onStatus = vi.fn();
    act(() => view.root.render(createElement(RefusedChanges, { refused: REFUSED, onStatus })));
    const region = view.host.querySelector('section[aria-label="Changes not shared"]')!;
    expect(region.textContent).toContain('1 change could not be shared');
    expect(region.textContent).toContain('client created: Invalid event: its text holds a NUL character.');
    const button = (name: string) => [...region.querySelectorAll('button')].find((b) => b.textContent === name)!;
    await act(async () => button('Retry').click());
    await act(async () => button('Discard').click());
    expect(sent).toEqual([
      { type: 'hub/retry-refused', id: 'e-1' },
      { type: 'hub/discard-refused', id: 'e-1' },
    ]);
    expect(onStatus).toHaveBeenCalledWith(after);
  });

  it('shows nothing when every change was shared', () => {
    act(() => view.root.render(createElement(RefusedChanges, { refused: [], onStatus: () => undefined })));
    expect(view.host.innerHTML).toBe('');
  });
});
