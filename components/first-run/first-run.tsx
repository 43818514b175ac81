import { useEffect, useRef, type ReactNode } from 'react';
import type { TabState } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { loadTogether } from '../load-together';
import { useNavigation } from '../panel/navigation';
import { useLive } from '../use-live';
import { ClientStep } from './client-step';
import { IdentityStep } from './identity-step';
import { FIRST_RUN_STEPS, startingStep, type FirstRunProgress, type FirstRunStep } from './progress';
import { TeamStep } from './team-step';
import { useFirstRunProgress } from './use-first-run-progress';

function loadFirstRun() {
  return loadTogether({
    me: sendRequest<'me/get'>({ type: 'me/get' }),
    suggestion: sendRequest<'me/suggestion'>({ type: 'me/suggestion' }),
    clients: sendRequest<'clients/list'>({ type: 'clients/list' }),
    hub: sendRequest<'hub/status'>({ type: 'hub/status' }),
  });
}

/**
 * The first-run path, in the side panel and the popup: who you are, your team, your first client.
 * Shown until it is finished or skipped, and never to someone who already has clients; otherwise it
 * renders `children` (the panel's view; nothing in the popup). Progress survives closing either page.
 * Once done, only the stored progress is read; until the path can show, the page's view stays.
 */
export function FirstRun({ tab, children }: { tab: TabState | null | undefined; children?: ReactNode }) {
  const { progress, save } = useFirstRunProgress();
  if (progress === undefined || progress?.done) return <>{children}</>;
  return (
    <FirstRunPath tab={tab} progress={progress} save={save}>
      {children}
    </FirstRunPath>
  );
}

function FirstRunPath({ tab, progress, save, children }: { tab: TabState | null | undefined; progress: FirstRunProgress | null; save: (next: FirstRunProgress) => void; children?: ReactNode }) {
  // Asked again only when clients or members change (a hub joined rebuilds everything, which counts).
  const live = useLive(loadFirstRun, { stores: ['clients', 'members'] });
  const { requestFocus } = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const hasClients = live.status === 'ready' && live.data.clients.length > 0;
  const current = progress?.step ?? (live.status === 'ready' ? startingStep(live.data.me, live.data.hub) : undefined);

  useEffect(() => {
    // Someone with clients has no use for the path: marked done, it is not loaded again.
    if (hasClients) save({ step: current ?? 'client', done: true });
  }, [hasClients]);
  useEffect(() => {
    // After a step is done, the keyboard starts at the next step's heading.
    if (moved.current) heading.current?.focus();
  }, [current]);

  // Loading, failed or not needed: the page's view, never a blank or an error in its place.
  if (live.status !== 'ready' || hasClients || !current) return <>{children}</>;
  const { me, suggestion, hub } = live.data;

  const go = (next: FirstRunProgress) => {
    moved.current = true;
    // Done: the path gives way to the view, whose heading takes the keyboard.
    if (next.done) requestFocus();
    save(next);
  };
  const index = Math.max(0, FIRST_RUN_STEPS.findIndex((s) => s.step === current));
  const step = FIRST_RUN_STEPS[index]!;
  const nextStep = (after: FirstRunStep): FirstRunProgress => {
    const following = FIRST_RUN_STEPS[FIRST_RUN_STEPS.findIndex((s) => s.step === after) + 1];
    return following ? { step: following.step, done: false } : { step: after, done: true };
  };
  const previous = index > 0 ? FIRST_RUN_STEPS[index - 1] : undefined;

  return (
    <section aria-labelledby="first-run-heading" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-start justify-between gap-2">
        <div className="flex min-w-0 flex-col gap-0.5">
          <p className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Set up Baton · step {index + 1} of {FIRST_RUN_STEPS.length}
          </p>
          <h2 id="first-run-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold text-slate-900 dark:text-white">
            {step.title}
          </h2>
        </div>
        <Button variant="secondary" className="shrink-0 px-2 py-1 text-xs" onClick={() => go({ step: current, done: true })}>
          Skip setup
        </Button>
      </div>
      {step.step === 'you' ? <IdentityStep me={me} suggestion={suggestion} onDone={() => go(nextStep('you'))} /> : null}
      {step.step === 'team' ? <TeamStep hub={hub} onDone={() => go(nextStep('team'))} /> : null}
      {step.step === 'client' ? <ClientStep tab={tab} onDone={() => go(nextStep('client'))} /> : null}
      {previous ? (
        <div>
          <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => go({ step: previous.step, done: false })}>
            Back to “{previous.title}”
          </Button>
        </div>
      ) : null}
    </section>
  );
}
