import { runStoreBench } from './store.bench';

// Bundled as an IIFE and run by scripts/bench.mjs in a Chromium page (real IndexedDB).
(globalThis as unknown as { runStoreBench: typeof runStoreBench }).runStoreBench = runStoreBench;
