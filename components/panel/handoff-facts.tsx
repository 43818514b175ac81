import type { Handoff } from '../../lib/model/handoff';
import { formatAgo, formatDateTime, isOverdue, memberName } from './format';
import { useWorkspace } from './workspace';

/** Who hands to whom and the dates that matter, as a compact definition list. */
export function HandoffFacts({ handoff, now }: { handoff: Handoff; now: Date }) {
  const { members } = useWorkspace();
  const overdue = isOverdue(handoff, now);
  const rows: [string, React.ReactNode][] = [
    ['From', memberName(members, handoff.senderId)],
    ['To', memberName(members, handoff.receiverId)],
  ];
  if (handoff.sentAt) rows.push(['Sent', `${formatDateTime(handoff.sentAt)} (${formatAgo(handoff.sentAt, now)})`]);
  if (handoff.dueBy)
    rows.push([
      'Confirm by',
      <span key="due" className={overdue ? 'font-semibold text-red-700 dark:text-red-400' : undefined}>
        {formatDateTime(handoff.dueBy)}
        {overdue ? ' · overdue' : ''}
      </span>,
    ]);
  if (handoff.confirmedAt) rows.push(['Confirmed', formatDateTime(handoff.confirmedAt)]);
  if (handoff.cancelledAt) rows.push(['Cancelled', formatDateTime(handoff.cancelledAt)]);
  if (handoff.completenessAtSend) rows.push(['Completeness', `${handoff.completenessAtSend.satisfied} of ${handoff.completenessAtSend.required} required when sent`]);
  return (
    <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
          <dd className="text-slate-900 dark:text-slate-100">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
