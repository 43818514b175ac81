import { useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Member } from '../../lib/model/member';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { helpClass, inputClass, labelClass } from '../form-styles';
import { useAction } from '../panel/use-action';
import { identityPrefill } from './progress';

/** Step 1: name and email, prefilled from the signed-in Gmail account; saved only when they change. */
export function IdentityStep({ me, suggestion, onDone }: { me: Member; suggestion: { email: string; name?: string } | null; onDone: () => void }) {
  const [initial] = useState(() => identityPrefill(me, suggestion));
  const [name, setName] = useState(initial.name);
  const [email, setEmail] = useState(initial.email);
  const { run, busy, error } = useAction();

  const save = async () => {
    // Never rewrites an identity the person already set and left as it was.
    if (name.trim() === me.name && email.trim().toLowerCase() === me.email) return onDone();
    const saved = await run(() => sendRequest<'me/update'>({ type: 'me/update', name: name.trim(), email: email.trim() }));
    if (saved !== undefined) onDone();
  };

  return (
    <form
      className="flex flex-col gap-3"
      aria-label="Who you are"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {suggestion ? <p className={helpClass}>From the Google account signed in to Gmail: change anything that is not right.</p> : null}
      <label className={labelClass}>
        Your name
        <input className={inputClass} value={name} maxLength={200} autoComplete="name" required onChange={(e) => setName(e.target.value)} />
      </label>
      <label className={labelClass}>
        Your email
        <input className={inputClass} type="email" value={email} maxLength={254} autoComplete="email" required onChange={(e) => setEmail(e.target.value)} />
      </label>
      <ErrorAlert message={error} />
      <div>
        <Button type="submit" disabled={busy}>
          Continue
        </Button>
      </div>
    </form>
  );
}
