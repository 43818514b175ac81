import { browser } from 'wxt/browser';
import type { MatchSummary } from '../messaging/protocol';

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const letters = words.length > 1 ? [words[0]?.[0], words[1]?.[0]] : [...(words[0] ?? '')].slice(0, 2);
  return letters.join('').toUpperCase();
}

/** The toolbar button says at a glance which client this tab belongs to. */
export async function showMatchOnBadge(tabId: number, match: MatchSummary | null): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  let text = '';
  let title = 'Baton';
  let color = '#4f46e5';
  if (match?.status === 'matched') {
    text = initials(match.client.name);
    title = `Baton — ${match.client.name}`;
  } else if (match?.status === 'ambiguous') {
    text = '?';
    title = `Baton — could be ${match.tied.map((c) => c.name).join(' or ')}`;
    color = '#b45309';
  }
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text }),
      action.setBadgeBackgroundColor({ tabId, color }),
      action.setTitle({ tabId, title }),
    ]);
  } catch {
    // The tab closed while we were matching: nothing to show.
  }
}
