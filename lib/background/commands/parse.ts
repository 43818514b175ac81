import type { Request } from '../../messaging/protocol';
import type { AnyCommand } from './define';
import { findCommand } from './registry';

type Refusal = { ok: false; message: string; field?: string };

/** The command a message names, before its fields are read (the router checks the caller first). */
export function commandOf(message: unknown): { ok: true; definition: AnyCommand; fields: object } | Refusal {
  if (typeof message !== 'object' || message === null) return { ok: false, message: 'message: A request is an object with a type.' };
  const { type, ...fields } = message as { type?: unknown };
  const definition = findCommand(type);
  if (definition) return { ok: true, definition, fields };
  return { ok: false, message: `type: ${typeof type === 'string' ? `Baton has no “${type.slice(0, 100)}” request.` : 'A request needs a type.'}`, field: 'type' };
}

/** Reads a request's fields with its command's schema; the message names the first thing that is wrong. */
export function parseFields(definition: AnyCommand, fields: object): { ok: true; request: Request } | Refusal {
  const result = definition.schema.safeParse(fields);
  if (result.success) return { ok: true, request: { ...(result.data as object), type: definition.type } as Request };
  const issue = result.error.issues[0];
  const field = issue?.path.join('.');
  return { ok: false, message: issue ? `${field || 'message'}: ${issue.message}` : 'Invalid message.', ...(field ? { field } : {}) };
}

/** Parses a whole message: its command, then its fields. */
export function parseRequest(message: unknown): { ok: true; request: Request; definition: AnyCommand } | Refusal {
  const command = commandOf(message);
  if (!command.ok) return command;
  const parsed = parseFields(command.definition, command.fields);
  return parsed.ok ? { ...parsed, definition: command.definition } : parsed;
}
