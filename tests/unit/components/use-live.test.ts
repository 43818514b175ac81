// @vitest-environment happy-dom
// The one live-data hook of every page: load, reload on the change feed, keep what was shown.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveError, useLive, type Live, type LiveOptions } from '../../../components/use-live';
import { publishChange } from '../../../lib/db/change-feed';
import type { Result } from '../../../lib/messaging/protocol';

let root: Root;
let seen: Live<string>[];
let reload: () => void;

function Probe({ load, options }: { load: () => Promise<Result<string>>; options?: LiveOptions }) {
  const live = useLive(load, options);
  seen.push(live);
  reload = live.reload;
  return null;
}

function render(load: () => Promise<Result<string>>, options?: LiveOptions): void {
  act(() => root.render(createElement(Probe, { load, ...(options ? { options } : {}) })));
}
const shown = () => seen.at(-1)!;
const ok = (data: string): Result<string> => ({ ok: true, data });
const refused = (message: string, code: 'internal' | 'unavailable' = 'internal'): Result<string> => ({ ok: false, problem: { code, message } });
/** A load that answers when the test says so. */
function deferred() {
  let answer!: (reply: Result<string>) => void;
  const promise = new Promise<Result<string>>((resolve) => (answer = resolve));
  return { promise, answer };
}

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  seen = [];
  root = createRoot(document.createElement('div'));
});
afterEach(() => act(() => root.unmount()));

describe('useLive', () => {
  it('loads, then loads again when the background changes a store it watches (or rebuilds them all)', async () => {
    let n = 0;
    const load = vi.fn(async () => ok(`version ${++n}`));
    render(load, { stores: ['clients'] });
    expect(shown()).toEqual(expect.objectContaining({ status: 'loading' }));
    await vi.waitFor(() => expect(shown()).toMatchObject({ status: 'ready', data: 'version 1' }));

    publishChange({ eventId: 'e1', type: 'note.added', stores: ['notes'] });
    publishChange({ eventId: 'e2', type: 'client.updated', stores: ['clients'] });
    await vi.waitFor(() => expect(shown()).toMatchObject({ status: 'ready', data: 'version 2' }));
    publishChange({ eventId: null, type: 'rebuild', stores: [] });
    await vi.waitFor(() => expect(shown()).toMatchObject({ status: 'ready', data: 'version 3' }));
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('folds the changes that arrive during a load into one more load', async () => {
    const first = deferred();
    const load = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(ok('after the burst'));
    render(load);
    for (let i = 0; i < 5; i++) publishChange({ eventId: `e${i}`, type: 'client.updated', stores: ['clients'] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await act(async () => first.answer(ok('before the burst')));
    await vi.waitFor(() => expect(shown()).toMatchObject({ status: 'ready', data: 'after the burst' }));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps what was shown when a reload fails, and says why beside it', async () => {
    const load = vi.fn().mockResolvedValueOnce(ok('the list')).mockResolvedValueOnce(refused('Baton could not read the clients.')).mockResolvedValue(ok('the list, again'));
    render(load);
    await vi.waitFor(() => expect(shown()).toMatchObject({ status: 'ready', data: 'the list' }));
    act(() => reload());
    await vi.waitFor(() => expect(shown()).toEqual({ status: 'ready', data: 'the list', error: 'Baton could not read the clients.', reload }));
    expect(liveError(shown())).toBe('Baton could not read the clients.');
    act(() => reload());
    await vi.waitFor(() => expect(shown()).toMatchObject({ status: 'ready', data: 'the list, again' }));
    expect(liveError(shown())).toBeUndefined();
  });

  it('shows a load that throws as an error instead of losing it', async () => {
    render(() => Promise.reject(new Error('the port closed')));
    await vi.waitFor(() => expect(shown()).toMatchObject({ status: 'error', message: 'the port closed' }));
    expect(liveError(shown())).toBe('the port closed');
  });

  it('asks a waking background again before it shows data', async () => {
    const load = vi.fn().mockResolvedValueOnce(refused('Baton did not answer.', 'unavailable')).mockResolvedValue(ok('awake'));
    render(load);
    await vi.waitFor(() => expect(shown()).toMatchObject({ status: 'error', message: 'Baton did not answer.' }));
    await vi.waitFor(() => expect(shown()).toMatchObject({ status: 'ready', data: 'awake' }), { timeout: 2000 });
  });

  it('starts afresh for another key and drops the late answer for the old one', async () => {
    const slow = deferred();
    render(() => slow.promise, { key: 'client:a' });
    render(async () => ok('client b'), { key: 'client:b' });
    await vi.waitFor(() => expect(shown()).toMatchObject({ status: 'ready', data: 'client b' }));
    await act(async () => slow.answer(ok('client a')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shown()).toMatchObject({ status: 'ready', data: 'client b' });
  });
});
