// One reader of the page's selection for the keyboard command and the panel's "Add page selection".
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSelection } from '../../../lib/background/read-selection';

let executeScript: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fakeBrowser.reset();
  executeScript = vi.fn();
  Object.assign(browser as object, { scripting: { executeScript } });
});

describe('readSelection', () => {
  it('answers the text the tab’s top frame shows selected', async () => {
    executeScript.mockResolvedValue([{ frameId: 0, result: ' Budget: 40k ' }]);
    expect(await readSelection(7)).toBe(' Budget: 40k ');
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 } }));
  });

  it('answers nothing where the page cannot be read or answers no text', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await readSelection(7)).toBe('');
    executeScript.mockResolvedValueOnce([]);
    expect(await readSelection(7)).toBe('');
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: { not: 'text' } }]);
    expect(await readSelection(7)).toBe('');
  });
});
