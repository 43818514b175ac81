// "Add selection to “<draft>” → <field>": the page's menu follows the form a panel shows, and a click queues
// the selection for the draft's field.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchPanelTriggers } from '../../../lib/background/panel-triggers';
import { ADD_SELECTION_MENU, addSelectionTitle, fieldOfMenuItem, queueSelection } from '../../../lib/background/selection-menu';
import { openDraftKey, selectionsForKey, type OpenDraft } from '../../../lib/storage/keys';
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
    await setItem(openDraftKey(3), DRAFT);
    await vi.waitFor(() => expect(menus.create).toHaveBeenCalledTimes(3));
    expect(menus.create).toHaveBeenCalledWith(expect.objectContaining({ id: ADD_SELECTION_MENU, title: 'Add selection to “Northwind signed”', contexts: ['selection'], documentUrlPatterns: expect.arrayContaining([...REQUIRED_HOSTS]) }));
    expect(menus.create).toHaveBeenCalledWith(expect.objectContaining({ id: `${ADD_SELECTION_MENU}:timeline`, parentId: ADD_SELECTION_MENU, title: 'Timeline expectations' }));

    menus.create.mockClear();
    await removeItem(openDraftKey(3));
    await vi.waitFor(() => expect(menus.remove).toHaveBeenCalledTimes(2));
    expect(menus.remove).toHaveBeenLastCalledWith(ADD_SELECTION_MENU);
    expect(menus.create).not.toHaveBeenCalled();
  });

  it('a click queues the selection for that field of the open draft and brings the panel forward', async () => {
    const open = stubSidePanel();
    watchPanelTriggers();
    await setItem(openDraftKey(3), DRAFT);
    onMenuClicked.trigger({ menuItemId: `${ADD_SELECTION_MENU}:timeline`, selectionText: '  Live by 1 April\u0000 ' }, { id: 4, windowId: 3 } as Browser.tabs.Tab);
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    await vi.waitFor(async () => expect(await getItem(selectionsForKey('h-7'))).toEqual([{ fieldId: 'timeline', text: 'Live by 1 April' }]));
    await queueSelection(3, 'objections', '<script>alert(1)</script>');
    expect(await getItem(selectionsForKey('h-7'))).toEqual([
      { fieldId: 'timeline', text: 'Live by 1 April' },
      { fieldId: 'objections', text: '<script>alert(1)</script>' },
    ]);
  });

  it('with a draft open in each of two windows, a click files the text into the draft of the window clicked in', async () => {
    stubSidePanel();
    watchPanelTriggers();
    await setItem(openDraftKey(3), DRAFT);
    await setItem(openDraftKey(5), { ...DRAFT, handoffId: 'h-9', title: 'Contoso renewal' });
    onMenuClicked.trigger({ menuItemId: `${ADD_SELECTION_MENU}:timeline`, selectionText: 'Live by 1 April' }, { id: 4, windowId: 3 } as Browser.tabs.Tab);
    await vi.waitFor(async () => expect(await getItem(selectionsForKey('h-7'))).toEqual([{ fieldId: 'timeline', text: 'Live by 1 April' }]));
    expect(await getItem(selectionsForKey('h-9'))).toBeUndefined();
    // A window without a draft takes nothing, even while another window shows one.
    expect(await queueSelection(8, 'timeline', 'text')).toBeUndefined();
  });

  it('the menu follows the focused window’s draft', async () => {
    const onFocusChanged = fakeEvent<[number]>();
    Object.assign(browser.windows, { onFocusChanged });
    watchPanelTriggers();
    await setItem(openDraftKey(3), DRAFT);
    await setItem(openDraftKey(5), { ...DRAFT, handoffId: 'h-9', title: 'Contoso renewal' });
    await vi.waitFor(() => expect(menus.create).toHaveBeenLastCalledWith(expect.objectContaining({ parentId: ADD_SELECTION_MENU })));
    menus.create.mockClear();
    onFocusChanged.trigger(3);
    await vi.waitFor(() => expect(menus.create).toHaveBeenCalledWith(expect.objectContaining({ id: ADD_SELECTION_MENU, title: 'Add selection to “Northwind signed”' })));
  });

  it('queues nothing without an open draft, a selection, or a field the draft offers', async () => {
    expect(await queueSelection(3, 'timeline', 'text')).toBeUndefined();
    await setItem(openDraftKey(3), DRAFT);
    expect(await queueSelection(3, 'timeline', '   ')).toBeUndefined();
    expect(await queueSelection(3, 'budget', 'text')).toBeUndefined();
    expect(await getItem(selectionsForKey('h-7'))).toBeUndefined();
  });

  it('names its items apart from every other menu item, and cuts a long title', () => {
    expect(fieldOfMenuItem(`${ADD_SELECTION_MENU}:timeline`)).toBe('timeline');
    expect(fieldOfMenuItem('baton-start-handoff')).toBeUndefined();
    expect(addSelectionTitle({ ...DRAFT, title: 'A'.repeat(300) })).toBe(`Add selection to “${'A'.repeat(40)}…”`);
    expect(addSelectionTitle({ ...DRAFT, title: '  ' })).toBe('Add selection to the draft');
  });
});
