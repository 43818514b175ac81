import type { Gap } from '../../lib/model/handoff';
import { formatDateTime, memberName } from './format';
import { WithdrawGap } from './withdraw-gap';
import { useWorkspace } from './workspace';

/**
 * The questions asked about one field and their answers, as a short conversation. With `handoffId`,
 * the current receiver may withdraw a gap still open there (after a reassignment, one the former receiver raised).
 */
export function GapThread({ gaps, handoffId, receiverId }: { gaps: Gap[]; handoffId?: string; receiverId?: string }) {
  const { members, me } = useWorkspace();
  if (gaps.length === 0) return null;
  return (
    <ol aria-label="Gaps" className="mt-2 flex flex-col gap-2">
      {gaps.map((gap) => (
        <li key={gap.id} className="flex flex-col gap-1.5 rounded-md border border-amber-200 bg-amber-50/60 p-2 text-sm dark:border-amber-900 dark:bg-amber-950/40">
          <div>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {memberName(members, gap.raisedBy)} asked · <time dateTime={gap.raisedAt}>{formatDateTime(gap.raisedAt)}</time>
            </p>
            <p className="whitespace-pre-wrap text-slate-900 dark:text-slate-100">{gap.question}</p>
          </div>
          {gap.answer !== undefined ? (
            <div className="border-l-2 border-emerald-500 pl-2">
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {memberName(members, gap.answeredBy)} answered
                {gap.answeredAt ? (
                  <>
                    {' · '}
                    <time dateTime={gap.answeredAt}>{formatDateTime(gap.answeredAt)}</time>
                  </>
                ) : null}
              </p>
              <p className="whitespace-pre-wrap text-slate-900 dark:text-slate-100">{gap.answer}</p>
            </div>
          ) : gap.withdrawnAt !== undefined ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {memberName(members, gap.withdrawnBy ?? gap.raisedBy)} withdrew it · <time dateTime={gap.withdrawnAt}>{formatDateTime(gap.withdrawnAt)}</time>
              {gap.withdrawnReason ? <span className="block whitespace-pre-wrap text-slate-800 dark:text-slate-200">{gap.withdrawnReason}</span> : null}
            </p>
          ) : (
            <>
              <p className="text-xs font-medium text-amber-800 dark:text-amber-300">Waiting for the sender’s answer</p>
              {handoffId && receiverId === me.id ? <WithdrawGap handoffId={handoffId} gap={gap} /> : null}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
