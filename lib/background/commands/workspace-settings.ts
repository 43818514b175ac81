// What admins set for the whole workspace — templates, reminders, the cost of an hour — and the saved
// metric facts the dashboard reads.
import { refreshMetricsSnapshot } from '../../db/metrics-snapshot';
import { CostSettingsSchema } from '../../messaging/cost-settings';
import type { CostSettings, ReminderSettings } from '../../messaging/protocol';
import { ReminderSettingsSchema } from '../../model/member';
import type { Template } from '../../model/template';
import { z } from '../../model/zod';
import { inWorkspaceCurrency } from '../../templates/placeholder-currency';
import { costSettings, saveCostSettings } from '../cost-settings';
import { reminderSettings, saveReminderSettings } from '../reminder-settings';
import { allTemplates, saveTemplate } from '../templates';
import { CHANGE, NO_FIELDS, PAGES, defineCommand, returns, type Effect } from './define';

/** A change to the workspace record: the session reads it again. */
const WORKSPACE_CHANGE: readonly Effect[] = [...CHANGE, 'refresh-session'];

export const workspaceSettingCommands = [
  /** Built-in templates and the workspace's custom ones (newest version of each), money examples in the workspace's currency. */
  defineCommand({
    type: 'templates/list', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<Template[]>(),
    handle: async (_request, { session }) => {
      const { db, workspace } = await session();
      return (await allTemplates(db)).map((template) => inWorkspaceCurrency(template, workspace.currency));
    },
  }),
  /** Admins only: a new custom template, or a new version of one (`version` is assigned). */
  defineCommand({
    type: 'template/save',
    // The template itself is checked against TemplateSchema once its version is known (saveTemplate).
    schema: z.object({ template: z.record(z.string(), z.unknown()) }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Template>(),
    handle: async ({ template }, { session }) => saveTemplate(await session(), template),
  }),
  defineCommand({
    type: 'reminders/get', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<ReminderSettings>(),
    handle: async (_request, { session }) => reminderSettings(await session()),
  }),
  defineCommand({
    type: 'reminders/save', schema: z.object({ settings: ReminderSettingsSchema }), from: PAGES, kind: 'write', effects: WORKSPACE_CHANGE, response: returns<ReminderSettings>(),
    handle: async ({ settings }, { session }) => saveReminderSettings(await session(), settings),
  }),
  /** The loaded cost of an hour the dashboard prices repair hours at. */
  defineCommand({
    type: 'cost/get', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<CostSettings>(),
    handle: async (_request, { session }) => costSettings(await session()),
  }),
  /** Admins only; writes these two fields and nothing else of the workspace. */
  defineCommand({
    type: 'cost/save', schema: CostSettingsSchema, from: PAGES, kind: 'write', effects: WORKSPACE_CHANGE, response: returns<CostSettings>(),
    handle: async (settings, { session }) => saveCostSettings(await session(), settings),
  }),
  /**
   * Brings the saved metric facts up to date with the log (the dashboard then reads them itself). A
   * read: it caches what the log says and appends nothing to it.
   */
  defineCommand({
    type: 'metrics/refresh', schema: z.object({ refold: z.boolean().optional() }), from: PAGES, kind: 'read', effects: [], response: returns<{ lastKey: number; folded: number; added: number; refolded: boolean }>(),
    handle: async ({ refold }, { session }) => refreshMetricsSnapshot((await session()).db, { refold: refold === true }),
  }),
] as const;
