import type { Client } from '../../lib/model/client';
import type { Handoff } from '../../lib/model/handoff';
import type { Member } from '../../lib/model/member';
import { sendRequest } from '../../lib/messaging/send';
import { awaitsReceiver } from '../../lib/workflow/handoff-machine';
import { ErrorAlert } from '../error-alert';
import { STATE_LABELS } from '../panel/format';
import { liveError, useLive } from '../use-live';
import { HandoffGroup } from './handoff-group';
import type { NameOf } from './party';

/** Where a handoff I watch stands, and whose move it is: "Sent · Ana Lopes to confirm". */
export function watchedParty(h: Handoff, name: NameOf): string {
  const move = awaitsReceiver(h.state) ? `${name(h.receiverId)} to confirm` : h.state === 'gaps_raised' ? `${name(h.senderId)} to answer` : `${name(h.senderId)} is writing it`;
  return `${STATE_LABELS[h.state]} · ${move}`;
}

/** The popup's "Watching": open handoffs I watch (neither sent by me nor to me), soonest due first. */
export function WatchingGroup({ clients, members, now, onOpen }: { clients: Client[]; members: Member[]; now: Date; onOpen: (handoff: Handoff) => void }) {
  const live = useLive(() => sendRequest<'handoffs/watching'>({ type: 'handoffs/watching' }), { stores: ['handoffs'] });
  if (live.status === 'error') return <ErrorAlert message={live.message} />;
  if (live.status !== 'ready') return null;
  const name: NameOf = (id) => members.find((m) => m.id === id)?.name ?? 'someone';
  const lines = live.data.map((handoff) => ({ handoff, clientName: clients.find((c) => c.id === handoff.clientId)?.name ?? 'Unknown client', party: watchedParty(handoff, name) }));
  return (
    <>
      <ErrorAlert message={liveError(live)} />
      <HandoffGroup title="Watching" lines={lines} empty="Handoffs you watch appear here until they are settled. Open one in the side panel and choose Watch." now={now} onOpen={onOpen} />
    </>
  );
}
