import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { HubStatus } from '../lib/messaging/protocol';
import { sendRequest } from '../lib/messaging/send';
import { Button } from './button';
import { RefusedChanges } from './refused-changes';
import { Section } from './section';
import { SignInButton } from './sign-in-button';
import { inputClass, labelClass } from './form-styles';
import { MANAGED_NOTE_ID, ManagedNote, ManagedSignIn, SIGN_IN_HINT_ID, signInHint } from './managed-note';
import { useFocusOnArrival, useManagedSettings } from './use-managed-settings';

/** Joining the agency's team hub with an invite code, and what the connection is doing. */
export function HubConnection() {
  const [status, setStatus] = useState<HubStatus | undefined>();
  const [url, setUrl] = useState('http://127.0.0.1:8787');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // IT's policy may fix the hub (shown locked) and require the hub's sign-in (no invite code fields).
  const managed = useManagedSettings();
  const lockedUrl = managed?.hubUrl;
  const addressRef = useFocusOnArrival<HTMLInputElement>(Boolean(lockedUrl));

  const load = useCallback(async () => {
    const reply = await sendRequest<'hub/status'>({ type: 'hub/status' });
    if (reply.ok) setStatus(reply.data);
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  }, [load]);

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    const reply = await sendRequest<'hub/connect'>({ type: 'hub/connect', url: (lockedUrl ?? url).trim(), code: code.trim() });
    setBusy(false);
    if (!reply.ok) setError(reply.problem.message);
    else {
      setStatus(reply.data);
      setCode('');
    }
  };

  const disconnect = async () => {
    if (!window.confirm('Disconnect from the team hub? Your local workspace comes back; the hub keeps everything you shared.')) return;
    const reply = await sendRequest<'hub/disconnect'>({ type: 'hub/disconnect' });
    if (reply.ok) setStatus(reply.data);
  };

  return (
    <Section title="Team hub" description="Share clients and handoffs with your agency. Without a hub, Baton works on this browser alone.">
      {status?.connected ? (
        <div className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
          <p role="status">
            Connected to <span className="font-mono">{status.url}</span> as <strong>{status.me.name}</strong> ({status.me.email})
          </p>
          <p className="text-slate-600 dark:text-slate-400">
            {status.live ? 'Live.' : 'Checking every minute.'} {status.lastSyncAt ? `Last synced ${new Date(status.lastSyncAt).toLocaleTimeString()}.` : ''}{' '}
            {status.pending > 0 ? `${status.pending} change${status.pending === 1 ? '' : 's'} waiting to be sent.` : 'Everything is sent.'}
          </p>
          {status.lastError ? (
            <p role="alert" className="text-red-700 dark:text-red-300">
              {status.lastError}
            </p>
          ) : null}
          <RefusedChanges refused={status.refused} onStatus={setStatus} />
          <div>
            <Button variant="secondary" onClick={() => void disconnect()}>
              Disconnect
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={connect} className="flex flex-col gap-3">
          <div className="flex flex-col gap-1">
            <label className={labelClass}>
              Hub address
              <input
                ref={addressRef}
                className={`${inputClass} ${lockedUrl ? 'bg-slate-100 dark:bg-slate-800' : ''}`}
                type="url"
                value={lockedUrl ?? url}
                onChange={(e) => setUrl(e.target.value)}
                required
                readOnly={Boolean(lockedUrl)}
                aria-describedby={lockedUrl ? MANAGED_NOTE_ID : undefined}
              />
            </label>
            {lockedUrl ? <ManagedNote /> : null}
          </div>
          {managed?.signInRequired ? (
            <ManagedSignIn managed={managed} />
          ) : (
            <label className={labelClass}>
              Invite code
              <input className={`${inputClass} font-mono`} value={code} onChange={(e) => setCode(e.target.value)} required placeholder="bi_…" autoComplete="off" />
            </label>
          )}
          {error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          ) : null}
<div className="flex flex-wrap items-center gap-3">
            {managed?.signInRequired ? null : (
              <Button type="submit" disabled={busy}>
                {busy ? 'Connecting…' : 'Connect'}
              </Button>
            )}
            <SignInButton url={lockedUrl ?? url} describedBy={signInHint(managed) ? SIGN_IN_HINT_ID : undefined} onStatus={setStatus} onError={setError} />
          </div>
        </form>
      )}
    </Section>
  );
}
