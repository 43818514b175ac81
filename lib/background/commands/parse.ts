import type { Request } from '../../messaging/protocol';
import type { AnyCommand } from './define';
import { findCommand } from './registry';

export type ParsedRequest =
  | { ok: true; request: Request; definition: AnyCommand }
  | { ok: false; message: string; field?: string };

/** Parses an incoming message with its command's schema; the message names the first thing that is wrong. */
export function parseRequest(message: unknown): ParsedRequest {
  if (typeof message !== 'object' || message === null) return { ok: false, message: 'message: A request is an object with a type.' };
  const { type, ...fields } = message as { type?: unknown };
  const definition = findCommand(type);
  if (!definition) return { ok: false, message: `type: ${typeof type === 'string' ? `Baton has no “${type.slice(0, 100)}” request.` : 'A request needs a type.'}`, field: 'type' };
  const result = definition.schema.safeParse(fields);
  if (result.success) return { ok: true, request: { ...(result.data as object), type } as Request, definition };
  const issue = result.error.issues[0];
  const field = issue?.path.join('.');
  return { ok: false, message: issue ? `${field || 'message'}: ${issue.message}` : 'Invalid message.', ...(field ? { field } : {}) };
}
