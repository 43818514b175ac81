import { EVENT_PAYLOADS, EVENT_SCHEMA_VERSION, type BatonEvent, type EntityKind, type EventType } from '../model/event';
import type { z } from '../model/zod';
import { newId } from '../model/common';

const ENTITY_OF: Record<string, EntityKind> = {
  workspace: 'workspace',
  member: 'member',
  client: 'client',
  template: 'template',
  handoff: 'handoff',
  note: 'note',
  failure: 'failure',
  item: 'item',
  rule: 'rule',
};

export type EventInput<T extends EventType> = z.input<(typeof EVENT_PAYLOADS)[T]>;

/**
 * A new event: the entity kind follows from the type ("handoff.sent" → handoff), and the payload is
 * parsed (defaults filled in). Throws on a malformed payload: callers validate what people typed first.
 */
export function makeEvent<T extends EventType>(
  type: T,
  actor: string,
  entityId: string,
  input: EventInput<T>,
  options: { id?: string; at?: Date | string } = {},
): BatonEvent<T> {
  const kind = ENTITY_OF[type.split('.')[0] ?? ''];
  if (!kind) throw new Error(`No entity for event type ${type}`);
  const at = options.at instanceof Date ? options.at.toISOString() : (options.at ?? new Date().toISOString());
  const payload = EVENT_PAYLOADS[type].parse(input);
  return { id: options.id ?? newId(), type, actor, at, entity: { kind, id: entityId }, payload, v: EVENT_SCHEMA_VERSION } as BatonEvent<T>;
}
