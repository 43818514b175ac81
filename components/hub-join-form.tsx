import { useId, useState, type FormEvent } from 'react';
import type { HubStatus } from '../lib/messaging/protocol';
import { sendRequest } from '../lib/messaging/send';
import { parseInviteLink } from '../lib/sync/invite-link';
import { Button } from './button';
import { helpClass, inputClass, labelClass } from './form-styles';
import { MANAGED_NOTE_ID, ManagedNote, ManagedSignIn, SIGN_IN_HINT_ID, SignInHint, signInHint } from './managed-note';
import { SignInButton } from './sign-in-button';
import { useFocusOnArrival, useManagedSettings } from './use-managed-settings';

/**
 * Joining a team hub: the invite link an admin sent (or its address and code apart), or the hub's
 * sign-in where it offers one. IT's policy may fix the hub (shown locked) and require sign-in (then no
 * link or code is asked for: the background refuses them anyway).
 */
export function HubJoinForm({ onJoined }: { onJoined(status: HubStatus): void }) {
  const [link, setLink] = useState('');
  const linkHelp = useId();
  const [url, setUrl] = useState('http://127.0.0.1:8787');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const managed = useManagedSettings();
  const lockedUrl = managed?.hubUrl;
  const signInOnly = Boolean(managed?.signInRequired);
  const addressRef = useFocusOnArrival<HTMLInputElement>(Boolean(lockedUrl));
  // The hub sign-in asks: the managed one, else the pasted link's, else the typed address.
  const hubAddress = lockedUrl ?? parseInviteLink(link)?.url ?? url;

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!link.trim() && !code.trim()) {
      setError('Paste the invite link you were sent (or enter the hub’s address and the invite code).');
      return;
    }
    setBusy(true);
    const reply = await sendRequest<'hub/connect'>(link.trim() ? { type: 'hub/connect', link } : { type: 'hub/connect', url: (lockedUrl ?? url).trim(), code: code.trim() });
    setBusy(false);
    if (!reply.ok) setError(reply.problem.message);
    else onJoined(reply.data);
  };

  const address = (
    <div className="flex flex-col gap-1">
      <label className={labelClass}>
        Hub address
        <input
          ref={addressRef}
          className={`${inputClass} ${lockedUrl ? 'bg-slate-100 dark:bg-slate-800' : ''}`}
          type="url"
          value={lockedUrl ?? url}
          onChange={(e) => setUrl(e.target.value)}
          readOnly={Boolean(lockedUrl)}
          aria-describedby={lockedUrl ? MANAGED_NOTE_ID : undefined}
        />
      </label>
      {lockedUrl ? <ManagedNote /> : null}
    </div>
  );

  return (
    <form onSubmit={connect} className="flex flex-col gap-3">
      {signInOnly && managed ? (
        <>
          {address}
          <ManagedSignIn managed={managed} />
        </>
      ) : (
        <>
          <label className={labelClass}>
            Invite link
            <input className={`${inputClass} font-mono`} value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://hub.example.com/join#bi_…" autoComplete="off" aria-describedby={linkHelp} />
          </label>
          <p id={linkHelp} className={`-mt-2 ${helpClass}`}>
            Paste the whole link your admin sent you.
          </p>
          <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <legend className="px-1 text-sm text-slate-700 dark:text-slate-300">Or enter the address and code instead</legend>
            {address}
            <label className={labelClass}>
              Invite code
              <input className={`${inputClass} font-mono`} value={code} onChange={(e) => setCode(e.target.value)} placeholder="bi_…" autoComplete="off" />
            </label>
          </fieldset>
        </>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        {signInOnly ? null : (
          <Button type="submit" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </Button>
        )}
        <SignInButton url={hubAddress} required={signInOnly} describedBy={signInHint(managed) ? SIGN_IN_HINT_ID : undefined} onStatus={onJoined} onError={setError} />
      </div>
      {/* Where IT names the domains but does not require sign-in, the hint still goes with the button. */}
      {signInOnly ? null : <SignInHint managed={managed} />}
    </form>
  );
}
