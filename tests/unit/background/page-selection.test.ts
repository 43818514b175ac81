// The panel asks how much text the followed page has selected, and the text only when the person chose to add it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContext } from '../../../lib/sites/types';
import { contentScriptSender, GMAIL_THREAD_URL, newTestBackground, type TestBackground } from '../helpers/background';

let bg: TestBackground;
let executeScript: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
  executeScript = vi.fn(() => Promise.resolve([{ result: '  Budget: $40k/month\u0000 ' }]));
  Object.assign(browser as object, { scripting: { executeScript } });
});

const selection = (include: boolean) => bg.ok<{ chars: number; text?: string }>({ type: 'page/selection', windowId: 0, include });

describe('page/selection', () => {
  it('answers how much is selected on a page Baton serves, and the text only when asked to include it', async () => {
    const context: PageContext = { site: 'gmail', url: GMAIL_THREAD_URL, identifiers: [] };
    await bg.ok({ type: 'page/context', context }, contentScriptSender(7, 0));
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7, windowId: 0, active: true } as Browser.tabs.Tab] as never);
    expect(await selection(false)).toEqual({ chars: 18 });
    expect(await selection(true)).toEqual({ chars: 18, text: 'Budget: $40k/month' });
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 } }));
  });

  it('reads nothing from a tab Baton does not serve', async () => {
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 8, windowId: 0, active: true } as Browser.tabs.Tab] as never);
    expect(await selection(true)).toEqual({ chars: 0 });
    expect(executeScript).not.toHaveBeenCalled();
  });
});
