import 'fake-indexeddb/auto';
import { runStoreBench } from './store.bench';

// Bundled and run by scripts/bench.mjs: one JSON line.
runStoreBench('Node, fake-indexeddb').then(
  (figures) => console.log(JSON.stringify(figures)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
