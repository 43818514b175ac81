import type { StartedBy } from '../../lib/model/rule';
import { linkClass } from '../form-styles';

/** Above a handoff a workflow rule started: which rule, on what (with the Asana task one click away). */
export function StartedByNote({ startedBy }: { startedBy: StartedBy }) {
  const { ruleName, trigger } = startedBy;
  return (
    <p role="note" className="min-w-0 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm break-words text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
      Started by rule “{ruleName}”: {trigger.label}
      {trigger.url ? (
        <>
          {' '}
          <a className={linkClass} href={trigger.url} target="_blank" rel="noreferrer noopener">
            {trigger.kind.startsWith('asana.') ? 'Open the Asana task' : 'Open the source'}
          </a>
        </>
      ) : null}
    </p>
  );
}
