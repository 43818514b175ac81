import { useEffect, useRef, type RefObject } from 'react';

/**
 * When `shown` (a small form, a confirm step) goes away, focus goes back to `opener`, the button that opened it:
 * the control a person used disappears with it, and the keyboard must not drop to nothing.
 */
export function useFocusBack(shown: boolean, opener: RefObject<HTMLElement | null>): void {
  const wasShown = useRef(shown);
  useEffect(() => {
    if (wasShown.current && !shown) opener.current?.focus();
    wasShown.current = shown;
  }, [shown, opener]);
}
