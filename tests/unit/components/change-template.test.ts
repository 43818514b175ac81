// @vitest-environment happy-dom
// "Change template" on a draft the page's template started: what was typed is never thrown away unasked.
// No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { handoffOf, teamWith } from './handoff-fixture';
import { reactRootPerTest } from './react-root';
import { HandoffForm } from '../../../components/panel/handoff-form';
import { WorkspaceContext } from '../../../components/panel/workspace';
import type { Handoff } from '../../../lib/model/handoff';
import { briefToCreative } from '../../../lib/templates';

const DRAFT = handoffOf(briefToCreative, { title: 'Autumn range' });
const asked: { type: string; title?: string }[] = [];
const view = reactRootPerTest((message: { type: string; title?: string }) => {
  asked.push(message);
  return { ok: true, data: DRAFT };
});

async function render(handoff: Handoff, onChangeTemplate: () => void): Promise<void> {
  asked.length = 0;
  await act(async () => view.root.render(createElement(WorkspaceContext.Provider, { value: teamWith(briefToCreative) }, createElement(HandoffForm, { handoff, template: briefToCreative, onSent: () => {}, onChangeTemplate }))));
}
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
async function typeTitle(value: string): Promise<void> {
  const box = [...view.host.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith('Title'))!.querySelector('input')!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('"Change template"', () => {
  it('on a draft as the page prefilled it, goes straight to the picker', async () => {
    const change = vi.fn();
    await render(DRAFT, change);
    await act(async () => button('Change template')!.click());
    expect(change).toHaveBeenCalledOnce();
  });

  it('after typing (even within the autosave delay), asks first; keeping the draft keeps it', async () => {
    const change = vi.fn();
    await render(DRAFT, change);
    await typeTitle('Autumn range, with the new budget');
    await act(async () => button('Change template')!.click());
    expect(change).not.toHaveBeenCalled();
    expect(view.host.querySelector('[role="group"][aria-label="Change template?"]')?.textContent).toContain('what you typed');
    expect(document.activeElement).toBe(button('Keep this draft'));
    await act(async () => button('Keep this draft')!.click());
    expect(change).not.toHaveBeenCalled();
    expect(button('Discard and change template')).toBeUndefined();
    expect(document.activeElement).toBe(button('Change template'));
  });

  it('discarding saves what was typed into the draft first, then changes', async () => {
    const change = vi.fn(() => expect(asked).toContainEqual(expect.objectContaining({ type: 'handoff/update', title: 'Autumn range v2' })));
    await render(DRAFT, change);
    await typeTitle('Autumn range v2');
    await act(async () => button('Change template')!.click());
    await act(async () => button('Discard and change template')!.click());
    expect(change).toHaveBeenCalledOnce();
  });

  it('asks on a draft edited before (reopened later), though nothing was typed since', async () => {
    const change = vi.fn();
    await render({ ...DRAFT, updatedAt: '2026-12-06T11:05:00.000Z' }, change);
    await act(async () => button('Change template')!.click());
    expect(change).not.toHaveBeenCalled();
    expect(button('Discard and change template')).toBeDefined();
  });
});
