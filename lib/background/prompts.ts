import { awaitingConfirmation } from '../db/queries';
import type { Handoff } from '../model/handoff';
import type { PromptItem } from '../messaging/protocol';
import { STORAGE_KEYS } from '../storage/keys';
import { getItem, setItem } from '../storage/store';
import { BUILT_IN_TEMPLATES, findTemplate } from '../templates';
import type { Session } from './workspace';

async function readSnoozes(): Promise<Record<string, string>> {
  return (await getItem(STORAGE_KEYS.promptSnoozes)) ?? {};
}

/** What the in-page prompt lists: handoffs awaiting me, soonest due first, less the snoozed ones. */
export async function promptItems(session: Session, now = new Date()): Promise<PromptItem[]> {
  const [awaiting, snoozes] = await Promise.all([awaitingConfirmation(session.db, session.me.id), readSnoozes()]);
  const shown = awaiting.values.filter((h) => !(snoozes[h.id] && Date.parse(snoozes[h.id]!) > now.getTime()));
  return Promise.all(shown.map((handoff) => describe(session, handoff, now)));
}

async function describe(session: Session, handoff: Handoff, now: Date): Promise<PromptItem> {
  const { db } = session;
  const [sender, client, custom] = await Promise.all([
    db.get('members', handoff.senderId),
    db.get('clients', handoff.clientId),
    db.get('templates', [handoff.templateId, handoff.templateVersion]),
  ]);
  const template = findTemplate(BUILT_IN_TEMPLATES, handoff.templateId, handoff.templateVersion) ?? custom;
  return {
    handoffId: handoff.id,
    senderName: sender?.name ?? 'Someone',
    clientName: client?.name ?? 'a client',
    templateName: template?.name ?? handoff.title,
    overdue: handoff.dueBy !== undefined && Date.parse(handoff.dueBy) < now.getTime(),
  };
}

/** Hides one handoff's prompt for a while; expired snoozes are dropped on the way. */
export async function snoozePrompt(handoffId: string, minutes: number, now = new Date()): Promise<void> {
  const snoozes = await readSnoozes();
  const kept = Object.fromEntries(Object.entries(snoozes).filter(([, until]) => Date.parse(until) > now.getTime()));
  kept[handoffId] = new Date(now.getTime() + minutes * 60_000).toISOString();
  await setItem(STORAGE_KEYS.promptSnoozes, kept);
}
