import { useCallback, useEffect, useState } from 'react';
import type { HubStatus } from '../lib/messaging/protocol';
import { sendRequest } from '../lib/messaging/send';
import { Button } from './button';
import { RefusedChanges } from './refused-changes';
import { Section } from './section';
import { HubJoinForm } from './hub-join-form';

/** The agency's team hub: joining it (HubJoinForm), and what the connection is doing once joined. */
export function HubConnection() {
  const [status, setStatus] = useState<HubStatus | undefined>();
  const load = useCallback(async () => {
    const reply = await sendRequest<'hub/status'>({ type: 'hub/status' });
    if (reply.ok) setStatus(reply.data);
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  }, [load]);

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
        <HubJoinForm onJoined={setStatus} />
      )}
    </Section>
  );
}
