import type { ReactNode } from 'react';
import { Button } from '../button';

/** One row of a repeated value (a person, a target, a decision): its own small group with a remove control. */
export function RowCard({ name, onRemove, children }: { name: string; onRemove: () => void; children: ReactNode }) {
  return (
    <div role="group" aria-label={name} className="flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-2.5 dark:border-slate-700 dark:bg-slate-900/60">
      {children}
      <div className="flex justify-end">
        <Button variant="danger" className="px-2 py-1 text-xs" aria-label={`Remove ${name.toLowerCase()}`} onClick={onRemove}>
          Remove
        </Button>
      </div>
    </div>
  );
}

export function AddRowButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <div>
      <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={onClick}>
        {children}
      </Button>
    </div>
  );
}
