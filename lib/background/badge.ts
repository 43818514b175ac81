import { browser } from 'wxt/browser';
import type { MatchSummary } from '../messaging/protocol';
import { STORAGE_KEYS } from '../storage/keys';
import { getItem, setItem } from '../storage/store';
import { getTabState, tabIdsWithState } from './tab-states';

const AWAITING_COLOR = '#b91c1c';

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const letters = words.length > 1 ? [words[0]?.[0], words[1]?.[0]] : [...(words[0] ?? '')].slice(0, 2);
  return letters.join('').toUpperCase();
}

function toolbarAction() {
  return browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
}

async function awaitingCount(): Promise<number> {
  return (await getItem(STORAGE_KEYS.awaitingCount)) ?? 0;
}

/**
 * The toolbar button of a tab: what awaits my confirmation comes first (a tab's own badge hides the
 * window-wide one, so every tab carries the count); otherwise which client this tab belongs to.
 */
export async function showMatchOnBadge(tabId: number, match: MatchSummary | null, awaiting?: number): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  const count = awaiting ?? (await awaitingCount());
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
  if (count > 0) {
    text = String(count);
    color = AWAITING_COLOR;
    title = `${title} · ${count} ${count === 1 ? 'handoff awaits' : 'handoffs await'} your confirmation`;
  }
  try {
    await Promise.all([action.setBadgeText({ tabId, text }), action.setBadgeBackgroundColor({ tabId, color }), action.setTitle({ tabId, title })]);
  } catch {
    // The tab closed while we were matching: nothing to show.
  }
}

/** A new count of handoffs awaiting me: the window-wide badge and every read tab's badge follow. */
export async function showAwaitingCount(count: number): Promise<void> {
  if (count === (await awaitingCount())) return;
  await setItem(STORAGE_KEYS.awaitingCount, count);
  const action = toolbarAction();
  // The badge is a hint beside the popup's lists, which hold the truth: a refused paint is not worth a failure.
  await action?.setBadgeText({ text: count > 0 ? String(count) : '' }).catch(() => undefined);
  await action?.setBadgeBackgroundColor({ color: AWAITING_COLOR }).catch(() => undefined);
  for (const tabId of await tabIdsWithState()) await showMatchOnBadge(tabId, (await getTabState(tabId))?.match ?? null, count);
}
