// "Add selection to “<draft>” → <field>" in the page's context menu: while a panel shows a draft's form
// (it says so in storage.session, STORAGE_KEYS.openDraft), the page's menu offers the draft's text fields;
// a click queues the selected text for that field, and the form appends it (never overwriting what was typed).
import { browser } from 'wxt/browser';
import { MAX_SELECTED_TEXT } from '../messaging/protocol';
import { OPTIONAL_HOSTS, REQUIRED_HOSTS } from '../sites/hosts';
import { selectionsForKey, STORAGE_KEYS, type OpenDraft } from '../storage/keys';
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
 * Queues the person's selection for a field of the open draft; answers the draft's id, or undefined when
 * there is no open draft or nothing selected.
 */
export async function queueSelection(fieldId: string, selectionText: string | undefined): Promise<string | undefined> {
  const draft = await getItem(STORAGE_KEYS.openDraft);
  const text = cleanTrimmed(selectionText ?? '', MAX_SELECTED_TEXT);
  if (!draft || !text || !draft.fields.some((f) => f.id === fieldId)) return undefined;
  const key = selectionsForKey(draft.handoffId);
  const queued = (await getItem(key)) ?? [];
  await setItem(key, [...queued, { fieldId, text }].slice(-MAX_QUEUED));
  return draft.handoffId;
}

/** Keeps the menu in step with the form a panel shows (the form writes and removes STORAGE_KEYS.openDraft). */
export function watchOpenDraft(): void {
  const key = STORAGE_KEYS.openDraft;
  // One rebuild at a time, in order: two interleaved would create the same item twice.
  let rebuilt = Promise.resolve();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== key.area || !(key.name in changes)) return;
    const draft = changedValue(key, changes, area);
    rebuilt = rebuilt.then(() => showDraftMenu(draft)).catch(() => undefined);
  });
}
