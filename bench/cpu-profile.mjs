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

/** Self time in ms per profile node id: each sample lasts until the next one. */
function selfTimes(profile) {
  const self = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (timeDeltas[i + 1] ?? 0) / 1000);
  return self;
}

/** Script id → URL. Optimised code can lose its script's URL in a frame: take it from the script's other frames. */
function scriptUrls(profile) {
  return new Map(profile.nodes.filter((n) => n.callFrame.url).map((n) => [n.callFrame.scriptId, n.callFrame.url]));
}

/**
 * Self time by function and by script. `where(url, line, column)` names a location (default: the
 * script's file name, line and column: enough to find a function in minified code); `top` is how many functions to keep.
 */
export function summarizeProfile(profile, { where, top = 12 } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = selfTimes(profile);
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const urls = scriptUrls(profile);
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

/**
 * What one script (by URL) cost in a profile, in ms:
 * - `selfMs`: time in the script's own functions;
 * - `withCallsMs`: that plus the engine's and the browser's functions it called (DOM queries, JSON,
 *   messaging…), never the garbage collector or another script;
 * - `evaluationMs`: the part of `withCallsMs` spent in the script's top-level run, before any
 *   callback it left behind.
 */
export function scriptCost(profile, scriptUrl) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((child) => [child, n.id])));
  const urls = scriptUrls(profile);
  const urlOf = (node) => node.callFrame.url || urls.get(node.callFrame.scriptId) || '';
  const builtIn = (node) => !node.callFrame.scriptId || node.callFrame.scriptId === '0';
  // V8 reports a script's top-level code at line -1, column -1 (0-based positions; some versions use 0, 0).
  const isTopLevel = (node) => urlOf(node) === scriptUrl && node.callFrame.lineNumber <= 0 && node.callFrame.columnNumber <= 0;
  // Whose time a node is: the nearest script frame at or above it decides; built-ins go with their caller.
  const owner = new Map();
  const ownerOf = (id) => {
    if (owner.has(id)) return owner.get(id);
    const node = nodes.get(id);
    const parent = parents.get(id);
    let result = { script: false, evaluation: false };
    if (!builtIn(node)) result = { script: urlOf(node) === scriptUrl, evaluation: false };
    else if (parent !== undefined && node.callFrame.functionName !== '(garbage collector)') result = { ...ownerOf(parent) };
    result.evaluation = result.script && (isTopLevel(node) || (parent !== undefined && ownerOf(parent).evaluation));
    owner.set(id, result);
    return result;
  };
  let selfMs = 0;
  let withCallsMs = 0;
  let evaluationMs = 0;
  for (const [id, ms] of selfTimes(profile)) {
    const node = nodes.get(id);
    const { script, evaluation } = ownerOf(id);
    if (!builtIn(node) && urlOf(node) === scriptUrl) selfMs += ms;
    if (script) withCallsMs += ms;
    if (evaluation) evaluationMs += ms;
  }
  return { selfMs, withCallsMs, evaluationMs };
}
