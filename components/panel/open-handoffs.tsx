import type { Handoff } from '../../lib/model/handoff';
import { findTemplate } from '../../lib/templates';
import { isMyMove, sortYourMoveFirst } from '../../lib/workflow/your-move';
import { isOverdue, memberName, waitingPhrase } from './format';
import { useNavigation } from './navigation';
import { StateBadge } from './state-badge';
import { useWorkspace } from './workspace';

/** One open handoff as a row: what, which template, where it stands, who, how long it has waited. */
function HandoffRow({ handoff, now, mine }: { handoff: Handoff; now: Date; mine: boolean }) {
  const { members, templates } = useWorkspace();
  const { navigate } = useNavigation();
  const template = findTemplate(templates, handoff.templateId, handoff.templateVersion) ?? findTemplate(templates, handoff.templateId);
  const overdue = isOverdue(handoff, now);
  const since = handoff.sentAt ?? handoff.createdAt;
  return (
    <li>
      <button
        type="button"
        onClick={() => navigate({ view: 'handoff', handoffId: handoff.id })}
        className="flex w-full flex-col gap-1 rounded-md px-3 py-2.5 text-left hover:bg-slate-50 dark:hover:bg-slate-800/60"
      >
        <span className="flex items-start justify-between gap-2">
          <span className="text-sm font-medium break-words text-slate-900 dark:text-slate-100">{handoff.title || template?.name}</span>
          <span className="flex shrink-0 flex-wrap justify-end gap-1">
            {handoff.startedBy ? <StartedByRule /> : null}
            {mine ? <YourMove /> : null}
            <StateBadge state={handoff.state} />
          </span>
        </span>
        <span className="text-xs text-slate-600 dark:text-slate-400">{template?.name ?? handoff.templateId}</span>
        <span className="flex flex-wrap items-center gap-x-2 text-xs text-slate-700 dark:text-slate-300">
          <span>
            {memberName(members, handoff.senderId)} <span aria-label="to">→</span> {memberName(members, handoff.receiverId)}
          </span>
          <span aria-hidden="true">·</span>
          <span className={overdue ? 'font-semibold text-red-700 dark:text-red-400' : undefined}>
            {waitingPhrase(handoff.state, since, now)}
            {overdue ? ' · overdue' : ''}
          </span>
        </span>
      </button>
    </li>
  );
}

/** The marker on a draft a workflow rule started. */
function StartedByRule() {
  return <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-900 dark:bg-indigo-900/60 dark:text-indigo-100">Started by a rule</span>;
}

/** The marker on a handoff whose next step is mine. */
function YourMove() {
  return <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">Your move</span>;
}

/** Open handoffs, the ones waiting on me first (overdue first among them), then by recent activity. */
export function OpenHandoffsList({ handoffs }: { handoffs: Handoff[] }) {
  const { me } = useWorkspace();
  const now = new Date();
  if (handoffs.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing open. Start one when work changes hands.</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
      {sortYourMoveFirst(handoffs, me.id, now).map((h) => (
        <HandoffRow key={h.id} handoff={h} now={now} mine={isMyMove(h, me.id)} />
      ))}
    </ul>
  );
}
