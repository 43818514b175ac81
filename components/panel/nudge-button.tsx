import { useEffect, useId, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Handoff } from '../../lib/model/handoff';
import { formatWait, nextNudgeAt } from '../../lib/workflow/nudge';
import { Button } from '../button';
import { helpClass } from '../form-styles';
import { formatAgo, memberName } from './format';
import type { useAction } from './use-action';
import { useWorkspace } from './workspace';

/**
 * "Nudge <receiver>": a reminder to them now. Once every few hours per handoff: until then the button
 * is off and says when the next nudge is allowed (the reducer refuses an early one with the same words).
 */
export function NudgeButton({ handoff, action }: { handoff: Handoff; action: ReturnType<typeof useAction> }) {
  const { members } = useWorkspace();
  const [now, setNow] = useState(() => Date.now());
  const hint = useId();
  // The wait counts down while the view stays open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const next = nextNudgeAt(handoff.lastNudgedAt);
  const waiting = next !== undefined && now < next;
  const nudge = () => void action.run(() => sendRequest<'handoff/nudge'>({ type: 'handoff/nudge', id: handoff.id })).then(() => setNow(Date.now()));
  return (
    <span className="flex flex-col gap-1">
      <Button variant="secondary" disabled={action.busy || waiting} aria-describedby={handoff.lastNudgedAt ? hint : undefined} onClick={nudge}>
        Nudge {memberName(members, handoff.receiverId)}
      </Button>
      {handoff.lastNudgedAt ? (
        <span id={hint} className={helpClass}>
          Nudged {formatAgo(handoff.lastNudgedAt, new Date(now))}
          {waiting ? ` · next nudge in ${formatWait(next - now)}` : ''}
        </span>
      ) : null}
    </span>
  );
}
