// The draft's form and the page's "Add selection to …" menu: the form says which draft its window shows (and its
// text fields), and takes the text queued for it by the menu (lib/background/selection-menu.ts).
import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import type { TemplateField } from '../../lib/model/template';
import { openDraftKey, selectionsForKey } from '../../lib/storage/keys';
import { changedValue, getItem, removeItem, setItem } from '../../lib/storage/store';
import { cutCodePoints } from '../../lib/text/clean-text';
import { selectionFields } from './handoff-form-fields';

/** How long the title rests before the menu is told: a rebuild per keystroke would be wasted. */
const TITLE_QUIET_MS = 400;

/** The window the panel is in: its draft is that window's (a panel per window, each its own form). */
async function panelWindow(): Promise<number | undefined> {
  try {
    return (await browser.windows.getCurrent())?.id;
  } catch {
    return undefined;
  }
}

async function forgetIfOurs(windowId: Promise<number | undefined>, handoffId: string): Promise<void> {
  const id = await windowId;
  if (id === undefined) return;
  const open = await getItem(openDraftKey(id));
  if (open?.handoffId === handoffId) await removeItem(openDraftKey(id));
}

/** While the form is shown: the page's menu offers this draft's text fields, titled by the draft, in this window. */
function useOpenDraft(handoffId: string, title: string, fields: readonly TemplateField[]): void {
  const windowId = useRef<Promise<number | undefined>>(null);
  windowId.current ??= panelWindow();
  useEffect(() => {
    const offered = selectionFields(fields).map((f) => ({ id: f.id, label: cutCodePoints(f.label, 200) }));
    const announce = async () => {
      const id = await windowId.current!;
      if (id !== undefined) await setItem(openDraftKey(id), { handoffId, title: cutCodePoints(title, 200), fields: offered });
    };
    const timer = setTimeout(() => void announce().catch(() => undefined), TITLE_QUIET_MS);
    return () => clearTimeout(timer);
  }, [handoffId, title, fields]);
  useEffect(() => {
    // A panel closed with the form open never unmounts it: the page going away says so instead.
    const forget = () => void forgetIfOurs(windowId.current!, handoffId).catch(() => undefined);
    window.addEventListener('pagehide', forget);
    return () => {
      window.removeEventListener('pagehide', forget);
      forget();
    };
  }, [handoffId]);
}

/** Takes the selections queued for this draft (now, and as they arrive), each once, in order. */
function useQueuedSelections(handoffId: string, append: (fieldId: string, text: string) => void): void {
  const appendRef = useRef(append);
  appendRef.current = append;
  useEffect(() => {
    const key = selectionsForKey(handoffId);
    let taking = Promise.resolve();
    const take = () => {
      taking = taking
        .then(async () => {
          const queued = await getItem(key);
          if (!queued?.length) return;
          await removeItem(key);
          for (const { fieldId, text } of queued) appendRef.current(fieldId, text);
        })
        .catch(() => undefined);
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (changedValue(key, changes, area)) take();
    };
    take();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [handoffId]);
}

/** The draft's side of "Add selection to …": announce the open draft, append what the page's menu sends. */
export function useSelectionsFromPage(handoffId: string, title: string, fields: readonly TemplateField[], append: (fieldId: string, text: string) => void): void {
  useOpenDraft(handoffId, title, fields);
  useQueuedSelections(handoffId, append);
}
