import { sendRequest } from '../messaging/send';
import type { PageContext } from '../sites/types';
import { watchPage, type PageWatchContext } from './watch-page';

/**
 * What every content script does: watch its page and tell the background what it is. Gmail's inbox
 * list stays in the page: subjects and senders of unrelated mail are nobody's business until a
 * feature needs them (private by default).
 */
export function reportPage(ctx: PageWatchContext, onRead?: (context: PageContext | null) => void): void {
  watchPage({
    ctx,
    onRead,
    report: async (context: PageContext | null) => {
      const sent = context && { ...context, inbox: undefined };
      return (await sendRequest({ type: 'page/context', context: sent })).ok;
    },
  });
}
