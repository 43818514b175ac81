import { useEffect, useRef, type ReactNode } from 'react';
import { useNavigation } from './navigation';

/** A view's h1. After a navigation, focus lands here so keyboard and screen-reader users start at the top of the new view. */
export function ViewHeading({ children, className = '' }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { takeFocusRequest } = useNavigation();
  // On mount only: a view that merely refreshes keeps focus where the person left it.
  useEffect(() => {
    if (takeFocusRequest()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={`text-xl leading-tight font-semibold tracking-tight text-slate-900 dark:text-white ${className}`}>
      {children}
    </h1>
  );
}

/**
 * Puts the keyboard on the current view's heading, after this render: for when the control a person
 * used goes away within the same view (a form closes, a move is done), so focus never drops to nothing.
 */
export function focusViewHeading(): void {
  setTimeout(() => document.querySelector<HTMLElement>('h1[tabindex="-1"]')?.focus(), 0);
}
