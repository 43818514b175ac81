import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isOpenGap, type Handoff } from '../../lib/model/handoff';
import { AppHeader } from '../app-header';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { FirstRun } from '../first-run/first-run';
import { usePanelState } from '../use-panel-state';
import { RefusedChanges } from '../refused-changes';
import { liveError } from '../use-live';
import { ConnectionState } from './connection-state';
import { HandoffGroup, type HandoffLine } from './handoff-group';
import { ChartIcon, SettingsIcon } from './icons';
import { openSidePanel } from './open-side-panel';
import { fromParty, startedByRuleParty, toParty } from './party';
import { usePopupData, type PopupData } from './use-popup-data';
import { WatchingGroup } from './watching-group';

/** The toolbar popup: what awaits me, what I wait for, and the gaps I owe; one click to each. */
export function Popup() {
  const data = usePopupData();
  const page = usePanelState();
  const [windowId, setWindowId] = useState<number | undefined>();
  const [error, setError] = useState<string | undefined>();
  const now = new Date();

  // Known before any click, so opening the panel is the first thing a click does (a user gesture).
  useEffect(() => {
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id),
      () => setError('Baton could not tell which window this is: open the side panel from the toolbar menu.'),
    );
  }, []);

  const open = async (handoff?: Handoff) => {
    if (windowId === undefined) return;
    setError(undefined);
    const problem = await openSidePanel(windowId, handoff ? { kind: 'handoff', handoffId: handoff.id } : undefined);
    if (problem) setError(problem);
    else window.close();
  };

  return (
    <div className="flex w-[360px] flex-col">
      <AppHeader>
        <div className="flex shrink-0 items-center gap-1">
          <Button variant="secondary" className="p-1.5" aria-label="Settings" title="Settings" onClick={() => void browser.runtime.openOptionsPage()}>
            <SettingsIcon />
          </Button>
          <Button
            variant="secondary"
            className="p-1.5"
            aria-label="Dashboard"
            title="Dashboard"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }).then(() => window.close())}
          >
            <ChartIcon />
          </Button>
          <Button className="px-2 py-1 text-xs whitespace-nowrap" onClick={() => void open()} disabled={windowId === undefined}>
            Open side panel
          </Button>
        </div>
      </AppHeader>
      <main className="flex flex-col gap-4 p-3">
        <ErrorAlert message={error} />
        <ErrorAlert message={liveError(data)} />
        <FirstRun tab={page.status === 'ready' ? page.tab : undefined} />
        {data.status === 'ready' ? <Groups data={data.data} now={now} onOpen={(h) => void open(h)} /> : null}
        {data.status === 'ready' ? <WatchingGroup clients={data.data.clients} members={data.data.members} now={now} onOpen={(h) => void open(h)} /> : null}
        {data.status === 'ready' ? <RefusedChanges refused={data.data.hub.refused} onStatus={data.reload} /> : null}
        {data.status === 'ready' ? <ConnectionState hub={data.data.hub} now={now} /> : null}
      </main>
    </div>
  );
}

function Groups({ data, now, onOpen }: { data: PopupData; now: Date; onOpen: (handoff: Handoff) => void }) {
  const clientName = (id: string) => data.clients.find((c) => c.id === id)?.name ?? 'Unknown client';
  const memberName = (id: string | undefined) => data.members.find((m) => m.id === id)?.name ?? 'someone';
  // Most urgent first: the earliest confirm-by time leads.
  const byDue = (a: Handoff, b: Handoff) => Date.parse(a.dueBy ?? '9999') - Date.parse(b.dueBy ?? '9999');
  const lines = (handoffs: Handoff[], party: (h: Handoff) => string): HandoffLine[] =>
    [...handoffs].sort(byDue).map((handoff) => ({ handoff, clientName: clientName(handoff.clientId), party: party(handoff) }));
  const questions = (h: Handoff) => {
    const open = h.gaps.filter(isOpenGap).length;
    return `${open} question${open === 1 ? '' : 's'}`;
  };
  // The popup's groups, in the order a person works through them.
  const groups: { title: string; handoffs: Handoff[]; party: (h: Handoff) => string; empty: string }[] = [
    // Shown only when a rule started something: a team without rules never sees an empty group for them.
    ...(data.startedByRule.length > 0 ? [{ title: 'Started by a rule', handoffs: data.startedByRule, party: startedByRuleParty, empty: '' }] : []),
    {
      title: 'Awaiting your confirmation',
      handoffs: data.awaitingMe,
      party: (h) => fromParty(h, memberName),
      empty: 'Nothing awaits you. Handoffs sent to you appear here until you confirm them.',
    },
    { title: 'Gaps to answer', handoffs: data.gapsToAnswer, party: (h) => `${memberName(h.receiverId)} asks ${questions(h)}`, empty: 'No open questions on your handoffs.' },
    {
      title: 'Waiting on others',
      handoffs: data.waitingOnOthers,
      party: (h) => toParty(h, memberName),
      empty: 'Nothing you sent is waiting. Start a handoff from the side panel or the “Capture handoff” button in Gmail.',
    },
    {
      title: 'Waiting on answers',
      handoffs: data.waitingOnAnswers,
      party: (h) => `from ${memberName(h.senderId)} · ${questions(h)} to answer`,
      empty: 'No questions of yours are waiting. Gaps you raise stay here until the sender answers them.',
    },
  ];
  return (
    <>
      {groups.map(({ title, handoffs, party, empty }) => (
        <HandoffGroup key={title} title={title} lines={lines(handoffs, party)} empty={empty} now={now} onOpen={onOpen} />
      ))}
    </>
  );
}
