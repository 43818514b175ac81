import type { OpenItem } from '../../lib/model/handoff';
import { formatDate, toDateInput } from './format';

/** The client's open action items, each with its one owner: what a confirmed handoff handed on. */
export function OpenItemsList({ items }: { items: OpenItem[] }) {
  // Today in local time, as the item's date is a day on the owner's calendar.
  const today = toDateInput(new Date().toISOString());
  return (
    <ul className="flex flex-col gap-1.5">
      {items.map((item) => {
        const late = item.due !== '' && item.due < today;
        return (
          <li key={item.id} className="text-sm">
            <span className="text-slate-900 dark:text-slate-100">{item.text}</span>
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              {item.ownerEmail || 'no owner'}
              {item.due ? (
                <span className={late ? 'font-semibold text-red-700 dark:text-red-400' : undefined}>
                  {' '}
                  · due {formatDate(item.due)}
                  {late ? ' · late' : ''}
                </span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
