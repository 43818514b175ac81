import { browser } from 'wxt/browser';
import { AppHeader } from '../../components/app-header';
import { Button } from '../../components/button';
import { IdentifierList } from '../../components/identifier-list';
import { usePanelState } from '../../components/use-panel-state';
import type { TabState } from '../../lib/messaging/protocol';
import { SITE_LABELS } from '../../lib/sites/labels';

function openOptions(prefill?: string) {
  const url = browser.runtime.getURL('/options.html');
  void browser.tabs.create({ url: prefill ? `${url}#new?identifiers=${encodeURIComponent(prefill)}` : url });
}

function PageFacts({ tab }: { tab: TabState }) {
  const { context } = tab;
  const what = context.thread?.subject ?? context.task?.name ?? context.account?.name ?? context.title;
  return (
    <section aria-labelledby="this-page" className="flex flex-col gap-2">
      <h2 id="this-page" className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        This page
      </h2>
      <p className="text-sm">
        <span className="font-medium">{SITE_LABELS[context.site]}</span>
        {what ? <span className="text-slate-600 dark:text-slate-300"> · {what}</span> : null}
      </p>
      <IdentifierList identifiers={context.identifiers} label="Identifiers on this page" />
    </section>
  );
}

function Matched({ tab }: { tab: TabState & { match: { status: 'matched' } } }) {
  const { match } = tab;
  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold tracking-tight">{match.client.name}</h1>
        <p className="text-sm text-emerald-700 dark:text-emerald-400">
          <span aria-hidden="true">● </span>Matched
        </p>
      </div>
      <section aria-labelledby="recognised-by" className="flex flex-col gap-2">
        <h2 id="recognised-by" className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          Recognised by
        </h2>
        <IdentifierList identifiers={match.decidedBy} label="Deciding identifiers" />
        {match.runnersUp.length > 0 ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">Also possible: {match.runnersUp.map((c) => c.name).join(', ')}</p>
        ) : null}
      </section>
    </>
  );
}

function Unmatched({ tab }: { tab: TabState }) {
  const { match } = tab;
  const ambiguous = match.status === 'ambiguous';
  const linkable = tab.linkable.map((i) => `${i.kind}:${i.value}`).join(' ');
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-xl font-semibold tracking-tight">{ambiguous ? 'Which client is this?' : 'No client for this page'}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {ambiguous
          ? `This page fits ${match.tied.map((c) => c.name).join(' and ')} equally. Link it to the right one.`
          : 'Link this page to a client and Baton will recognise it from now on.'}
      </p>
      <div>
        <Button onClick={() => openOptions(linkable)}>Link to client</Button>
      </div>
    </div>
  );
}

export function App() {
  const state = usePanelState();
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader>
        <Button variant="secondary" onClick={() => openOptions()}>
          Settings
        </Button>
      </AppHeader>
      {/* Announces the client when the followed tab changes, without moving focus. */}
      <main aria-live="polite" className="flex flex-col gap-5 p-4">
        {state.status === 'loading' ? null : state.status === 'error' ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {state.message}
          </p>
        ) : state.tab ? (
          <>
            {state.tab.match.status === 'matched' ? <Matched tab={state.tab as TabState & { match: { status: 'matched' } }} /> : <Unmatched tab={state.tab} />}
            <PageFacts tab={state.tab} />
          </>
        ) : (
          <div className="flex flex-col gap-2">
            <h1 className="text-xl font-semibold tracking-tight">No page to read</h1>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              Open a Gmail conversation, an Asana task or an ad account and Baton shows whose it is.
            </p>
          </div>
        )}
      </main>
    </div>
  );
}
