import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendRequest } from '../../lib/messaging/send';
import type { TemplateField } from '../../lib/model/template';
import { linkClass } from '../form-styles';

/** Where this panel lives (its window, and its own tab when opened as one): asked once. */
function usePanelPlace(): () => Promise<{ windowId?: number; panelTabId?: number }> {
  const place = useRef<Promise<{ windowId?: number; panelTabId?: number }> | null>(null);
  return useCallback(() => (place.current ??= Promise.all([browser.windows.getCurrent(), browser.tabs.getCurrent()]).then(([window, self]) => ({ windowId: window.id, panelTabId: self?.id }))), []);
}

/**
 * Whether the page the panel follows has text selected, asked when the panel takes focus (the person selected
 * in the page, then came back); `take()` fetches the text itself, only when the person chose to add it.
 */
export function usePageSelection(): { available: boolean; take: () => Promise<string | undefined> } {
  const [available, setAvailable] = useState(false);
  const where = usePanelPlace();
  const ask = useCallback(
    async (include: boolean) => {
      const { windowId, panelTabId } = await where();
      if (windowId === undefined) return undefined;
      const reply = await sendRequest<'page/selection'>({ type: 'page/selection', windowId, include, ...(panelTabId !== undefined ? { panelTabId } : {}) });
      return reply.ok ? reply.data : undefined;
    },
    [where],
  );
  useEffect(() => {
    const check = () => void ask(false).then((answer) => setAvailable((answer?.chars ?? 0) > 0), () => setAvailable(false));
    check();
    window.addEventListener('focus', check);
    return () => window.removeEventListener('focus', check);
  }, [ask]);
  const take = useCallback(async () => (await ask(true))?.text, [ask]);
  return { available, take };
}

/** "Add page selection" under a text field: the page's selected text, added after what the field holds. */
export function AddPageSelection({ field, onAdd }: { field: TemplateField; onAdd: () => void }) {
  return (
    <button type="button" aria-label={`Add page selection to ${field.label}`} className={`${linkClass} self-start text-xs`} onClick={onAdd}>
      Add page selection
    </button>
  );
}
