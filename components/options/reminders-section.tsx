import { useEffect, useState, type FormEvent } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { Section, inputClass, labelClass } from '../section';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { useLiveData } from './use-live-data';

/** How overdue confirmations are chased: reminders to the receiver, then the admins are told. */
export function RemindersSection({ isAdmin }: { isAdmin: boolean }) {
  const settings = useLiveData(() => sendRequest<'reminders/get'>({ type: 'reminders/get' }), ['workspace']);
  const [remind, setRemind] = useState('');
  const [escalate, setEscalate] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const loaded = settings.status === 'ready' ? settings.data : undefined;

  useEffect(() => {
    if (!loaded) return;
    setRemind(String(loaded.remindEveryHours));
    setEscalate(String(loaded.escalateAfterHours));
  }, [loaded?.remindEveryHours, loaded?.escalateAfterHours]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setStatus(undefined);
    const reply = await sendRequest<'reminders/save'>({ type: 'reminders/save', settings: { remindEveryHours: Number(remind), escalateAfterHours: Number(escalate) } });
    if (reply.ok) setStatus('Saved.');
    else setError(reply.error.message);
  };

  return (
    <Section title="Reminders" description="When a receiver has not confirmed by the confirm-by time, Baton reminds them, then tells the admins. 0 turns a step off.">
      <ErrorAlert message={settings.status === 'error' ? settings.message : undefined} />
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <label className={labelClass}>
          Remind the receiver every (hours)
          <input className={inputClass} type="number" min={0} max={720} step={1} value={remind} onChange={(e) => setRemind(e.target.value)} required disabled={!isAdmin} />
        </label>
        <label className={labelClass}>
          Tell the admins after (hours overdue)
          <input className={inputClass} type="number" min={0} max={2160} step={1} value={escalate} onChange={(e) => setEscalate(e.target.value)} required disabled={!isAdmin} />
        </label>
        <div className="flex flex-col gap-2 sm:col-span-2">
          <ErrorAlert message={error} />
          {isAdmin ? (
            <div className="flex items-center gap-3">
              <Button type="submit" disabled={!loaded}>
                Save reminders
              </Button>
              <StatusMessage message={status} />
            </div>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">Only an admin can change reminders.</p>
          )}
        </div>
      </form>
    </Section>
  );
}
