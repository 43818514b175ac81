import type { Handoff } from '../../lib/model/handoff';
import { Button } from '../button';
import { formatAgo, memberName } from './format';
import { useNavigation } from './navigation';
import { useWorkspace } from './workspace';

/** "sent 2 d ago to Ana", "a draft Sam started 3 h ago": where the open one stands, in a phrase. */
function whereItStands(handoff: Handoff, names: { sender: string; receiver: string }, now: Date): string {
  if (handoff.state === 'draft') return `a draft ${names.sender} started ${formatAgo(handoff.createdAt, now)}`;
  return `sent ${formatAgo(handoff.sentAt ?? handoff.createdAt, now)} to ${names.receiver}`;
}

/**
 * The duplicate guard's question: one of this template for this client is already open. Opening it is
 * the likely intent, so it comes first; starting another stays one click away.
 */
export function DuplicateWarning({ duplicate, busy, onStartAnyway }: { duplicate: Handoff; busy: boolean; onStartAnyway: () => void }) {
  const { clients, members, templates } = useWorkspace();
  const { navigate } = useNavigation();
  const template = templates.find((t) => t.id === duplicate.templateId);
  const client = clients.find((c) => c.id === duplicate.clientId);
  const names = { sender: memberName(members, duplicate.senderId), receiver: memberName(members, duplicate.receiverId) };
  return (
    <section
      aria-label="Already open"
      className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p role="alert" className="break-words">
        A {template?.name ?? 'handoff'} handoff for {client?.name ?? 'this client'} is already open ({whereItStands(duplicate, names, new Date())}).
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => navigate({ view: 'handoff', handoffId: duplicate.id })}>
          Open it
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={onStartAnyway}>
          Start another anyway
        </Button>
      </div>
    </section>
  );
}
