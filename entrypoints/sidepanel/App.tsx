import { browser } from 'wxt/browser';
import { AppHeader } from '../../components/app-header';
import { Button } from '../../components/button';
import { BackButton } from '../../components/panel/back-button';
import { ClientView } from '../../components/panel/client-view';
import { ErrorAlert } from '../../components/error-alert';
import { FirstRun } from '../../components/first-run/first-run';
import { HandoffView } from '../../components/panel/handoff-view';
import { NavigationContext, routeOfIntent, type Route } from '../../components/panel/navigation';
import { NewHandoffView } from '../../components/panel/new-handoff-view';
import { SearchBox } from '../../components/panel/search-box';
import { TabView } from '../../components/panel/tab-view';
import { usePanelIntent } from '../../components/panel/use-panel-intent';
import { shownClientId, useRememberClient } from '../../components/panel/use-recent-clients';
import { useRouter } from '../../components/panel/use-router';
import { WorkspaceProvider } from '../../components/panel/workspace';
import { usePanelState, type PanelState } from '../../components/use-panel-state';

function openOptions() {
  void browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
}

function announcement(state: PanelState): string {
  if (state.status !== 'ready' || !state.tab) return '';
  const { match } = state.tab;
  return match.status === 'matched' ? `This page belongs to ${match.client.name}.` : match.status === 'ambiguous' ? 'This page fits more than one client.' : 'No client for this page.';
}

function RouteView({ route, state }: { route: Route; state: PanelState }) {
  const tab = state.status === 'ready' ? (state.tab ?? undefined) : undefined;
  switch (route.view) {
    case 'tab':
      // The first-run path stands in for the page's view until it is done or skipped.
      return (
        <FirstRun tab={tab}>
          <TabView state={state} />
        </FirstRun>
      );
    case 'client':
      return <ClientView clientId={route.clientId} tab={tab} />;
    case 'new-handoff':
      return <NewHandoffView route={route} site={route.site ?? tab?.context.site} />;
    case 'handoff':
      return <HandoffView handoffId={route.handoffId} />;
  }
}

export function App() {
  const state = usePanelState();
  const { route, depth, navigation } = useRouter();
  usePanelIntent((intent) => navigation.navigate(routeOfIntent(intent)));
  useRememberClient(shownClientId(route, state));

  return (
    <NavigationContext.Provider value={navigation}>
      <div className="flex min-h-screen flex-col">
        {/* The search results open over the view, under the header. */}
        <div className="relative">
          <AppHeader>
            <SearchBox />
            <Button variant="secondary" className="shrink-0 px-2.5 py-1 text-xs" onClick={openOptions}>
              Settings
            </Button>
          </AppHeader>
        </div>
        <main className="flex flex-col gap-3 px-4 pt-3 pb-8">
          {/* Announces the client when the followed tab changes, without moving focus. */}
          <p aria-live="polite" className="sr-only">
            {announcement(state)}
          </p>
          <BackButton />
          <WorkspaceProvider fallback={(error) => <ErrorAlert message={error} />}>
            {/* A new view is a new component tree: no state leaks from one handoff to the next. */}
            <RouteView key={`${depth}:${JSON.stringify(route)}`} route={route} state={state} />
          </WorkspaceProvider>
        </main>
      </div>
    </NavigationContext.Provider>
  );
}
