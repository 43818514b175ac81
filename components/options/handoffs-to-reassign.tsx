import { useId, useState } from 'react';
import type { Handoff } from '../../lib/model/handoff';
import type { Member } from '../../lib/model/member';
import { isInFlight } from '../../lib/workflow/handoff-machine';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { selectClass } from '../form-styles';

/** One open handoff of a removed member: moved to someone on the team (the `handoff.reassigned` event). */
function ReassignRow({ handoff, removed, team, onDone }: { handoff: Handoff; removed: Member; team: readonly Member[]; onDone: (id: string) => void }) {
  // The sender cannot receive their own handoff; the removed member cannot receive at all.
  const choices = team.filter((m) => m.id !== handoff.senderId && m.id !== removed.id);
  const [receiverId, setReceiverId] = useState(choices[0]?.id ?? '');
  const [error, setError] = useState<string | undefined>();
  const party = handoff.senderId === removed.id ? `sent by ${removed.name}` : `waiting for ${removed.name}`;
  const reassign = async () => {
    setError(undefined);
    const reply = await sendRequest<'handoff/reassign'>({ type: 'handoff/reassign', id: handoff.id, receiverId, reason: `${removed.name} left the team.` });
    if (!reply.ok) setError(reply.problem.message);
    else onDone(handoff.id);
  };
  return (
    <li className="flex flex-col gap-1 py-2">
      <span>
        <strong>{handoff.title}</strong> <span className="text-slate-600 dark:text-slate-400">({party})</span>
      </span>
      {isInFlight(handoff.state) ? (
        <span className="flex flex-wrap items-center gap-2">
          <select className={selectClass} aria-label={`New receiver for ${handoff.title}`} value={receiverId} onChange={(e) => setReceiverId(e.target.value)}>
            {choices.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <Button variant="secondary" disabled={!receiverId} aria-label={`Reassign ${handoff.title}`} onClick={() => void reassign()}>
            Reassign
          </Button>
        </span>
      ) : (
        <span className="text-slate-600 dark:text-slate-400">A draft: nobody else can send it. Start it again for the client if it is still needed.</span>
      )}
      <ErrorAlert message={error} />
    </li>
  );
}

/** After a member is removed: their open handoffs, each to give to someone still on the team. */
export function HandoffsToReassign({ removed, handoffs, team, onDone }: { removed: Member; handoffs: readonly Handoff[]; team: readonly Member[]; onDone: (id: string) => void }) {
  const heading = useId();
  return (
    <section aria-labelledby={heading} className="flex flex-col gap-1 rounded-lg border border-amber-300 p-3 text-sm dark:border-amber-700">
      <h3 id={heading} className="font-semibold">
        Handoffs to reassign
      </h3>
      {handoffs.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{removed.name} has no open handoffs left.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {handoffs.map((h) => (
            <ReassignRow key={h.id} handoff={h} removed={removed} team={team} onDone={onDone} />
          ))}
        </ul>
      )}
    </section>
  );
}
