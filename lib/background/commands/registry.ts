// Every command the background answers, by type. The protocol's request and response types are derived
// from here (lib/messaging/protocol.ts), and the router dispatches from here: a command exists once.
import type { z } from '../../model/zod';
import { asanaCommands } from './asana';
import { clientCommands } from './clients';
import { dataCommands } from './data';
import type { AnyCommand, Returns } from './define';
import { handoffCommands } from './handoffs';
import { hubCommands } from './hub';
import { joinRequestCommands } from './join-requests';
import { inviteCommands } from './invites';
import { memberCommands } from './members';
import { noteCommands } from './notes';
import { pageCommands } from './page';
import { promptCommands } from './prompts';
import { ruleCommands } from './rules';
import { searchCommands } from './search';
import { slackCommands } from './slack';
import { teamCommands } from './teams';
import { workspaceSettingCommands } from './workspace-settings';
import { watcherCommands } from './watchers';

const ALL = [
  ...pageCommands,
  ...promptCommands,
  ...clientCommands,
  ...memberCommands,
  ...handoffCommands,
  ...noteCommands,
  ...workspaceSettingCommands,
  ...dataCommands,
  ...hubCommands,
  ...joinRequestCommands,
  ...inviteCommands,
  ...searchCommands,
  ...slackCommands,
  ...watcherCommands,
  ...ruleCommands,
  ...asanaCommands,
  ...teamCommands,
] as const;

type Definitions = (typeof ALL)[number];
/** The registry's type: each command type to its own definition. */
export type CommandRegistry = { [D in Definitions as D['type']]: D };
export type CommandType = keyof CommandRegistry;
/** A request's own fields; a request with none (a strict empty schema) has no index signature to clash with `type`. */
type Fields<I> = string extends keyof I ? Record<never, never> : I;
/** What a caller sends (before defaults are applied). */
export type CommandRequest<T extends CommandType> = { type: T } & Fields<z.input<CommandRegistry[T]['schema']>>;
export type CommandResponse<T extends CommandType> = CommandRegistry[T]['response'] extends Returns<infer R> ? R : never;

/** Every definition, in the order above (the convention test reads it). */
export function commandDefinitions(): readonly AnyCommand[] {
  return ALL;
}

let byType: ReadonlyMap<string, AnyCommand> | undefined;
/** The definition of a request type, or undefined for a type Baton does not know. */
export function findCommand(type: unknown): AnyCommand | undefined {
  byType ??= new Map(ALL.map((definition) => [definition.type, definition]));
  return typeof type === 'string' ? byType.get(type) : undefined;
}
