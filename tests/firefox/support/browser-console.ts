// Firefox's browser console, as far as it concerns Baton. Two halves, because no single place sees it
// all: errors in the add-on's own processes (background, pages, content scripts) are printed to
// Firefox's stdout (with the devtools.console.stdout.* prefs), while what the add-on manager says while
// installing (manifest warnings, start-up failures) stays in the parent process's console service,
// read here from a privileged context. Extension pages' messages never reach page.on('console').
import type { Browser } from 'puppeteer-core';
import { evaluateInChrome } from './chrome-scope.ts';

export interface BrowserConsole {
  /** Every line Firefox wrote to stdout and stderr so far. */
  lines(): string[];
  /** Errors and warnings Baton caused, in either half; empty when all is well. */
  batonErrors(): Promise<string[]>;
}

/** Identifies the add-on in console text: its gecko id and its moz-extension:// origin. */
export interface AddonIdentity {
  id: string;
  origin: string;
}

/** stdout lines that report an uncaught error (or rejection) in one of Baton's scripts. */
export function batonErrorLines(lines: readonly string[], addon: AddonIdentity): string[] {
  return lines.filter((line) => /^(JavaScript error|console\.error|console\.warn):/.test(line) && (line.includes(addon.origin) || line.includes(addon.id)));
}

/**
 * Firefox's own notices that name the add-on without being about anything it did: closing the sidebar
 * tears its page down, and Firefox then logs, from its own module, that the page's event listeners were
 * removed from an already-closed channel (Baton has no unload handler of its own).
 */
const FIREFOX_TEARDOWN_NOTICE = /^sendRemoveListener on closed conduit /;

/**
 * Runs in the browser window: the parent console's messages that name the add-on at warning level or
 * above (the add-on manager logs them as `addons.webextension.<id>\tWARN\t…`), and script errors
 * whose source is one of the add-on's files.
 */
function parentConsoleScript(addon: AddonIdentity): string {
  return `(() => {
    const addon = ${JSON.stringify(addon)};
    const found = [];
    for (const message of Services.console.getMessageArray()) {
      if (message instanceof Ci.nsIScriptError) {
        const isError = !(message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag));
        const teardown = message.sourceName === 'resource://gre/modules/ConduitsChild.sys.mjs' && ${FIREFOX_TEARDOWN_NOTICE}.test(message.errorMessage);
        if (isError && !teardown && ((message.sourceName || '').startsWith(addon.origin) || message.errorMessage.includes(addon.id))) {
          found.push(message.sourceName + ': ' + message.errorMessage);
        }
      } else if (message.message.includes(addon.id) && /\\t(WARN|ERROR|FATAL)\\t/.test(message.message)) {
        found.push(message.message);
      }
    }
    return JSON.stringify(found);
  })()`;
}

export function collectBrowserConsole(browser: Browser, addon: AddonIdentity): BrowserConsole {
  const collected: string[] = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      collected.push(...parts);
    });
  }
  return {
    lines: () => [...collected],
    async batonErrors() {
      const parent = JSON.parse(await evaluateInChrome(browser, parentConsoleScript(addon))) as string[];
      return [...parent, ...batonErrorLines(collected, addon)];
    },
  };
}
