import type { HandoffSummary } from '../../lib/db/queries';
import type { TabState } from '../../lib/messaging/protocol';
import { Button } from '../button';
import { useNavigation } from './navigation';

/** The Asana task the tab shows, if it shows one (its gid, from the page's identifiers). */
export function asanaTaskOf(tab: TabState | undefined): string | undefined {
  return tab?.context.identifiers.find((i) => i.kind === 'asana-task')?.value;
}

/** On an Asana task's page: the handoffs a rule started from this task, each with its rule and a way in. */
export function RuleTaskNotes({ tab, handoffs }: { tab: TabState | undefined; handoffs: readonly HandoffSummary[] }) {
  const { navigate } = useNavigation();
  const task = asanaTaskOf(tab);
  const started = task ? handoffs.filter((h) => h.startedBy && h.asanaTaskId === task) : [];
  if (started.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2">
      {started.map((h) => (
        <li key={h.id} role="note" className="flex min-w-0 flex-col items-start gap-1.5 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
          <span className="min-w-0 break-words">
            Rule “{h.startedBy!.ruleName}” started {h.title} from this task.
          </span>
          <Button variant="secondary" onClick={() => navigate({ view: 'handoff', handoffId: h.id })}>
            {`Open ${h.title}`}
          </Button>
        </li>
      ))}
    </ul>
  );
}
