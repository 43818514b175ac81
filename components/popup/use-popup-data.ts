import type { Client } from '../../lib/model/client';
import type { Handoff } from '../../lib/model/handoff';
import type { Member } from '../../lib/model/member';
import type { HubStatus, Result } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import { awaitsReceiver } from '../../lib/workflow/handoff-machine';
import { loadTogether } from '../load-together';
import { useLive } from '../use-live';

export interface PopupData {
  awaitingMe: Handoff[];
  waitingOnOthers: Handoff[];
  gapsToAnswer: Handoff[];
  /** Drafts a workflow rule started with me as the sender: mine to complete and send. */
  startedByRule: Handoff[];
  /** Sent to me, with gaps I raised that wait on the sender's answers. */
  waitingOnAnswers: Handoff[];
  clients: Client[];
  members: Member[];
  hub: HubStatus;
}

async function loadPopupData(): Promise<Result<PopupData>> {
  const reply = await loadTogether({
    awaiting: sendRequest<'handoffs/awaiting-me'>({ type: 'handoffs/awaiting-me' }),
    sent: sendRequest<'handoffs/sent-by-me'>({ type: 'handoffs/sent-by-me' }),
    clients: sendRequest<'clients/list'>({ type: 'clients/list' }),
    members: sendRequest<'members/list'>({ type: 'members/list' }),
    hub: sendRequest<'hub/status'>({ type: 'hub/status' }),
    questioned: sendRequest<'handoffs/waiting-on-answers'>({ type: 'handoffs/waiting-on-answers' }),
  });
  if (!reply.ok) return reply;
  const { awaiting, sent, clients, members, hub, questioned } = reply.data;
  return {
    ok: true,
    data: {
      awaitingMe: awaiting,
      startedByRule: sent.filter((h) => h.state === 'draft' && h.startedBy !== undefined),
      waitingOnOthers: sent.filter((h) => awaitsReceiver(h.state)),
      gapsToAnswer: sent.filter((h) => h.state === 'gaps_raised'),
      waitingOnAnswers: questioned,
      clients,
      members,
      hub,
    },
  };
}

/** What the popup shows, kept current by the change feed. */
export function usePopupData() {
  return useLive(loadPopupData);
}
