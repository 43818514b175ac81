import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { HubStatus } from '../lib/messaging/protocol';
import { sendRequest } from '../lib/messaging/send';
import { Button } from './button';
import { RefusedChanges } from './refused-changes';
import { Section } from './section';
import { helpClass, inputClass, labelClass } from './form-styles';

/** Joining the agency's team hub with an invite link (or its address and code), and what the connection is doing. */
export function HubConnection() {
  const [status, setStatus] = useState<HubStatus | undefined>();
  const [link, setLink] = useState('');
  const linkHelp = useId();
  const [url, setUrl] = useState('http://127.0.0.1:8787');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

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
    // The link when one is pasted; else the address and the code apart.
    if (!link.trim() && !code.trim()) {
      setError('Paste the invite link you were sent (or enter the hub’s address and the invite code).');
      return;
    }
    setBusy(true);
    const reply = await sendRequest<'hub/connect'>(link.trim() ? { type: 'hub/connect', link } : { type: 'hub/connect', url: url.trim(), code: code.trim() });
    setBusy(false);
    if (!reply.ok) setError(reply.problem.message);
    else {
      setStatus(reply.data);
      setLink('');
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
          <label className={labelClass}>
            Invite link
            <input className={`${inputClass} font-mono`} value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://hub.example.com/join#bi_…" autoComplete="off" aria-describedby={linkHelp} />
          </label>
          <p id={linkHelp} className={`-mt-2 ${helpClass}`}>
            Paste the whole link your admin sent you.
          </p>
          <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <legend className="px-1 text-sm text-slate-700 dark:text-slate-300">Or enter the address and code instead</legend>
            <div className="flex flex-col gap-3">
              <label className={labelClass}>
                Hub address
                <input className={inputClass} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
              </label>
              <label className={labelClass}>
                Invite code
                <input className={`${inputClass} font-mono`} value={code} onChange={(e) => setCode(e.target.value)} placeholder="bi_…" autoComplete="off" />
              </label>
            </div>
          </fieldset>
          {error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          ) : null}
          <div>
            <Button type="submit" disabled={busy}>
              {busy ? 'Connecting…' : 'Connect'}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
