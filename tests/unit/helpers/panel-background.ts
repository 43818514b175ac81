// The side panel's components rendered against a real background (fake IndexedDB), fresh for each test:
// the panel's messages go to that background as the browser would carry them from the side panel.
import type { Root } from 'react-dom/client';
import { beforeEach } from 'vitest';
import { reactRootPerTest } from '../components/react-root';
import { newTestBackground, type TestBackground } from './background';
import { ORIGIN, RUNTIME_ID } from './extension';

const PANEL = { id: RUNTIME_ID, url: `${ORIGIN}sidepanel.html` };

export function panelOnTestBackground(): { readonly bg: TestBackground; readonly root: Root; readonly host: HTMLElement } {
  let bg: TestBackground | undefined;
  const view = reactRootPerTest((message: Record<string, unknown>) => bg!.send(message, PANEL));
  beforeEach(() => {
    bg = newTestBackground();
  });
  return {
    get bg() {
      return bg!;
    },
    get root() {
      return view.root;
    },
    get host() {
      return view.host;
    },
  };
}
