import { useEffect, useState } from 'react';
import type { NotifyMoment, NotifyPrefs } from '../../lib/background/watchers';
import { sendRequest } from '../../lib/messaging/send';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';

const MOMENTS: { moment: NotifyMoment; label: string }[] = [
  { moment: 'sent', label: 'When a handoff I watch is sent' },
  { moment: 'gaps', label: 'When a handoff I watch gets gaps' },
  { moment: 'confirmed', label: 'When a handoff I watch is confirmed' },
  { moment: 'overdue', label: 'When a handoff I watch is overdue' },
];

/** My own choice of which moments of the handoffs I watch notify me; saved as each box changes. */
export function NotifyMe() {
  const [prefs, setPrefs] = useState<NotifyPrefs>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  useEffect(() => {
    void sendRequest<'notify/get'>({ type: 'notify/get' }).then((reply) => {
      if (!reply.ok) return setError(reply.problem.message);
      // Anything but an explicit "off" is on (the default).
      setPrefs({ sent: reply.data.sent !== false, gaps: reply.data.gaps !== false, confirmed: reply.data.confirmed !== false, overdue: reply.data.overdue !== false });
    });
  }, []);

  const change = async (moment: NotifyMoment, on: boolean) => {
    if (!prefs) return;
    const next = { ...prefs, [moment]: on };
    setPrefs(next);
    setError(undefined);
    setStatus(undefined);
    const reply = await sendRequest<'notify/save'>({ type: 'notify/save', prefs: next });
    if (reply.ok) setStatus('Saved.');
    else {
      setPrefs(prefs);
      setError(reply.problem.message);
    }
  };

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-semibold text-slate-900 dark:text-slate-100">Notify me</legend>
      <p className="text-sm text-slate-600 dark:text-slate-400">Browser notifications about handoffs you watch, in this browser. Handoffs you send or receive always notify you.</p>
      {MOMENTS.map(({ moment, label }) => (
        <label key={moment} className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
          <input type="checkbox" checked={prefs?.[moment] ?? true} disabled={!prefs} onChange={(e) => void change(moment, e.target.checked)} />
          {label}
        </label>
      ))}
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
    </fieldset>
  );
}
