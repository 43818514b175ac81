import type { Client } from '../../lib/model/client';
import type { Handoff } from '../../lib/model/handoff';
import type { Member } from '../../lib/model/member';
import type { HubStatus, Reply } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import { awaitsReceiver } from '../../lib/workflow/handoff-machine';
import { useLiveData } from '../options/use-live-data';

export interface PopupData {
  awaitingMe: Handoff[];
  waitingOnOthers: Handoff[];
  gapsToAnswer: Handoff[];
  clients: Client[];
  members: Member[];
  hub: HubStatus;
}

async function loadPopupData(): Promise<Reply<PopupData>> {
  const [awaiting, sent, clients, members, hub] = await Promise.all([
    sendRequest<'handoffs/awaiting-me'>({ type: 'handoffs/awaiting-me' }),
    sendRequest<'handoffs/sent-by-me'>({ type: 'handoffs/sent-by-me' }),
    sendRequest<'clients/list'>({ type: 'clients/list' }),
    sendRequest<'members/list'>({ type: 'members/list' }),
    sendRequest<'hub/status'>({ type: 'hub/status' }),
  ]);
  // The first refusal is the one to show: with it, nothing else would be complete.
  if (!awaiting.ok) return awaiting;
  if (!sent.ok) return sent;
  if (!clients.ok) return clients;
  if (!members.ok) return members;
  if (!hub.ok) return hub;
  const mine = sent.data;
  return {
    ok: true,
    data: {
      awaitingMe: awaiting.data,
      waitingOnOthers: mine.filter((h) => awaitsReceiver(h.state)),
      gapsToAnswer: mine.filter((h) => h.state === 'gaps_raised'),
      clients: clients.data,
      members: members.data,
      hub: hub.data,
    },
  };
}

/** What the popup shows, kept current by the change feed. */
export function usePopupData() {
  return useLiveData(loadPopupData);
}
