// @vitest-environment happy-dom
// Settings → You offers the signed-in Gmail address in one click. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { YouSection } from '../../../components/options/you-section';

let root: Root;
let host: HTMLElement;
const sent: { type: string; name?: string; email?: string }[] = [];
let suggestion: { email: string; name?: string } | null;

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: { type: string; name?: string; email?: string }) => {
    sent.push(message);
    const me = { id: 'm-1', name: 'You', email: 'you@baton.local', role: 'admin' };
    if (message.type === 'me/suggestion') return Promise.resolve({ ok: true, data: suggestion });
    if (message.type === 'me/update') return Promise.resolve({ ok: true, data: { ...me, name: message.name, email: message.email } });
    return Promise.resolve({ ok: true, data: me });
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

const render = async () => {
  await act(async () => root.render(createElement(YouSection)));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
};
const useButton = () => [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Use '));

describe('Settings → You', () => {
  it('shows the signed-in Gmail address with one click to use it, keeping the name for the person to type', async () => {
    suggestion = { email: 'dana@brightlane.agency' };
    await render();
    expect(host.textContent).toContain('signed in to Gmail as dana@brightlane.agency');
    expect(useButton()?.textContent).toBe('Use dana@brightlane.agency');
    await act(async () => useButton()!.click());
    expect(sent.at(-1)).toEqual({ type: 'me/update', name: 'You', email: 'dana@brightlane.agency' });
    expect(host.textContent).toContain('Type your name above and save.');
  });

  it('uses the name Gmail gave too, when it gave one', async () => {
    suggestion = { email: 'dana@brightlane.agency', name: 'Dana Whitfield' };
    await render();
    await act(async () => useButton()!.click());
    expect(sent.at(-1)).toEqual({ type: 'me/update', name: 'Dana Whitfield', email: 'dana@brightlane.agency' });
  });

  it('offers nothing when the background suggests nothing (you set who you are, or you are on a hub)', async () => {
    suggestion = null;
    await render();
    expect(host.querySelector('input[type="email"]')).not.toBeNull();
    expect(useButton()).toBeUndefined();
    expect(host.textContent).not.toContain('signed in to Gmail');
  });
});
