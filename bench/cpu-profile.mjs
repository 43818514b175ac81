// Where the time goes in a Chromium CPU profile (CDP Profiler.stop's `profile`): self time per
// function and per script, most first. Shared by scripts/bench.mjs and bench/dashboard.bench.spec.ts.

const round1 = (n) => Number(n.toFixed(1));
const basename = (url) => (url ? url.slice(url.lastIndexOf('/') + 1).split('?')[0] : '');

/**
 * A line → source module table for an unminified esbuild bundle, from the `// path/to/module.ts`
 * comments esbuild writes before each module: names a profile's bundle lines by their source file.
 */
export function esbuildModules(code) {
  const starts = [];
  code.split('\n').forEach((line, i) => {
    const m = /^\s*\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.(?:[cm]?[jt]sx?))$/.exec(line);
    if (m) starts.push([i, m[1].replace(/^.*node_modules\//, '')]);
  });
  return (line) => {
    let found = '';
    for (const [start, module] of starts) {
      if (start > line) break;
      found = module;
    }
    return found;
  };
}

/**
 * Self time by function and by script. `where(url, line, column)` names a location (default: the
 * script's file name, line and column: enough to find a function in minified code); `top` is how many functions to keep.
 */
export function summarizeProfile(profile, { where, top = 12 } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  // Each sample lasts until the next one.
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (timeDeltas[i + 1] ?? 0) / 1000);
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  // Optimised code can lose its script's URL in a frame: take it from the script's other frames.
  const urls = new Map(profile.nodes.filter((n) => n.callFrame.url).map((n) => [n.callFrame.scriptId, n.callFrame.url]));
  const byFunction = new Map();
  const byScript = new Map();
  for (const [id, ms] of self) {
    const { functionName, scriptId, lineNumber, columnNumber } = nodes.get(id).callFrame;
    const url = nodes.get(id).callFrame.url || urls.get(scriptId) || '';
    // (program), (garbage collector), (idle), (root); then the engine's and the browser's own
    // functions (no script), then script code (an inline script has no URL).
    const special = !url && /^\(.*\)$/.test(functionName);
    const builtIn = !special && (!scriptId || scriptId === '0');
    const file = basename(url) || `inline script ${scriptId}`;
    const place = special ? '' : builtIn ? '(built-in)' : where ? where(url, lineNumber, columnNumber) : `${file}:${lineNumber + 1}:${columnNumber + 1}`;
    const fn = special ? functionName : `${functionName || '(anonymous)'}${place ? ` ${place}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    const script = special ? functionName : builtIn ? '(built-in)' : file;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
  }
  const list = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, selfMs: round1(ms), share: round1((100 * ms) / totalMs) }));
  return { sampledMs: round1(totalMs), topFunctions: list(byFunction, top), byScript: list(byScript, 8) };
}
