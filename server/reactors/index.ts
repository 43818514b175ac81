import type { AsanaHub } from '../asana/asana-hub';
import { slackReactor } from '../slack/slack-reactor';
import type { Reactor } from './reactor';
import { rulesReactor } from './rules-reactor';

/**
 * The reactors a hub runs, in this order for each workspace (each with its own cursor): the rules
 * (a confirmation's chained draft), Slack, then Asana's (write-back, and the poll on its tick).
 */
export function hubReactors(deps: { asana?: AsanaHub } = {}): Reactor[] {
  return [rulesReactor(), slackReactor(), ...(deps.asana?.reactors ?? [])];
}
