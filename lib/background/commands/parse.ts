import type { Request } from '../../messaging/protocol';
import { failure, type Result, succeed } from '../../result';
import type { AnyCommand } from './define';
import { findCommand } from './registry';

/** The command a message names, before its fields are read (the router checks the caller first). */
export function commandOf(message: unknown): Result<{ definition: AnyCommand; fields: object }> {
  if (typeof message !== 'object' || message === null) return failure('bad-request', 'message: A request is an object with a type.');
  const { type, ...fields } = message as { type?: unknown };
  const definition = findCommand(type);
  if (definition) return succeed({ definition, fields });
  return failure('bad-request', `type: ${typeof type === 'string' ? `Baton has no “${type.slice(0, 100)}” request.` : 'A request needs a type.'}`, 'type');
}

/** Reads a request's fields with its command's schema; the problem names the first thing that is wrong. */
export function parseFields(definition: AnyCommand, fields: object): Result<Request> {
  const result = definition.schema.safeParse(fields);
  if (result.success) return succeed({ ...(result.data as object), type: definition.type } as Request);
  const issue = result.error.issues[0];
  const field = issue?.path.join('.');
  return failure('bad-request', issue ? `${field || 'message'}: ${issue.message}` : 'Invalid message.', field);
}

/** Parses a whole message: its command, then its fields. */
export function parseRequest(message: unknown): Result<{ request: Request; definition: AnyCommand }> {
  const command = commandOf(message);
  if (!command.ok) return command;
  const parsed = parseFields(command.data.definition, command.data.fields);
  return parsed.ok ? succeed({ request: parsed.data, definition: command.data.definition }) : parsed;
}
