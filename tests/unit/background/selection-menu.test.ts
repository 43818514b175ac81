// "Add selection to “<draft>” → <field>": the page's menu follows the form a panel shows, and a click queues
// the selection for the draft's field.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchPanelTriggers } from '../../../lib/background/panel-triggers';
import { ADD_SELECTION_MENU, addSelectionTitle, fieldOfMenuItem, queueSelection } from '../../../lib/background/selection-menu';
import { selectionsForKey, STORAGE_KEYS, type OpenDraft } from '../../../lib/storage/keys';
import { getItem, removeItem, setItem } from '../../../lib/storage/store';
import { REQUIRED_HOSTS } from '../../../lib/sites/hosts';
import { stubSidePanel } from '../helpers/background';

const DRAFT: OpenDraft = {
  handoffId: 'h-7',
  title: 'Northwind signed',
  fields: [
    { id: 'objections', label: 'Key objections' },
    { id: 'timeline', label: 'Timeline expectations' },
  ],
};

function fakeEvent<Args extends unknown[]>() {
  const listeners: ((...args: Args) => void)[] = [];
  return { addListener: (f: (...args: Args) => void) => void listeners.push(f), trigger: (...args: Args) => listeners.forEach((f) => f(...args)) };
}
let onMenuClicked: ReturnType<typeof fakeEvent<[{ menuItemId: string; selectionText?: string }, Browser.tabs.Tab | undefined]>>;
let menus: { create: ReturnType<typeof vi.fn>; remove: ReturnType<typeof vi.fn>; removeAll: ReturnType<typeof vi.fn> };

beforeEach(() => {
  fakeBrowser.reset();
  onMenuClicked = fakeEvent();
  menus = { create: vi.fn(), remove: vi.fn(() => Promise.reject(new Error('Cannot find menu item'))), removeAll: vi.fn(() => Promise.resolve()) };
  Object.assign(browser as object, { commands: { onCommand: fakeEvent() }, contextMenus: { ...menus, onClicked: onMenuClicked } });
});

describe('the page’s "Add selection to …" menu', () => {
  it('offers the open draft’s text fields under one item titled by the draft, and goes when the form closes', async () => {
    watchPanelTriggers();
    await setItem(STORAGE_KEYS.openDraft, DRAFT);
    await vi.waitFor(() => expect(menus.create).toHaveBeenCalledTimes(3));
    expect(menus.create).toHaveBeenCalledWith(expect.objectContaining({ id: ADD_SELECTION_MENU, title: 'Add selection to “Northwind signed”', contexts: ['selection'], documentUrlPatterns: expect.arrayContaining([...REQUIRED_HOSTS]) }));
    expect(menus.create).toHaveBeenCalledWith(expect.objectContaining({ id: `${ADD_SELECTION_MENU}:timeline`, parentId: ADD_SELECTION_MENU, title: 'Timeline expectations' }));

    menus.create.mockClear();
    await removeItem(STORAGE_KEYS.openDraft);
    await vi.waitFor(() => expect(menus.remove).toHaveBeenCalledTimes(2));
    expect(menus.remove).toHaveBeenLastCalledWith(ADD_SELECTION_MENU);
    expect(menus.create).not.toHaveBeenCalled();
  });

  it('a click queues the selection for that field of the open draft and brings the panel forward', async () => {
    const open = stubSidePanel();
    watchPanelTriggers();
    await setItem(STORAGE_KEYS.openDraft, DRAFT);
    onMenuClicked.trigger({ menuItemId: `${ADD_SELECTION_MENU}:timeline`, selectionText: '  Live by 1 April\u0000 ' }, { id: 4, windowId: 3 } as Browser.tabs.Tab);
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    await vi.waitFor(async () => expect(await getItem(selectionsForKey('h-7'))).toEqual([{ fieldId: 'timeline', text: 'Live by 1 April' }]));
    await queueSelection('objections', '<script>alert(1)</script>');
    expect(await getItem(selectionsForKey('h-7'))).toEqual([
      { fieldId: 'timeline', text: 'Live by 1 April' },
      { fieldId: 'objections', text: '<script>alert(1)</script>' },
    ]);
  });

  it('queues nothing without an open draft, a selection, or a field the draft offers', async () => {
    expect(await queueSelection('timeline', 'text')).toBeUndefined();
    await setItem(STORAGE_KEYS.openDraft, DRAFT);
    expect(await queueSelection('timeline', '   ')).toBeUndefined();
    expect(await queueSelection('budget', 'text')).toBeUndefined();
    expect(await getItem(selectionsForKey('h-7'))).toBeUndefined();
  });

  it('names its items apart from every other menu item, and cuts a long title', () => {
    expect(fieldOfMenuItem(`${ADD_SELECTION_MENU}:timeline`)).toBe('timeline');
    expect(fieldOfMenuItem('baton-start-handoff')).toBeUndefined();
    expect(addSelectionTitle({ ...DRAFT, title: 'A'.repeat(300) })).toBe(`Add selection to “${'A'.repeat(40)}…”`);
    expect(addSelectionTitle({ ...DRAFT, title: '  ' })).toBe('Add selection to the draft');
  });
});
