import { sendRequest } from '../messaging/send';
import type { PageContext } from '../sites/types';
import { watchPage } from './watch-page';

/** What every content script does: watch its page and tell the background what it is. */
export function reportPage(signal: AbortSignal): void {
  watchPage({
    signal,
    report: async (context: PageContext | null) => (await sendRequest({ type: 'page/context', context })).ok,
  });
}
