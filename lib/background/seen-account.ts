import type { PageContext } from '../sites/types';
import { STORAGE_KEYS } from '../storage/keys';
import { getItem, setItem } from '../storage/store';
import type { SeenAccount } from './workspace';

/** The signed-in account a Gmail page shows, named as the thread names it when the person takes part in it. */
export function accountOf(context: Pick<PageContext, 'accountEmail' | 'thread'>): SeenAccount | undefined {
  const email = context.accountEmail?.toLowerCase();
  if (!email) return undefined;
  const name = context.thread?.participants.find((p) => p.email.toLowerCase() === email && p.name?.trim())?.name?.trim();
  return name ? { email, name } : { email };
}

/** Keeps the account a page shows, for the identity suggestion; a page that shows none changes nothing. */
export async function rememberSeenAccount(context: Pick<PageContext, 'accountEmail' | 'thread'>): Promise<void> {
  const seen = accountOf(context);
  if (!seen) return;
  const known = await getItem(STORAGE_KEYS.gmailAccount);
  // A page without the name must not forget the one a thread gave for the same account.
  if (known?.email === seen.email && !seen.name && known.name) return;
  if (known?.email !== seen.email || known.name !== seen.name) await setItem(STORAGE_KEYS.gmailAccount, seen);
}

export function seenAccount(): Promise<SeenAccount | undefined> {
  return getItem(STORAGE_KEYS.gmailAccount);
}
