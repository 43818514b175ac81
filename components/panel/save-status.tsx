import type { SaveStatus } from './use-autosave';

const TEXT: Record<Exclude<SaveStatus['kind'], 'error'>, string> = { idle: 'Draft · saves as you type', saving: 'Saving…', saved: 'Saved' };

/** A quiet line that tells the person their typing is kept; a failed save is said loudly (role=alert elsewhere). */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  return (
    <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
      {status.kind === 'error' ? 'Not saved' : TEXT[status.kind]}
      {status.kind === 'saved' ? <span aria-hidden="true"> ✓</span> : null}
    </p>
  );
}
