// @vitest-environment happy-dom
// Settings → You, "Notify me": four boxes, all on until the person unticks one; each change is saved at
// once, and a refused save puts the box back and says why.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { YouSection } from '../../../components/options/you-section';

const sent: Record<string, unknown>[] = [];
let stored: Record<string, boolean>;
let refuseSave: string | undefined;
beforeEach(() => {
  sent.length = 0;
  stored = { sent: true, gaps: true, confirmed: true, overdue: true };
  refuseSave = undefined;
});
const view = reactRootPerTest((message: Record<string, unknown>) => {
  sent.push(message);
  if (message.type === 'notify/get') return { ok: true, data: stored };
  if (message.type === 'notify/save') return refuseSave ? { ok: false, problem: { code: 'invalid', message: refuseSave } } : { ok: true, data: (stored = message.prefs as Record<string, boolean>) };
  if (message.type === 'me/suggestion') return { ok: true, data: null };
  return { ok: true, data: { id: 'm-1', name: 'Tom Reyes', email: 'tom@brightlane.agency', role: 'member' } };
});
const settle = () => act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
const render = async () => {
  await act(async () => view.root.render(createElement(YouSection)));
  await settle();
};
const group = () => [...view.host.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === 'Notify me');
const box = (label: string) => [...group()!.querySelectorAll('label')].find((l) => l.textContent === label)?.querySelector('input');
const LABELS = ['When a handoff I watch is sent', 'When a handoff I watch gets gaps', 'When a handoff I watch is confirmed', 'When a handoff I watch is overdue'];

describe('Settings → You, Notify me', () => {
  it('shows the four moments, all ticked by default', async () => {
    await render();
    expect(group()).toBeDefined();
    expect([...group()!.querySelectorAll('label')].map((l) => [l.textContent, l.querySelector('input')?.checked])).toEqual(LABELS.map((l) => [l, true]));
  });

  it('shows what I unticked before, and saves a change at once', async () => {
    stored = { sent: true, gaps: false, confirmed: true, overdue: true };
    await render();
    expect(box('When a handoff I watch gets gaps')?.checked).toBe(false);
    await act(async () => box('When a handoff I watch is overdue')!.click());
    await settle();
    expect(sent).toContainEqual({ type: 'notify/save', prefs: { sent: true, gaps: false, confirmed: true, overdue: false } });
    expect(box('When a handoff I watch is overdue')?.checked).toBe(false);
    expect(group()!.querySelector('[role="status"]')?.textContent).toBe('Saved.');
  });

  it('puts the box back and says why when the save is refused', async () => {
    refuseSave = 'Baton could not save your settings.';
    await render();
    await act(async () => box('When a handoff I watch is sent')!.click());
    await settle();
    expect(box('When a handoff I watch is sent')?.checked).toBe(true);
    expect(group()!.querySelector('[role="alert"]')?.textContent).toContain('Baton could not save your settings.');
  });
});
