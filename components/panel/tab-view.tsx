import type { PanelState } from '../use-panel-state';
import { ClientView } from './client-view';
import { ErrorAlert } from '../error-alert';
import { UnmatchedView } from './unmatched-view';
import { ViewHeading } from './view-heading';

/** The default view: whatever the followed tab is about. */
export function TabView({ state }: { state: PanelState }) {
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <ErrorAlert message={state.message} />;
  const { tab } = state;
  if (!tab)
    return (
      <div className="flex flex-col gap-2">
        <ViewHeading>No page to read</ViewHeading>
        <p className="text-sm text-slate-600 dark:text-slate-400">Open a Gmail conversation, an Asana task or an ad account and Baton shows whose it is.</p>
      </div>
    );
  // Keyed by client: another client is another view, with its own history filter.
  if (tab.match.status === 'matched') return <ClientView key={tab.match.client.id} clientId={tab.match.client.id} tab={tab} />;
  return <UnmatchedView tab={tab} />;
}
