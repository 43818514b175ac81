import { sendRequest } from '../../lib/messaging/send';
import type { TabState } from '../../lib/messaging/protocol';
import { Button } from '../button';
import { KeyFacts } from './client-facts';
import { ClientTeam } from './client-team';
import { ErrorAlert } from '../error-alert';
import { memberName } from './format';
import { History } from './history';
import { useNavigation } from './navigation';
import { OpenHandoffsList } from './open-handoffs';
import { RuleTaskNotes } from './rule-task-note';
import { OpenItems } from './open-items';
import { PageFacts } from './page-facts';
import { PanelSection } from './panel-section';
import { QuickNotes } from './quick-notes';
import { useLive } from '../use-live';
import { ViewHeading } from './view-heading';
import { useWorkspace } from './workspace';

/** A client at a glance: who they are, what is open, what happened. `tab` is the page it was recognised on, if any. */
export function ClientView({ clientId, tab }: { clientId: string; tab?: TabState }) {
  const { members } = useWorkspace();
  const { navigate } = useNavigation();
  const live = useLive(() => sendRequest<'client/view'>({ type: 'client/view', clientId }), { key: `client:${clientId}` });
  const matched = tab?.match.status === 'matched' && tab.match.client.id === clientId;
  // The tab's match already names the client: say whose page this is at once, the rest follows.
  // Same elements as the loaded view's header, so the heading (and focus on it) stays when the rest arrives.
  if (live.status === 'loading')
    return matched && tab.match.status === 'matched' ? (
      <div className="flex flex-col gap-6">
        <div className="flex flex-col gap-1">
          <ViewHeading>{tab.match.client.name}</ViewHeading>
        </div>
      </div>
    ) : null;
  if (live.status === 'error') return <ErrorAlert message={live.message} />;
  if (!live.data) return <ViewHeading>Client not found</ViewHeading>;
  const { client, openHandoffs, openItems, timeline, notes, failures, handoffs, cost, errors } = live.data;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <ViewHeading>{client.name}</ViewHeading>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Owner: <span className="text-slate-800 dark:text-slate-200">{client.ownerId ? memberName(members, client.ownerId) : 'not assigned'}</span>
        </p>
        {matched ? (
          <p className="text-xs font-medium text-emerald-800 dark:text-emerald-300">
            <span aria-hidden="true">● </span>Matched to this page
          </p>
        ) : null}
        <div className="mt-2">
          <Button onClick={() => navigate({ view: 'new-handoff', clientId, ...(matched && tab ? { tabId: tab.tabId } : {}) })}>Start handoff</Button>
        </div>
      </div>
      <RuleTaskNotes tab={matched ? tab : undefined} handoffs={handoffs} />
      {errors.length > 0 ? <ErrorAlert message={`Some records could not be read: ${errors.join(' ')}`} /> : null}
      {/* A failed refresh leaves the view as last loaded: say so. */}
      <ErrorAlert message={live.error} />

      <PanelSection title="Open handoffs">
        <OpenHandoffsList handoffs={openHandoffs} />
      </PanelSection>

      <PanelSection title="Open items">
        <OpenItems clientId={clientId} items={openItems} />
      </PanelSection>

      <PanelSection title="Key facts">
        <ClientTeam client={client} />
        <KeyFacts client={client} />
      </PanelSection>

      <PanelSection title="History">
        <QuickNotes clientId={clientId} handoffs={handoffs} />
        <History entries={timeline} notes={notes} failures={failures} handoffs={handoffs} cost={cost} />
      </PanelSection>

      {tab ? <PageFacts tab={tab} /> : null}
    </div>
  );
}
