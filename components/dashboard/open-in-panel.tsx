import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { openSidePanel } from '../popup/open-side-panel';

/** This tab's window, known before any click: the browser opens a side panel only inside the click itself. */
const WindowIdContext = createContext<number | undefined>(undefined);

export function WindowIdProvider({ children }: { children: ReactNode }) {
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id),
      () => setWindowId(undefined),
    );
  }, []);
  return <WindowIdContext.Provider value={windowId}>{children}</WindowIdContext.Provider>;
}

/** A dashboard row's handoff, as a button that opens it in the side panel of this window. */
export function OpenInPanel({ handoffId, title }: { handoffId: string; title: string }) {
  const windowId = useContext(WindowIdContext);
  const [problem, setProblem] = useState<string>();
  const open = async () => {
    if (windowId === undefined) return setProblem('Baton could not tell which window this is: open the side panel from the toolbar.');
    setProblem(await openSidePanel(windowId, { kind: 'handoff', handoffId }));
  };
  return (
    <>
      <button
        type="button"
        title="Open in the side panel"
        onClick={() => void open()}
        className="text-left font-medium break-words text-brand-700 underline decoration-brand-700/30 underline-offset-2 hover:decoration-brand-700 dark:text-indigo-300 dark:decoration-indigo-300/40"
      >
        {title}
      </button>
      {problem ? (
        <span role="alert" className="block text-xs text-red-700 dark:text-red-300">
          {problem}
        </span>
      ) : null}
    </>
  );
}
