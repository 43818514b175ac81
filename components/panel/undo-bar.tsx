import { useEffect, useState } from 'react';
import type { PendingSummary } from '../../lib/background/pending-queue';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { useLive } from '../use-live';
import { useAction } from './use-action';
import { focusViewHeading } from './view-heading';

/**
 * The send or confirmation of this handoff held for undo (lib/background/pending-queue.ts), if any.
 * It lives in the background, so a panel opened again within the window still offers Undo.
 */
export function useHeldAction(handoffId: string): PendingSummary | undefined {
  const live = useLive(() => sendRequest<'pending/list'>({ type: 'pending/list' }), { stores: ['pending', 'handoffs'] });
  return live.status === 'ready' ? live.data.find((p) => p.handoffId === handoffId) : undefined;
}

/** Seconds left until `dueAt`, counting down while shown. */
function useSecondsLeft(dueAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [dueAt]);
  return Math.max(0, Math.ceil((dueAt - now) / 1000));
}

/** "Sent to <name> · Undo" (or "Confirmed · Undo") for the few seconds before it goes out, with "Send now". */
export function UndoBar({ held, onUndone }: { held: PendingSummary; onUndone: () => void }) {
  const seconds = useSecondsLeft(held.dueAt);
  const { run, busy, error } = useAction();
  const what = held.kind === 'send' ? `Sent to ${held.to ?? 'the receiver'}` : 'Confirmed';
  const undo = async () => {
    if ((await run(() => sendRequest<'pending/undo'>({ type: 'pending/undo', id: held.id }))) === undefined) return;
    onUndone();
    focusViewHeading();
  };
  const now = () => void run(() => sendRequest<'pending/commit'>({ type: 'pending/commit', id: held.id }));
  return (
    <section aria-label="Undo" className="flex flex-col gap-2 rounded-md border border-brand-600 bg-brand-50 p-3 text-sm text-slate-900 dark:border-indigo-400 dark:bg-slate-800 dark:text-slate-50">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {/* Said once when it appears; the countdown beside it is not read out every second. */}
        <p role="status" className="min-w-0 font-medium break-words">
          {what}
        </p>
        <span aria-hidden="true" className="text-xs text-slate-700 tabular-nums dark:text-slate-300">
          {seconds} s
        </span>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} onClick={() => void undo()}>
          Undo
        </Button>
        <Button variant="secondary" disabled={busy} onClick={now}>
          {held.kind === 'send' ? 'Send now' : 'Confirm now'}
        </Button>
      </div>
      <ErrorAlert message={error} />
    </section>
  );
}
