import { browser } from 'wxt/browser';

/**
 * What a tab shows selected, read in its top frame: '' where Baton may not read the page (outside its
 * hosts, still loading, closed). The keyboard command and the panel's "Add page selection" both read it here.
 */
export async function readSelection(tabId: number): Promise<string> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: () => globalThis.getSelection()?.toString() ?? '' });
    return typeof frame?.result === 'string' ? frame.result : '';
  } catch {
    return '';
  }
}
