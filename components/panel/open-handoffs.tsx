import type { Handoff } from '../../lib/model/handoff';
import { findTemplate } from '../../lib/templates';
import { isOverdue, memberName, waitingPhrase } from './format';
import { useNavigation } from './navigation';
import { StateBadge } from './state-badge';
import { useWorkspace } from './workspace';

/** One open handoff as a row: what, which template, where it stands, who, how long it has waited. */
function HandoffRow({ handoff, now }: { handoff: Handoff; now: Date }) {
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
          <span className="text-sm font-medium text-slate-900 dark:text-slate-100">{handoff.title || template?.name}</span>
          <StateBadge state={handoff.state} />
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

export function OpenHandoffsList({ handoffs }: { handoffs: Handoff[] }) {
  const now = new Date();
  if (handoffs.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing open. Start one when work changes hands.</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
      {handoffs.map((h) => (
        <HandoffRow key={h.id} handoff={h} now={now} />
      ))}
    </ul>
  );
}
