import { useEffect, useState, type FormEvent } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { Section } from '../section';
import { inputClass, labelClass } from '../form-styles';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { NotifyMe } from './notify-me';
import { liveError, useLive } from '../use-live';

/** The name and address colleagues see on handoffs. */
export function YouSection() {
  const me = useLive(() => sendRequest<'me/get'>({ type: 'me/get' }), { stores: ['members'] });
  // The signed-in Gmail account, offered while you are still the default "You": never on a hub.
  const suggestion = useLive(() => sendRequest<'me/suggestion'>({ type: 'me/suggestion' }), { stores: ['members'] });
  const suggested = suggestion.status === 'ready' ? suggestion.data : null;
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

  const save = async (who: { name: string; email: string }, after = '') => {
    setError(undefined);
    setStatus(undefined);
    const reply = await sendRequest<'me/update'>({ type: 'me/update', name: who.name.trim(), email: who.email.trim() });
    if (reply.ok) setStatus(`Saved. Colleagues see you as ${reply.data.name}.${after}`);
    else setError(reply.problem.message);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({ name, email });
  };
  // The address is Gmail's; the name only when the page gave one, else it stays the person's to type.
  const adoptSuggested = (account: { email: string; name?: string }) =>
    void save({ name: account.name ?? name, email: account.email }, account.name ? '' : ' Type your name above and save.');

  return (
    <Section title="You" description="How colleagues see you on handoffs and notes.">
      <ErrorAlert message={liveError(me)} />
      {suggested ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-100">
          <p>
            You are signed in to Gmail as <strong>{suggested.email}</strong>
            {suggested.name ? ` (${suggested.name})` : ''}. Colleagues still see you as “{loaded?.name}”.
          </p>
          <Button variant="secondary" onClick={() => adoptSuggested(suggested)}>
            Use {suggested.email}
          </Button>
        </div>
      ) : null}
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
      <NotifyMe />
    </Section>
  );
}
