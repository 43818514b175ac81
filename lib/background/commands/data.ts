// The workspace as a file: backup and restore, and the demo agency.
import type { Backup } from '../../messaging/protocol';
import { z } from '../../model/zod';
import { exportBackup, importBackup, loadDemo, type ImportResult } from '../backup';
import { demoRemovalPreview, removeDemo, type DemoRemoved } from '../remove-demo';
import { CHANGE, NO_FIELDS, PAGES, defineCommand, returns, type Effect } from './define';

type Imported = { added: number; skipped: number };
// The demo and a restore can change the workspace record too (its own domains): read it again after.
const IMPORTED: readonly Effect[] = [...CHANGE, 'rematch', 'refresh-session'];
const counts = ({ added, skipped }: ImportResult): Imported => ({ added, skipped });

export const dataCommands = [
  /** The whole workspace as a file (JSON). */
  defineCommand({
    type: 'data/export', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<Backup>(),
    handle: async (_request, { session, now }) => exportBackup(await session(), now()),
  }),
  /** Restores a backup: every event is checked first; nothing is written unless all of it is good. */
  defineCommand({
    type: 'data/import', schema: z.object({ backup: z.unknown() }), from: PAGES, kind: 'write', effects: IMPORTED, response: returns<Imported>(),
    async handle({ backup }, { session, workspace }) {
      const result = await importBackup(await session(), backup);
      // Another workspace's backup replaced the empty local one: open it afresh before anything reads it.
      if (result.replaced) workspace.reopen();
      return counts(result);
    },
  }),
  /** Loads the demo agency into a local workspace (refused when connected to a hub). */
  defineCommand({
    type: 'demo/load', schema: NO_FIELDS, from: PAGES, kind: 'write', effects: IMPORTED, response: returns<Imported>(),
    handle: async (_request, { session, now }) => counts(await loadDemo(await session(), now())),
  }),
  /** Takes the demo agency out again, through the log; the person's own clients and handoffs stay. */
  defineCommand({
    type: 'demo/remove', schema: NO_FIELDS, from: PAGES, kind: 'write', effects: IMPORTED, response: returns<DemoRemoved>(),
    handle: async (_request, { session, now }) => removeDemo(await session(), now()),
  }),
  /** What removing the demo would cancel of the person's own (open handoffs on a demo client or to a demo teammate). */
  defineCommand({
    type: 'demo/removal-preview', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<{ stranded: { id: string; title: string }[] }>(),
    handle: async (_request, { session }) => demoRemovalPreview(await session()),
  }),
] as const;
