import { useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { OpenItem } from '../../lib/model/handoff';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { formatDate, toDateInput } from './format';
import { inputClass, labelClass, twoColumnsClass } from '../form-styles';
import { ToggleForm } from './toggle-form';
import { useAction } from './use-action';
import { useWorkspace } from './workspace';

function ItemRow({ item, today }: { item: OpenItem; today: string }) {
  const { members } = useWorkspace();
  const { run, busy, error } = useAction();
  const owner = members.find((m) => m.email === item.ownerEmail)?.name ?? (item.ownerEmail || 'no owner');
  const late = item.due !== '' && item.due < today;
  return (
    <li className="flex items-start justify-between gap-2 py-2 text-sm">
      <div className="min-w-0">
        <span className="text-slate-900 dark:text-slate-100">{item.text}</span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          {owner}
          {item.due ? (
            <span className={late ? 'font-semibold text-red-700 dark:text-red-400' : undefined}>
              {' '}
              · due {formatDate(item.due)}
              {late ? ' · late' : ''}
            </span>
          ) : null}
        </span>
        <ErrorAlert message={error} />
      </div>
      <Button
        variant="secondary"
        className="shrink-0 px-2 py-1 text-xs"
        aria-label={`Mark “${item.text}” done`}
        disabled={busy}
        onClick={() => void run(() => sendRequest<'item/complete'>({ type: 'item/complete', id: item.id }))}
      >
        Done
      </Button>
    </li>
  );
}

/** The client's open action items, each with its one owner: what a confirmed handoff hands on. */
export function OpenItems({ clientId, items }: { clientId: string; items: OpenItem[] }) {
  const { me, members } = useWorkspace();
  const [open, setOpen] = useState(false);
  const empty = { text: '', ownerEmail: me.email, due: '' };
  const [draft, setDraft] = useState(empty);
  // Today in local time: an item's date is a day on its owner's calendar.
  const today = toDateInput(new Date().toISOString());
  const close = () => {
    setOpen(false);
    setDraft(empty);
  };

  return (
    <div className="flex flex-col gap-2">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No open items.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
          {items.map((item) => (
            <ItemRow key={item.id} item={item} today={today} />
          ))}
        </ul>
      )}
      <div>
        <ToggleForm
          name="Add item"
          open={open}
          onOpen={() => setOpen(true)}
          onClose={close}
          save={() =>
            !draft.text.trim()
              ? { problem: 'Say what needs doing.' }
              : () => sendRequest<'item/add'>({ type: 'item/add', clientId, text: draft.text.trim(), ownerEmail: draft.ownerEmail, due: draft.due })
          }
        >
          <label className={labelClass}>
            Item
            <input className={inputClass} value={draft.text} onChange={(e) => setDraft((d) => ({ ...d, text: e.target.value }))} />
          </label>
          <div className={twoColumnsClass}>
            <label className={labelClass}>
              Owner
              <select className={inputClass} value={draft.ownerEmail} onChange={(e) => setDraft((d) => ({ ...d, ownerEmail: e.target.value }))}>
                {members.map((m) => (
                  <option key={m.id} value={m.email}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <label className={labelClass}>
              Due
              <input type="date" className={inputClass} value={draft.due} onChange={(e) => setDraft((d) => ({ ...d, due: e.target.value }))} />
            </label>
          </div>
        </ToggleForm>
      </div>
    </div>
  );
}
