import { useEffect, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import { Section } from '../section';
import { inputClass, labelClass } from '../form-styles';
import { AdminSettingsForm } from './admin-settings-form';
import { liveError, useLive } from '../use-live';

/** How overdue confirmations are chased: reminders to the receiver, then the admins are told. */
export function RemindersSection({ isAdmin }: { isAdmin: boolean }) {
  const settings = useLive(() => sendRequest<'reminders/get'>({ type: 'reminders/get' }), { stores: ['workspace'] });
  const [remind, setRemind] = useState('');
  const [escalate, setEscalate] = useState('');
  const loaded = settings.status === 'ready' ? settings.data : undefined;

  useEffect(() => {
    if (!loaded) return;
    setRemind(String(loaded.remindEveryHours));
    setEscalate(String(loaded.escalateAfterHours));
  }, [loaded?.remindEveryHours, loaded?.escalateAfterHours]);

  return (
    <Section title="Reminders" description="When a receiver has not confirmed by the confirm-by time, Baton reminds them, then tells the admins. 0 turns a step off.">
      <AdminSettingsForm
        isAdmin={isAdmin}
        ready={loaded !== undefined}
        loadError={liveError(settings)}
        saveLabel="Save reminders"
        readOnlyNote="Only an admin can change reminders."
        save={() => () => sendRequest<'reminders/save'>({ type: 'reminders/save', settings: { remindEveryHours: Number(remind), escalateAfterHours: Number(escalate) } })}
      >
        <label className={labelClass}>
          Remind the receiver every (hours)
          <input className={inputClass} type="number" min={0} max={720} step={1} value={remind} onChange={(e) => setRemind(e.target.value)} required disabled={!isAdmin} />
        </label>
        <label className={labelClass}>
          Tell the admins after (hours overdue)
          <input className={inputClass} type="number" min={0} max={2160} step={1} value={escalate} onChange={(e) => setEscalate(e.target.value)} required disabled={!isAdmin} />
        </label>
      </AdminSettingsForm>
    </Section>
  );
}
