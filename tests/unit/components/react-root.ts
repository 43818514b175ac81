// A fresh React root for each test of a component, and the extension's messages answered as the test
// says (the background is not there: a component test sees what its page would be sent back).
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export function reactRootPerTest<M>(answer: (message: M) => unknown): { readonly root: Root; readonly host: HTMLElement } {
  let root: Root | undefined;
  let host: HTMLElement | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: M) => Promise.resolve(answer(message))) as never);
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root!.unmount());
    host!.remove();
    vi.restoreAllMocks();
  });
  return {
    get root() {
      return root!;
    },
    get host() {
      return host!;
    },
  };
}
