import { createContext, useContext } from 'react';
import type { PanelIntentRequest } from '../../lib/messaging/protocol';

/** What the panel shows: the followed tab's client, or a view someone navigated to. */
export type Route =
  | { view: 'tab' }
  | { view: 'client'; clientId: string }
  | ({ view: 'new-handoff' } & Omit<Extract<PanelIntentRequest, { kind: 'new-handoff' }>, 'kind'> & NewHandoffStep)
  | { view: 'handoff'; handoffId: string };

/** Where a new handoff stands: the draft started directly with the preferred template, or the picker asked for. */
export interface NewHandoffStep {
  startedId?: string;
  pick?: boolean;
}

export function routeOfIntent(intent: PanelIntentRequest): Route {
  switch (intent.kind) {
    case 'client':
      return { view: 'client', clientId: intent.clientId };
    case 'handoff':
      return { view: 'handoff', handoffId: intent.handoffId };
    case 'new-handoff': {
      const { kind: _kind, ...rest } = intent;
      return { view: 'new-handoff', ...rest };
    }
  }
}

export interface Navigation {
  /** Opens a view on top of the current one; `replace` swaps the current one (a started draft replaces the picker). */
  navigate(route: Route, options?: { replace?: boolean }): void;
  back(): void;
  canGoBack: boolean;
  /** Asks the next view heading to take focus: after a navigation, or when the view changes under the person's hands. */
  requestFocus(): void;
  /** True once per request: the heading that takes it focuses itself. */
  takeFocusRequest(): boolean;
}

export const NavigationContext = createContext<Navigation>({ navigate: () => {}, back: () => {}, canGoBack: false, requestFocus: () => {}, takeFocusRequest: () => false });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
