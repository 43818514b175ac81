import { STORAGE_KEYS } from '../../lib/storage/keys';
import { getItem, setItem } from '../../lib/storage/store';

export type FirstRunStep = 'you' | 'team' | 'client';
export interface FirstRunProgress {
  step: FirstRunStep;
  done: boolean;
}

export const FIRST_RUN_STEPS: readonly { step: FirstRunStep; title: string }[] = [
  { step: 'you', title: 'Who you are' },
  { step: 'team', title: 'Your team' },
  { step: 'client', title: 'Your first client' },
];

/** Where the person left the first-run path (kept in storage.local: the popup and the panel share it); undefined before they start. */
export function readFirstRun(): Promise<FirstRunProgress | undefined> {
  return getItem(STORAGE_KEYS.firstRun);
}

/**
 * Saves where the person is. Finished or skipped stays so: a page still showing a step (the panel,
 * while the popup skipped) cannot bring the path back.
 */
export async function saveFirstRun(progress: FirstRunProgress): Promise<void> {
  if (!progress.done && (await readFirstRun())?.done) return;
  await setItem(STORAGE_KEYS.firstRun, progress);
}

/** Baton's placeholder identity before the person says who they are (lib/background/workspace DEFAULT_ME). */
const PLACEHOLDER_EMAIL = 'you@baton.local';

/** The name and email the "Who you are" step starts with: what the person set, else the Gmail account seen, else nothing. */
export function identityPrefill(me: { name: string; email: string }, suggestion: { email: string; name?: string } | null): { name: string; email: string } {
  if (suggestion) return { name: suggestion.name ?? '', email: suggestion.email };
  if (me.email === PLACEHOLDER_EMAIL) return { name: me.name === 'You' ? '' : me.name, email: '' };
  return { name: me.name, email: me.email };
}

/** Where someone who has not started yet begins: the first step not already done (named; then connected to a hub). */
export function startingStep(me: { email: string }, hub: { connected: boolean }): FirstRunStep {
  if (me.email === PLACEHOLDER_EMAIL) return 'you';
  return hub.connected ? 'client' : 'team';
}
