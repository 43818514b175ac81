// Pages read IndexedDB themselves and learn of changes here; only the background writes.
export const CHANGE_CHANNEL = 'baton-changes';

export interface ChangeNotice {
  /** The appended event, or null for a rebuild of every view. */
  eventId: string | null;
  type: string;
  stores: string[];
}

let channel: BroadcastChannel | undefined;

export function publishChange(notice: ChangeNotice): void {
  if (typeof BroadcastChannel === 'undefined') return;
  if (!channel) {
    channel = new BroadcastChannel(CHANGE_CHANNEL);
    // In Node (tests, the hub) an open channel would keep the process alive.
    (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  }
  channel.postMessage(notice);
}

/** Calls `onChange` for every change made by the background; stops when the signal aborts. */
export function subscribeToChanges(onChange: (notice: ChangeNotice) => void, signal: AbortSignal): void {
  if (typeof BroadcastChannel === 'undefined' || signal.aborted) return;
  const listener = new BroadcastChannel(CHANGE_CHANNEL);
  listener.onmessage = (message: MessageEvent<ChangeNotice>) => onChange(message.data);
  signal.addEventListener('abort', () => listener.close(), { once: true });
}
