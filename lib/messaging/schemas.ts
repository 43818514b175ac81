import { MatchSettingsSchema } from '../model/client';
import { PageContextSchema } from '../model/page-context';
import { z } from '../model/zod';
import { COMMAND_SCHEMAS } from './commands';
import type { Request } from './protocol';

const empty = z.object({}).strict();

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page/context'), context: PageContextSchema.nullable() }),
  z.object({ type: z.literal('panel/state'), windowId: z.number().int(), panelTabId: z.number().int().optional() }),
  empty.extend({ type: z.literal('clients/list') }),
  z.object({
    type: z.literal('clients/save'),
    client: z.object({
      id: z.string().min(1).max(100).optional(),
      name: z.string().max(200),
      identifiers: z.string().max(20_000),
      ownerEmail: z.string().max(254).optional(),
    }),
  }),
  empty.extend({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('settings/save'), settings: MatchSettingsSchema }),
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
