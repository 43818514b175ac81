import { stripClientRecord } from '../db/snapshot';
import { HandoffSchema, type Handoff } from '../model/handoff';
import { isActive } from '../model/member';
import type { Template } from '../model/template';
import { STORAGE_KEYS } from '../storage/keys';
import { getItem, setItem } from '../storage/store';
import { isOpen } from '../workflow/handoff-machine';
import { defaultWatcherIds } from '../workflow/default-watchers';
import type { Session } from './workspace';

/** The moments of a watched handoff a person may hear of. */
export const NOTIFY_MOMENTS = ['sent', 'gaps', 'confirmed', 'overdue'] as const;
export type NotifyMoment = (typeof NOTIFY_MOMENTS)[number];
export type NotifyPrefs = Record<NotifyMoment, boolean>;
export const DEFAULT_NOTIFY: NotifyPrefs = { sent: true, gaps: true, confirmed: true, overdue: true };

/** My notification settings: what I chose, every moment I never chose about on. */
export async function readNotifyPrefs(memberId: string): Promise<NotifyPrefs> {
  const stored = (await getItem(STORAGE_KEYS.notify))?.[memberId];
  return { ...DEFAULT_NOTIFY, ...stored };
}

/** Saves my choices; other people's on this browser stay as they were. */
export async function saveNotifyPrefs(memberId: string, prefs: NotifyPrefs): Promise<NotifyPrefs> {
  const all = (await getItem(STORAGE_KEYS.notify)) ?? {};
  await setItem(STORAGE_KEYS.notify, { ...all, [memberId]: prefs });
  return prefs;
}

/** The default watchers of a handoff I start: the template's watcher roles on the client's team. */
export async function startWatchers(session: Session, template: Pick<Template, 'watcherRoleIds'>, start: { clientId: string; receiverId?: string }): Promise<string[]> {
  if (!template.watcherRoleIds?.length) return [];
  const client = stripClientRecord(await session.db.get('clients', start.clientId));
  const members = new Map((await session.db.getAll('members')).map((m) => [m.id, m]));
  const isMember = (id: string) => {
    const member = members.get(id);
    return member !== undefined && isActive(member);
  };
  return defaultWatcherIds(template, client, { senderId: session.me.id, receiverId: start.receiverId }, isMember);
}

/** Open handoffs I watch (not ones I send or receive), soonest due first. */
export async function watchingHandoffs(session: Session): Promise<Handoff[]> {
  const meId = session.me.id;
  const watched = (await session.db.getAll('handoffs')).flatMap((raw) => {
    const parsed = HandoffSchema.safeParse(raw);
    if (!parsed.success) return [];
    const h = parsed.data;
    return h.watcherIds?.includes(meId) && isOpen(h.state) && h.senderId !== meId && h.receiverId !== meId ? [h] : [];
  });
  return watched.sort((a, b) => (a.dueBy ?? a.updatedAt).localeCompare(b.dueBy ?? b.updatedAt));
}
