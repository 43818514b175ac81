import { useEffect, useState, type FormEvent } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { Section } from '../section';
import { inputClass, labelClass } from '../form-styles';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { liveError, useLive } from '../use-live';

/** The name and address colleagues see on handoffs. */
export function YouSection() {
  const me = useLive(() => sendRequest<'me/get'>({ type: 'me/get' }), { stores: ['members'] });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const loaded = me.status === 'ready' ? me.data : undefined;

  // Fill the form once the member arrives (and when it changes elsewhere), not on every render.
  useEffect(() => {
    if (!loaded) return;
    setName(loaded.name);
    setEmail(loaded.email);
  }, [loaded?.name, loaded?.email]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setStatus(undefined);
    const reply = await sendRequest<'me/update'>({ type: 'me/update', name: name.trim(), email: email.trim() });
    if (reply.ok) setStatus(`Saved. Colleagues see you as ${reply.data.name}.`);
    else setError(reply.problem.message);
  };

  return (
    <Section title="You" description="How colleagues see you on handoffs and notes.">
      <ErrorAlert message={liveError(me)} />
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <label className={labelClass}>
          Your name
          <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoComplete="name" />
        </label>
        <label className={labelClass}>
          Your email
          <input className={inputClass} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="email" />
        </label>
        <div className="flex flex-col gap-2 sm:col-span-2">
          <ErrorAlert message={error} />
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={!loaded}>
              Save
            </Button>
            <StatusMessage message={status} />
          </div>
        </div>
      </form>
    </Section>
  );
}
