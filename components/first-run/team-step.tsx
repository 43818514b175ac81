import type { HubStatus } from '../../lib/messaging/protocol';
import { Button } from '../button';
import { mutedTextClass } from '../form-styles';
import { HubJoinForm } from '../hub-join-form';
import { useManagedSettings } from '../use-managed-settings';

/**
 * Step 2: join the team's hub (invite link, code or sign-in: the same form as Settings → Team hub) or
 * work alone for now. A hub IT set by policy is the only way on: the form shows it locked, and working
 * alone is not offered.
 */
export function TeamStep({ hub, onDone }: { hub: HubStatus; onDone: () => void }) {
  const managed = useManagedSettings();
  if (hub.connected)
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className={`${mutedTextClass} [overflow-wrap:anywhere]`}>
          Connected to {hub.url} as {hub.me.name} ({hub.me.email}).
        </p>
        <div>
          <Button onClick={onDone}>Continue</Button>
        </div>
      </div>
    );
  return (
    <div className="flex flex-col gap-3">
      <p className={mutedTextClass}>Join your agency’s hub to send handoffs to teammates.</p>
      <HubJoinForm onJoined={onDone} />
      {managed?.hubUrl ? null : (
        <div>
          <Button variant="secondary" onClick={onDone}>
            Work alone for now
          </Button>
        </div>
      )}
    </div>
  );
}
