// The parts of a page a read depends on, observed instead of the whole document: the tab title and the
// one subtree the site's reader names (Gmail's main area, Google Ads' header). Single-page apps re-render
// whole regions, so an observed subtree that leaves the document is found again and observed anew.

/** Content changes, and the inline style or `hidden` that shows or hides a conversation. */
const SUBTREE: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'hidden'] };
const TITLE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export interface SubtreeWatcher {
  /** Observes what the selector finds now, when that is not what is observed already. */
  refresh(): void;
  disconnect(): void;
}

type Root = [element: Node, options: MutationObserverInit];

/**
 * Calls `onChange` on every change under the roots. `selector()` names the site's subtree (read anew at
 * each refresh: a navigation may change the site); until the page shows it, or when there is none, the
 * body stands in for it, so a page still loading is read as it renders.
 */
export function watchSubtrees(doc: Document, selector: () => string | undefined, onChange: () => void): SubtreeWatcher {
  // The document's own constructor: a test may pass another realm's document.
  const Observer = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
  let roots: Root[] = [];

  const resolve = (): Root[] => {
    const wanted = selector();
    const subtree = (wanted ? doc.querySelector(wanted) : null) ?? doc.body ?? doc.documentElement;
    const title = doc.querySelector('title') ?? doc.head;
    return [[subtree, SUBTREE], ...(title ? [[title, TITLE] as Root] : [])];
  };
  const changes = new Observer(onChange);
  // Only the ancestors' own child lists: enough to see a root replaced, at no cost for changes beside it.
  const replacements = new Observer(() => {
    if (roots.every(([root]) => root.isConnected)) return;
    attach(resolve());
    onChange();
  });
  function attach(next: Root[]): void {
    changes.disconnect();
    replacements.disconnect();
    roots = next;
    for (const [root, options] of roots) {
      changes.observe(root, options);
      for (let node = root.parentNode; node; node = node.parentNode) replacements.observe(node, { childList: true });
    }
  }

  attach(resolve());
  return {
    refresh() {
      const next = resolve();
      if (next.length !== roots.length || next.some(([root], i) => root !== roots[i]?.[0])) attach(next);
    },
    disconnect() {
      changes.disconnect();
      replacements.disconnect();
    },
  };
}
