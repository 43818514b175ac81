import { useEffect, useState } from 'react';
import type { HubStatus } from '../lib/messaging/protocol';
import { sendRequest } from '../lib/messaging/send';
import { Button } from './button';

/** Typing pauses this long before Baton asks the address what it offers. */
const ASK_AFTER_MS = 400;

/**
 * "Sign in with <provider>" for a hub that offers it (asked at GET /v1/hub as the address is typed):
 * the provider's window opens, and the person joins without an invite. The hub's refusal, in its own
 * words, goes to the form's alert (`onError`).
 */
export function SignInButton({ url, describedBy, required = false, onStatus, onError }: { url: string; describedBy?: string; required?: boolean; onStatus(status: HubStatus): void; onError(message: string | undefined): void }) {
  const [provider, setProvider] = useState<string | undefined>();
  // Whether the hub answered (with or without a sign-in): where sign-in is the only way in, silence is a dead end.
  const [answered, setAnswered] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setProvider(undefined);
    setAnswered(false);
    const timer = setTimeout(() => {
      void sendRequest<'hub/info'>({ type: 'hub/info', url: url.trim() }).then((reply) => {
        if (!current) return;
        setAnswered(true);
        if (reply.ok) setProvider(reply.data.signIn?.provider);
      });
    }, ASK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [url]);

  if (!provider) {
    return required && answered ? (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {`Your organisation requires signing in, but ${url} offers no sign-in or cannot be reached right now. Try again in a minute; if it persists, tell your IT team.`}
      </p>
    ) : null;
  }
  const signIn = async () => {
    onError(undefined);
    setBusy(true);
    const reply = await sendRequest<'hub/sign-in'>({ type: 'hub/sign-in', url: url.trim() });
    setBusy(false);
    if (reply.ok) onStatus(reply.data);
    else onError(reply.problem.message);
  };
  return (
    <Button variant="secondary" disabled={busy} onClick={() => void signIn()} aria-describedby={describedBy}>
      {busy ? `Signing in with ${provider}…` : `Sign in with ${provider}`}
    </Button>
  );
}
