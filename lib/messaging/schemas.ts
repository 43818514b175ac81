import { MatchSettingsSchema } from '../model/client';
import { IdSchema, shortText } from '../model/common';
import { ReminderSettingsSchema } from '../model/member';
import { PageContextSchema } from '../model/page-context';
import { z } from '../model/zod';
import { COMMAND_SCHEMAS } from './commands';
import { MAX_SELECTED_TEXT, type Request } from './protocol';
import { SITES } from '../sites/types';

const empty = z.object({}).strict();

const ClientDraftSchema = z.object({
  id: z.string().min(1).max(100).optional(),
  name: z.string().max(200),
  identifiers: z.string().max(20_000),
  ownerEmail: z.string().max(254).optional(),
});

const PanelIntentRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('new-handoff'),
    tabId: z.number().int().optional(),
    clientId: IdSchema.optional(),
    templateId: IdSchema.optional(),
    selectedText: shortText(20_000).optional(),
    site: z.enum(SITES).optional(),
    page: PageContextSchema.optional(),
  }),
  z.object({ kind: z.literal('handoff'), handoffId: IdSchema }),
  z.object({ kind: z.literal('client'), clientId: IdSchema }),
]);

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page/context'), context: PageContextSchema.nullable() }),
  z.object({ type: z.literal('panel/state'), windowId: z.number().int(), panelTabId: z.number().int().optional() }),
  empty.extend({ type: z.literal('clients/list') }),
  z.object({ type: z.literal('clients/save'), client: ClientDraftSchema }),
  empty.extend({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('settings/save'), settings: MatchSettingsSchema }),
  empty.extend({ type: z.literal('templates/list') }),
  // The template itself is checked against TemplateSchema once its version is known (template/save).
  z.object({ type: z.literal('template/save'), template: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('panel/intent'), windowId: z.number().int(), intent: PanelIntentRequestSchema }),
  z.object({ type: z.literal('capture/start'), selectedText: z.string().max(MAX_SELECTED_TEXT).optional() }),
  empty.extend({ type: z.literal('prompts/get') }),
  z.object({ type: z.literal('prompt/open'), handoffId: IdSchema }),
  z.object({ type: z.literal('prompt/snooze'), handoffId: IdSchema, minutes: z.number().int().min(1).max(7 * 24 * 60) }),
  empty.extend({ type: z.literal('data/export') }),
  z.object({ type: z.literal('data/import'), backup: z.unknown() }),
  empty.extend({ type: z.literal('demo/load') }),
  z.object({ type: z.literal('clients/import'), rows: z.array(ClientDraftSchema.extend({ line: z.number().int().min(1).optional() })).min(1).max(5000) }),
  empty.extend({ type: z.literal('reminders/get') }),
  z.object({ type: z.literal('reminders/save'), settings: ReminderSettingsSchema }),
  ...Object.entries(COMMAND_SCHEMAS).map(([type, schema]) => schema.extend({ type: z.literal(type) })),
]);

export type ParsedRequest = z.infer<typeof RequestSchema>;

/** Parses an incoming message; the message names the first thing that is wrong. */
export function parseRequest(message: unknown): { ok: true; request: Request } | { ok: false; message: string } {
  const result = RequestSchema.safeParse(message);
  if (result.success) return { ok: true, request: result.data as Request };
  const issue = result.error.issues[0];
  return { ok: false, message: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'Invalid message.' };
}
