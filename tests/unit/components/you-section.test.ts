// @vitest-environment happy-dom
// Settings → You offers the signed-in Gmail address in one click. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { YouSection } from '../../../components/options/you-section';

const sent: { type: string; name?: string; email?: string }[] = [];
let suggestion: { email: string; name?: string } | null;

beforeEach(() => {
  sent.length = 0;
});
const view = reactRootPerTest((message: { type: string; name?: string; email?: string }) => {
  sent.push(message);
  const me = { id: 'm-1', name: 'You', email: 'you@baton.local', role: 'admin' };
  if (message.type === 'me/suggestion') return { ok: true, data: suggestion };
  if (message.type === 'me/update') return { ok: true, data: { ...me, name: message.name, email: message.email } };
  return { ok: true, data: me };
});

const render = async () => {
  await act(async () => view.root.render(createElement(YouSection)));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
};
const useButton = () => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Use '));

describe('Settings → You', () => {
  it('shows the signed-in Gmail address with one click to use it, keeping the name for the person to type', async () => {
    suggestion = { email: 'dana@brightlane.agency' };
    await render();
    expect(view.host.textContent).toContain('signed in to Gmail as dana@brightlane.agency');
    expect(useButton()?.textContent).toBe('Use dana@brightlane.agency');
    await act(async () => useButton()!.click());
    expect(sent.at(-1)).toEqual({ type: 'me/update', name: 'You', email: 'dana@brightlane.agency' });
    expect(view.host.textContent).toContain('Type your name above and save.');
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
    expect(view.host.querySelector('input[type="email"]')).not.toBeNull();
    expect(useButton()).toBeUndefined();
    expect(view.host.textContent).not.toContain('signed in to Gmail');
  });
});
