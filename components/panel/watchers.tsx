import type { Handoff } from '../../lib/model/handoff';
import { sendRequest } from '../../lib/messaging/send';
import { shownWatcherIds } from '../../lib/workflow/default-watchers';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { memberName } from './format';
import { useAction } from './use-action';
import { useWorkspace } from './workspace';

/**
 * Who else hears of this handoff's moments, and Watch / Stop watching for anyone who is neither its
 * sender nor its receiver (they hear of every move already).
 */
export function Watchers({ handoff }: { handoff: Handoff }) {
  const { me, members } = useWorkspace();
  const { run, busy, error } = useAction();
  const shown = shownWatcherIds(handoff);
  const party = me.id === handoff.senderId || me.id === handoff.receiverId;
  const watching = shown.includes(me.id);
  const toggle = () =>
    void run(() => (watching ? sendRequest<'handoff/unwatch'>({ type: 'handoff/unwatch', id: handoff.id }) : sendRequest<'handoff/watch'>({ type: 'handoff/watch', id: handoff.id })));
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 text-sm break-words text-slate-700 dark:text-slate-300">
          {shown.length > 0 ? `Watching: ${shown.map((id) => (id === me.id ? 'you' : memberName(members, id))).join(', ')}` : 'Nobody else is watching'}
        </p>
        {/* Not disabled while busy: the button keeps the keyboard, and a second click changes nothing. */}
        {party ? null : (
          <Button variant="secondary" className="px-2 py-1 text-xs" onClick={toggle} aria-busy={busy}>
            {watching ? 'Stop watching' : 'Watch'}
          </Button>
        )}
      </div>
      <ErrorAlert message={error} />
    </div>
  );
}
