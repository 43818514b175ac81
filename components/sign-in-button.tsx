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
export function SignInButton({ url, describedBy, onStatus, onError }: { url: string; describedBy?: string; onStatus(status: HubStatus): void; onError(message: string | undefined): void }) {
  const [provider, setProvider] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setProvider(undefined);
    const timer = setTimeout(() => {
      void sendRequest<'hub/info'>({ type: 'hub/info', url: url.trim() }).then((reply) => {
        if (current && reply.ok) setProvider(reply.data.signIn?.provider);
      });
    }, ASK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [url]);

  if (!provider) return null;
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
