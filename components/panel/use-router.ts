import { useCallback, useMemo, useRef, useState } from 'react';
import type { Navigation, Route } from './navigation';

/** A stack of views: navigate pushes (or replaces), back pops; the bottom is always the followed tab. */
export function useRouter(): { route: Route; depth: number; navigation: Navigation } {
  const [stack, setStack] = useState<Route[]>([{ view: 'tab' }]);
  const focusRequested = useRef(false);
  const requestFocus = useCallback(() => {
    focusRequested.current = true;
  }, []);
  const takeFocusRequest = useCallback(() => {
    const requested = focusRequested.current;
    focusRequested.current = false;
    return requested;
  }, []);
  const navigate = useCallback((route: Route, options?: { replace?: boolean }) => {
    focusRequested.current = true;
    setStack((s) => (route.view === 'tab' ? [route] : options?.replace ? [...s.slice(0, -1), route] : [...s, route]));
  }, []);
  const back = useCallback(() => {
    focusRequested.current = true;
    setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
  }, []);
  const navigation = useMemo(() => ({ navigate, back, canGoBack: stack.length > 1, requestFocus, takeFocusRequest }), [navigate, back, stack.length, requestFocus, takeFocusRequest]);
  return { route: stack[stack.length - 1] ?? { view: 'tab' }, depth: stack.length, navigation };
}
