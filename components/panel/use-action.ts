import { useCallback, useState } from 'react';
import type { Result } from '../../lib/messaging/protocol';

/**
 * Runs one request from a button or form: busy while it runs, the refusal kept to show in an alert.
 * Resolves to whether it succeeded, so a form clears itself only then (nothing typed is lost).
 */
export function useAction(): { run: <T>(request: () => Promise<Result<T>>) => Promise<T | undefined>; busy: boolean; error?: string; setError: (e?: string) => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(async <T,>(request: () => Promise<Result<T>>) => {
    setBusy(true);
    setError(undefined);
    const reply = await request();
    setBusy(false);
    if (reply.ok) return reply.data;
    setError(reply.problem.message);
    return undefined;
  }, []);
  return { run, busy, error, setError };
}
