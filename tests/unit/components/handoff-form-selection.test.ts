// @vitest-environment happy-dom
// The draft's form and the page's "Add selection to …" menu: the form says it is open (with its text
// fields), and what the menu queues lands after what was typed. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { reactRootPerTest } from './react-root';
import { HandoffForm } from '../../../components/panel/handoff-form';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { Handoff } from '../../../lib/model/handoff';
import { openDraftKey, selectionsForKey } from '../../../lib/storage/keys';
import { getItem, setItem } from '../../../lib/storage/store';
import { salesToAm } from '../../../lib/templates';

const AT = '2026-12-06T11:00:00.000Z';
const ME = { id: 'm-me', name: 'Sam Sender', email: 'sam@brightlane.agency', role: 'member' as const };
const WORKSPACE: Workspace = { me: ME, members: [ME], clients: [], templates: [salesToAm] };
const DRAFT = {
  id: 'h-1', clientId: 'c-1', templateId: salesToAm.id, templateVersion: salesToAm.version, title: 'Northwind signed', senderId: ME.id, state: 'draft',
  fields: { timeline: 'Kickoff 3 March.', primary_goals: ['Grow sales 20%'] }, sources: {}, context: { participants: [] }, gaps: [], gapRounds: 0, createdAt: AT, updatedAt: AT,
} as Handoff;

const view = reactRootPerTest(() => ({ ok: true, data: DRAFT }));
const control = (id: string) => view.host.querySelector<HTMLTextAreaElement>(`#field-${id}-control`)!;

async function render(): Promise<void> {
  await act(async () => view.root.render(createElement(WorkspaceContext.Provider, { value: WORKSPACE }, createElement(HandoffForm, { handoff: DRAFT, template: salesToAm, onSent: () => {} }))));
}

describe('the form and the page’s "Add selection to …"', () => {
  it('tells the menu which draft its window shows and its text fields, and takes it back when it closes', async () => {
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 3 } as never);
    await render();
    await vi.waitFor(async () => expect(await getItem(openDraftKey(3))).toMatchObject({ handoffId: 'h-1', title: 'Northwind signed' }));
    const offered = (await getItem(openDraftKey(3)))!.fields.map((f) => f.label);
    expect(offered).toEqual(expect.arrayContaining(['Primary goals', 'Timeline expectations', 'Budget']));
    expect(offered).not.toContain('Stakeholder contacts');
    await act(async () => view.root.render(null));
    await vi.waitFor(async () => expect(await getItem(openDraftKey(3))).toBeUndefined());
  });

  it('appends a queued selection after what the field holds, and a list’s lines as new items', async () => {
    await setItem(selectionsForKey('h-1'), [{ fieldId: 'timeline', text: 'Live by 1 April.' }]);
    await render();
    await vi.waitFor(() => expect(control('timeline').value).toBe('Kickoff 3 March.\n\nLive by 1 April.'));
    expect(await getItem(selectionsForKey('h-1'))).toBeUndefined();

    // One arriving while the form is open.
    await act(async () => setItem(selectionsForKey('h-1'), [{ fieldId: 'primary_goals', text: 'Launch in Canada' }]));
    await vi.waitFor(() => expect(control('primary_goals').value).toBe('Grow sales 20%\nLaunch in Canada'));
    expect(control('timeline').value).toBe('Kickoff 3 March.\n\nLive by 1 April.');
  });
});

describe('"Add page selection" on a text field', () => {
  it('shows when the followed page has text selected, and adds that text (asked for only then) after what was typed', async () => {
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 3 } as never);
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
    const asked: { include: boolean }[] = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: { type: string; include: boolean }) => {
      if (message.type !== 'page/selection') return Promise.resolve({ ok: true, data: DRAFT });
      asked.push({ include: message.include });
      return Promise.resolve({ ok: true, data: message.include ? { chars: 16, text: 'Live by 1 April.' } : { chars: 16 } });
    }) as never);
    await render();
    const add = () => view.host.querySelector<HTMLButtonElement>('button[aria-label="Add page selection to Timeline expectations"]');
    await vi.waitFor(() => expect(add()).not.toBeNull());
    expect(add()!.textContent).toBe('Add page selection');
    expect(asked).toEqual([{ include: false }]);
    // Never offered where selected text does not fit (a table of people).
    expect(view.host.querySelector('button[aria-label="Add page selection to Stakeholder contacts"]')).toBeNull();

    await act(async () => add()!.click());
    await vi.waitFor(() => expect(control('timeline').value).toBe('Kickoff 3 March.\n\nLive by 1 April.'));
    expect(asked).toEqual([{ include: false }, { include: true }]);
  });

  it('is not offered when nothing is selected', async () => {
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 3 } as never);
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) =>
      Promise.resolve({ ok: true, data: message.type === 'page/selection' ? { chars: 0 } : DRAFT })) as never);
    await render();
    await act(async () => await new Promise((resolve) => setTimeout(resolve, 10)));
    expect(view.host.querySelector('button[aria-label^="Add page selection"]')).toBeNull();
  });
});
