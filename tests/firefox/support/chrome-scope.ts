// Script in Firefox's own (privileged) browser window, through WebDriver BiDi's "moz:scope": "chrome"
// contexts, which Firefox offers only when launched with --remote-allow-system-access. The suite
// uses it to read the parent process's browser console and to work the real sidebar.
import type { Browser } from 'puppeteer-core';

/** The BiDi connection puppeteer keeps on its browser (not part of its public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface ContextTree {
  contexts: { context: string; url: string }[];
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/**
 * Evaluates `expression` in the browser window (chrome://browser/content/browser.xhtml), where
 * `window`, `Services`, `Cc` and `Ci` are Firefox's own; it should return a string (JSON for data).
 */
export async function evaluateInChrome(browser: Browser, expression: string): Promise<string> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as ContextTree;
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error(`No Firefox browser window among the chrome contexts: ${tree.contexts.map((c) => c.url).join(', ')}`);
  const reply = (await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true })).result as EvaluateResult;
  if (reply.type !== 'success') throw new Error(`Chrome-scope script failed: ${reply.exceptionDetails?.text ?? 'unknown error'}`);
  if (reply.result?.type !== 'string') throw new Error(`Chrome-scope script returned ${reply.result?.type ?? 'nothing'}, not a string`);
  return reply.result.value as string;
}
