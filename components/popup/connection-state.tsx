import type { HubStatus } from '../../lib/messaging/protocol';
import { formatSpan } from './due';

/** Where this workspace lives: this browser only, or a team hub (live or polling), and its last sync. */
export function ConnectionState({ hub, now }: { hub: HubStatus; now: Date }) {
  const dot = !hub.connected ? 'bg-slate-400' : hub.lastError ? 'bg-red-600' : hub.live ? 'bg-emerald-500' : 'bg-amber-500';
  const synced = hub.lastSyncAt ? ` · synced ${formatSpan(now.getTime() - Date.parse(hub.lastSyncAt))} ago` : '';
  const text = !hub.connected ? 'Local workspace · this browser only' : `Team hub · ${hub.live ? 'connected live' : 'checking every minute'}${synced}`;
  return (
    <div className="flex flex-col gap-1">
      <p role="status" className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${dot}`} />
        {text}
      </p>
      {hub.lastError ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {hub.lastError}
        </p>
      ) : null}
    </div>
  );
}
