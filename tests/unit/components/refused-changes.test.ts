// @vitest-environment happy-dom
// The refused changes, as the popup and Settings → Team hub show them. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RefusedChanges } from '../../../components/refused-changes';
import type { HubStatus, RefusedSummary } from '../../../lib/messaging/protocol';

let root: Root;
let host: HTMLElement;
const sent: unknown[] = [];
const after: HubStatus = { connected: true, me: { id: 'm-1', name: 'Tom', email: 'tom@brightlane.agency', role: 'member' }, pending: 1, live: true, refused: [] };

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: unknown) => {
    sent.push(message);
    return Promise.resolve({ ok: true, data: after });
  }) as never);
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

const REFUSED: RefusedSummary[] = [{ id: 'e-1', type: 'client.created', reason: 'Invalid event: its text holds a NUL character.', at: '2026-12-06T11:00:00.000Z' }];

describe('changes not shared', () => {
  it('shows each refused change with its reason, and Retry / Discard ask the background for that change', async () => {
    const onStatus = vi.fn();
    act(() => root.render(createElement(RefusedChanges, { refused: REFUSED, onStatus })));
    const region = host.querySelector('section[aria-label="Changes not shared"]')!;
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
    act(() => root.render(createElement(RefusedChanges, { refused: [], onStatus: () => undefined })));
    expect(host.innerHTML).toBe('');
  });
});
