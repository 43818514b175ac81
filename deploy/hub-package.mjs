// Writes the deployable hub's package.json: exactly the npm packages the bundle imports (esbuild's
// metafile lists them as external), each at the version this repository's package.json names. A
// package the hub imports that is only a devDependency stops the build: the runtime would lack it.
//   node deploy/hub-package.mjs <metafile> <package.json to write>
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

const [metafile, target] = process.argv.slice(2);
if (!metafile || !target) throw new Error('usage: node deploy/hub-package.mjs <metafile> <package.json>');
const meta = JSON.parse(readFileSync(metafile, 'utf8'));
const root = JSON.parse(readFileSync('package.json', 'utf8'));

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const builtins = new Set(builtinModules);
const imported = new Set();
for (const input of Object.values(meta.inputs)) {
  for (const { path, external } of input.imports) {
    if (!external || path.startsWith('node:') || builtins.has(path)) continue;
    imported.add(packageName(path));
  }
}

const dependencies = {};
for (const name of [...imported].sort()) {
  const version = root.dependencies?.[name];
  if (!version) throw new Error(`The hub imports ${name}, which is not in package.json's dependencies (a devDependency is not installed at runtime).`);
  dependencies[name] = version;
}
const hub = { name: 'baton-hub', version: root.version, private: true, type: 'module', engines: root.engines, scripts: { start: 'node cli.mjs' }, dependencies };
writeFileSync(target, `${JSON.stringify(hub, null, 2)}\n`);
console.log(`Runtime dependencies: ${Object.keys(dependencies).join(', ')}`);
