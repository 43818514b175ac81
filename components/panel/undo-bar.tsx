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
  // The bar goes away once it went out: the heading takes the keyboard, so focus never drops to nothing.
  const now = async () => {
    if ((await run(() => sendRequest<'pending/commit'>({ type: 'pending/commit', id: held.id }))) !== undefined) focusViewHeading();
  };
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
        <Button variant="secondary" disabled={busy} onClick={() => void now()}>
          {held.kind === 'send' ? 'Send now' : 'Confirm now'}
        </Button>
      </div>
      <ErrorAlert message={error} />
    </section>
  );
}

/**
 * A held send or confirmation the workflow refused when it came due (the sender cancelled, the receiver
 * was removed…): its author saw "Sent"/"Confirmed", so the view says why in place of the undo bar.
 */
export function RefusedBar({ held, onDismissed }: { held: PendingSummary; onDismissed: () => void }) {
  const { run, busy, error } = useAction();
  const what = held.kind === 'send' ? 'Not sent' : 'Not confirmed';
  const dismiss = async () => {
    if ((await run(() => sendRequest<'pending/dismiss'>({ type: 'pending/dismiss', id: held.id }))) === undefined) return;
    onDismissed();
    focusViewHeading();
  };
  return (
    <section aria-label={what} className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100">
      <p role="alert" className="min-w-0 break-words">
        <span className="font-medium">{what}:</span> {held.refused}
      </p>
      <div>
        <Button variant="secondary" disabled={busy} onClick={() => void dismiss()}>
          Dismiss
        </Button>
      </div>
      <ErrorAlert message={error} />
    </section>
  );
}
