// A fresh hub (PGlite in memory) and a fresh fake browser for each test of the extension's background
// against a real hub; `use` receives the test's hub.
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openPglite } from '../../../server/db';
import { startHub, type Hub } from '../../../server/server';

export function hubPerTest(use: (hub: Hub) => void): void {
  let hub: Hub | undefined;
  // A cold PGlite start takes over 10 s on a loaded machine: the hook gets the tests' own allowance.
  beforeEach(async () => {
    fakeBrowser.reset();
    hub = await startHub(await openPglite(), { port: 0 });
    use(hub);
  }, 30_000);
  afterEach(async () => {
    await hub?.close();
  });
}
