import { appendEvents, readLog, rebuildViews } from '../db/event-store';
import { putMeta } from '../db/meta';
import { ALL_STORES } from '../db/schema';
import { replay } from '../events/memory-model';
import { buildDemo } from '../demo';
import { IdSchema } from '../model/common';
import { parseEvent, type BatonEvent } from '../model/event';
import { z } from '../model/zod';
import type { Backup } from '../messaging/protocol';
import { CommandError } from './command-error';
import { ME_KEY, type Session } from './workspace';

export interface ImportResult {
  added: number;
  skipped: number;
  /** The backup was of another workspace and replaced an empty local one: the session must be reopened. */
  replaced: boolean;
}

const BackupSchema = z.object({
  format: z.literal('baton-backup'),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  workspaceId: IdSchema,
  events: z.array(z.unknown()).max(500_000),
});

/** The whole workspace as one file: the event log in order (it rebuilds every view). */
export async function exportBackup(session: Session, now = new Date()): Promise<Backup> {
  const { events, errors } = await readLog(session.db);
  // An unreadable record could not be restored either: say so rather than hand over a partial file.
  if (errors.length > 0) throw new CommandError(`The backup would be incomplete: ${errors.slice(0, 3).join('; ')}.`);
  return { format: 'baton-backup', version: 1, exportedAt: now.toISOString(), workspaceId: session.workspace.id, events };
}

function parseEvents(raw: readonly unknown[]): BatonEvent[] {
  return raw.map((item, index) => {
    const parsed = parseEvent(item);
    if (!parsed.ok) throw new CommandError(`Event ${index + 1} is not a Baton event (${parsed.problem.message}). Nothing was imported.`);
    return parsed.data;
  });
}

const refusal = (index: number, event: BatonEvent, reason: string) =>
  new CommandError(`Event ${index + 1} (${event.type}, ${event.id}) was refused: ${reason} Nothing was imported.`);

/**
 * Adds events to the workspace all or nothing: each is checked by the shared reducer against the
 * current views plus the events before it, and only when every one passes is anything written.
 * Events the log already has (same id) are skipped.
 */
export async function importEvents(session: Session, events: readonly BatonEvent[]): Promise<ImportResult> {
  const { events: log } = await readLog(session.db);
  // What this browser holds is judged already; only the events brought in are judged as new.
  const { model } = replay(log, 'accepted');
  const known = new Set(log.map((e) => e.id));
  const fresh: BatonEvent[] = [];
  for (const [index, event] of events.entries()) {
    if (known.has(event.id)) continue;
    const decision = model.apply(event);
    if (!decision.ok) throw refusal(index, event, decision.problem.message);
    if (!decision.duplicate) fresh.push(event);
    known.add(event.id);
  }
  // Written in one transaction: a sync round or a command landing meanwhile cannot leave half of it.
  const written = await appendEvents(session.db, fresh);
  if (!written.ok) {
    const event = fresh[written.index]!;
    throw new CommandError(`Event ${event.type} (${event.id}) was refused while writing: ${written.problem.message} Nothing was imported.`);
  }
  return { added: fresh.length, skipped: events.length - fresh.length, replaced: false };
}

/** A fresh local workspace: nothing in it yet but its creator, so a restore cannot lose work. */
async function isEmpty(session: Session): Promise<boolean> {
  const { db } = session;
  const [clients, handoffs, notes, templates, members] = await Promise.all([db.count('clients'), db.count('handoffs'), db.count('notes'), db.count('templates'), db.count('members')]);
  return clients + handoffs + notes + templates === 0 && members <= 1;
}

/**
 * A backup of another workspace replaces an empty local one: the backup must stand on its own (every
 * event accepted from an empty start); the log is written in one transaction and the views rebuilt.
 */
async function replaceWorkspace(session: Session, events: readonly BatonEvent[]): Promise<ImportResult> {
  const { model, rejected } = replay(events);
  const first = rejected[0];
  if (first) throw refusal(events.indexOf(first.event), first.event, first.reason);
  const creator = events.find((e) => e.type === 'workspace.created')?.actor;
  const me = model.member(session.me.id) ? session.me.id : creator;
  if (!me) throw new CommandError('The backup has no workspace in it. Nothing was imported.');
  const tx = session.db.transaction(ALL_STORES, 'readwrite');
  await Promise.all(ALL_STORES.map((store) => tx.objectStore(store).clear()));
  let added = 0;
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    await tx.objectStore('events').add({ id: event.id, origin: 'local', event });
    added += 1;
  }
  await putMeta(tx.objectStore('meta'), ME_KEY, me);
  await tx.done;
  await rebuildViews(session.db);
  return { added, skipped: events.length - added, replaced: true };
}

/** Restores a backup file: merged into the same workspace, or replacing an empty local one. */
export async function importBackup(session: Session, raw: unknown): Promise<ImportResult> {
  if (session.hub) throw new CommandError('Restoring a backup works on a local workspace: disconnect from the hub first (the hub keeps the team’s log).', 'unavailable');
  const { format, version } = (typeof raw === 'object' && raw !== null ? raw : {}) as { format?: unknown; version?: unknown };
  if (format === 'baton-backup' && typeof version === 'number' && Number.isInteger(version) && version > 1) {
    throw new CommandError(`This backup is version ${version}, written by a newer Baton; this one reads version 1. Update Baton, then restore it. Nothing was imported.`);
  }
  const backup = BackupSchema.safeParse(raw);
  if (!backup.success) {
    const issue = backup.error.issues[0];
    throw new CommandError(`This is not a Baton backup (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unreadable'}). Nothing was imported.`);
  }
  const events = parseEvents(backup.data.events);
  if (backup.data.workspaceId === session.workspace.id) return importEvents(session, events);
  if (!(await isEmpty(session))) {
    throw new CommandError(`This backup is of another workspace. It can only be restored into a fresh Baton, where it replaces the empty workspace; yours already has clients or handoffs. Nothing was imported.`);
  }
  return replaceWorkspace(session, events);
}

/** The demo agency, added to the local workspace through the same checks as a restore. */
export async function loadDemo(session: Session, now = new Date()): Promise<ImportResult> {
  if (session.hub) throw new CommandError('The demo loads into a local workspace only: disconnect from the hub first, so the team’s workspace stays real.', 'unavailable');
  return importEvents(session, buildDemo(session.me, session.workspace, now));
}
