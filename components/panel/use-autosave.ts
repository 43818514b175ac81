import { useCallback, useEffect, useRef, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';

/** What a draft's autosave writes: the form's own parts of 'handoff/update'. */
export interface DraftPatch {
  title: string;
  receiverId?: string;
  dueBy?: string;
  fields: Record<string, unknown>;
}

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const DELAY_MS = 500;

/** The draft handed to a send: what is not saved yet travels with it, and the send settles it. */
export interface SendHandover {
  /** The form's edits the background does not hold yet, or undefined when it holds them all. */
  unsaved?: DraftPatch;
  /** The send went through (its edits are saved with it) or failed (autosave resumes). */
  settle(sent: boolean): void;
}

/**
 * Saves a draft as the person types: 500 ms after the last change, one save at a time, never the
 * same content twice. `handOver` stops saving and hands the unsaved edits to a send, which appends
 * them with the send itself: one message, and never a send of an older draft than the one on screen.
 */
export function useAutosave(handoffId: string, patch: DraftPatch): { status: SaveStatus; handOver: () => Promise<SendHandover>; edited: boolean; flush: () => Promise<boolean> } {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const serial = JSON.stringify(patch);
  // What the background holds already: the draft as it was loaded, then each saved version.
  const saved = useRef(serial);
  const loaded = useRef(serial);
  const latest = useRef(patch);
  latest.current = patch;
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  // While a send is on its way, autosave waits: the send carries the edits.
  const sending = useRef(false);

  const flush = useCallback(() => {
    queue.current = queue.current.then(async () => {
      const body = JSON.stringify(latest.current);
      if (sending.current || body === saved.current) return true;
      setStatus({ kind: 'saving' });
      const { title, receiverId, dueBy, fields } = latest.current;
      const reply = await sendRequest<'handoff/update'>({ type: 'handoff/update', id: handoffId, title, fields, ...(receiverId ? { receiverId } : {}), ...(dueBy ? { dueBy } : {}) });
      if (!reply.ok) {
        setStatus({ kind: 'error', message: reply.problem.message });
        return false;
      }
      saved.current = body;
      setStatus({ kind: 'saved' });
      return true;
    });
    return queue.current;
  }, [handoffId]);

  useEffect(() => {
    if (serial === saved.current) return;
    const timer = setTimeout(() => void flush(), DELAY_MS);
    return () => clearTimeout(timer);
  }, [serial, flush]);

  // Leaving the form within the debounce still keeps what was typed.
  useEffect(() => () => void flush(), [flush]);

  const handOver = useCallback(async (): Promise<SendHandover> => {
    sending.current = true;
    // A save already under way finishes first: the send then carries only what came after it.
    await queue.current;
    const body = JSON.stringify(latest.current);
    return {
      ...(body === saved.current ? {} : { unsaved: latest.current }),
      settle(sent) {
        sending.current = false;
        if (!sent) return;
        saved.current = body;
        setStatus({ kind: 'saved' });
      },
    };
  }, []);

  // Typed since the form opened: what is on screen is not the draft as it was loaded.
  return { status, handOver, edited: serial !== loaded.current, flush };
}
