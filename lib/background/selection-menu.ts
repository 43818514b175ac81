// "Add selection to “<draft>” → <field>" in the page's context menu: while a window's panel shows a draft's
// form (it says so in storage.session, openDraftKey(windowId)), the page's menu offers that draft's text
// fields; a click queues the selected text for that field of the draft open in the window clicked in, and
// the form appends it (never overwriting what was typed). Menus are global: they follow the focused window.
import { browser } from 'wxt/browser';
import { MAX_SELECTED_TEXT } from '../messaging/protocol';
import { OPTIONAL_HOSTS, REQUIRED_HOSTS } from '../sites/hosts';
import { openDraftKey, selectionsForKey, STORAGE_KEY_FAMILIES, type OpenDraft } from '../storage/keys';
import { changedValue, getItem, setItem } from '../storage/store';
import { cleanTrimmed, cutCodePoints } from '../text/clean-text';

export const ADD_SELECTION_MENU = 'baton-add-selection';
const FIELD_ITEM_PREFIX = `${ADD_SELECTION_MENU}:`;
/** At most this many selections wait for one draft: a form that never opens again does not collect text forever. */
const MAX_QUEUED = 20;

/** The field a menu item adds to, or undefined for any other item. */
export function fieldOfMenuItem(menuItemId: string | number): string | undefined {
  const id = String(menuItemId);
  return id.startsWith(FIELD_ITEM_PREFIX) ? id.slice(FIELD_ITEM_PREFIX.length) : undefined;
}

/** What the parent item reads: the draft's title, cut short, or the template's name when untitled. */
export function addSelectionTitle(draft: OpenDraft): string {
  const title = cutCodePoints(draft.title.replace(/\s+/g, ' ').trim(), 40);
  return title ? `Add selection to “${title}${title.length < draft.title.trim().length ? '…' : ''}”` : 'Add selection to the draft';
}

/** Shows the draft's text fields under one menu item, or removes the item when no form is open. */
export async function showDraftMenu(draft: OpenDraft | undefined): Promise<void> {
  const menus = browser.contextMenus;
  if (!menus) return;
  // Removing the parent removes its children; there may be none yet.
  await menus.remove(ADD_SELECTION_MENU).catch(() => undefined);
  if (!draft || draft.fields.length === 0) return;
  const common = { contexts: ['selection'] as ['selection'], documentUrlPatterns: [...REQUIRED_HOSTS, ...OPTIONAL_HOSTS] };
  menus.create({ id: ADD_SELECTION_MENU, title: addSelectionTitle(draft), ...common });
  for (const field of draft.fields) menus.create({ id: `${FIELD_ITEM_PREFIX}${field.id}`, parentId: ADD_SELECTION_MENU, title: field.label || field.id, ...common });
}

/**
 * Queues the person's selection for a field of the draft open in the window clicked in; answers the draft's
 * id, or undefined when that window shows no draft or nothing is selected.
 */
export async function queueSelection(windowId: number | undefined, fieldId: string, selectionText: string | undefined): Promise<string | undefined> {
  if (windowId === undefined) return undefined;
  const draft = await getItem(openDraftKey(windowId));
  const text = cleanTrimmed(selectionText ?? '', MAX_SELECTED_TEXT);
  if (!draft || !text || !draft.fields.some((f) => f.id === fieldId)) return undefined;
  const key = selectionsForKey(draft.handoffId);
  const queued = (await getItem(key)) ?? [];
  await setItem(key, [...queued, { fieldId, text }].slice(-MAX_QUEUED));
  return draft.handoffId;
}

// chrome.windows.WINDOW_ID_NONE: focus left the browser; the menu keeps what it shows.
const NO_WINDOW = -1;

/**
 * Keeps the menu in step with the forms the panels show (each form writes and removes its window's key): a
 * window whose form just opened is the one the person is in; on a change of focus, the focused window's draft.
 */
export function watchOpenDraft(): void {
  const family = STORAGE_KEY_FAMILIES.openDraft;
  // One rebuild at a time, in order: two interleaved would create the same item twice.
  let rebuilt = Promise.resolve();
  const show = (draft: () => Promise<OpenDraft | undefined>) => {
    rebuilt = rebuilt.then(async () => showDraftMenu(await draft())).catch(() => undefined);
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== family.area) return;
    for (const name of Object.keys(changes)) {
      const windowId = family.idOf(name);
      if (windowId === undefined) continue;
      const draft = changedValue(family.key(windowId), changes, area);
      show(async () => draft ?? (await focusedDraft()));
    }
  });
  browser.windows?.onFocusChanged?.addListener((windowId) => {
    if (windowId !== NO_WINDOW) show(() => getItem(openDraftKey(windowId)));
  });
}

/** The draft the focused window's panel shows, if any. */
async function focusedDraft(): Promise<OpenDraft | undefined> {
  try {
    const focused = await browser.windows.getLastFocused();
    return focused?.id !== undefined ? await getItem(openDraftKey(focused.id)) : undefined;
  } catch {
    // No window at all (the browser closing): no draft to offer.
    return undefined;
  }
}
