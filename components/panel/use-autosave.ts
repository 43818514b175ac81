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

/**
 * Saves a draft as the person types: 500 ms after the last change, one save at a time, never the
 * same content twice. `flush` saves now (before sending) and says whether the draft is saved.
 */
export function useAutosave(handoffId: string, patch: DraftPatch): { status: SaveStatus; flush: () => Promise<boolean> } {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const serial = JSON.stringify(patch);
  // What the background holds already: the draft as it was loaded, then each saved version.
  const saved = useRef(serial);
  const latest = useRef(patch);
  latest.current = patch;
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));

  const flush = useCallback(() => {
    queue.current = queue.current.then(async () => {
      const body = JSON.stringify(latest.current);
      if (body === saved.current) return true;
      setStatus({ kind: 'saving' });
      const { title, receiverId, dueBy, fields } = latest.current;
      const reply = await sendRequest<'handoff/update'>({ type: 'handoff/update', id: handoffId, title, fields, ...(receiverId ? { receiverId } : {}), ...(dueBy ? { dueBy } : {}) });
      if (!reply.ok) {
        setStatus({ kind: 'error', message: reply.error.message });
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

  return { status, flush };
}
