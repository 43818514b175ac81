// `npm run hub`: bundles the hub (TypeScript, sharing lib/ with the extension) and runs it with Node.
import { build } from 'esbuild';
import { run, rootDir } from './run.mjs';

const outfile = `${rootDir}.output/hub/cli.mjs`;
await build({
  entryPoints: [`${rootDir}server/cli.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'error',
});
process.exit(await run(process.execPath, [outfile, ...process.argv.slice(2)], { shell: false }));
