import type { ReactNode } from 'react';

/**
 * The button that folds and unfolds another element (`controls`, its id): it says which it is to a screen
 * reader, and the caller decides what open and folded look like.
 */
export function DisclosureButton({ open, controls, onToggle, className, children }: { open: boolean; controls: string; onToggle: () => void; className: string; children: ReactNode }) {
  return (
    <button type="button" aria-expanded={open} aria-controls={controls} onClick={onToggle} className={className}>
      {children}
    </button>
  );
}
