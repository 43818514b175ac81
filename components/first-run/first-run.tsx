import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Result, TabState } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { loadTogether } from '../load-together';
import { liveError, useLive } from '../use-live';
import { ClientStep } from './client-step';
import { IdentityStep } from './identity-step';
import { FIRST_RUN_STEPS, readFirstRun, saveFirstRun, type FirstRunProgress, type FirstRunStep } from './progress';
import { TeamStep } from './team-step';

async function loadProgress(): Promise<Result<FirstRunProgress>> {
  return { ok: true, data: await readFirstRun() };
}

function loadFirstRun() {
  return loadTogether({
    progress: loadProgress(),
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
 */
export function FirstRun({ tab, children }: { tab: TabState | null | undefined; children?: ReactNode }) {
  // Asked again only when clients or members change (a hub joined rebuilds everything, which counts):
  // a returning user's panel pays for no more than that.
  const live = useLive(loadFirstRun, { stores: ['clients', 'members'] });
  // The step moves here at once; storage follows (the live reload reads it back).
  const [progress, setProgress] = useState<FirstRunProgress>();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const current = progress ?? (live.status === 'ready' ? live.data.progress : undefined);

  useEffect(() => {
    // After a step is done, the keyboard starts at the next step's heading.
    if (moved.current) heading.current?.focus();
  }, [current?.step]);

  if (live.status === 'loading') return null;
  if (live.status === 'error') return <ErrorAlert message={liveError(live)} />;
  const { me, suggestion, clients, hub } = live.data;
  if (!current || current.done || clients.length > 0) return <>{children}</>;

  const go = (next: FirstRunProgress) => {
    moved.current = true;
    setProgress(next);
    void saveFirstRun(next);
  };
  const index = FIRST_RUN_STEPS.findIndex((s) => s.step === current.step);
  const step = FIRST_RUN_STEPS[index] ?? FIRST_RUN_STEPS[0]!;
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
        <Button variant="secondary" className="shrink-0 px-2 py-1 text-xs" onClick={() => go({ step: current.step, done: true })}>
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
