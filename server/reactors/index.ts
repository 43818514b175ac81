import type { AsanaHub } from '../asana/asana-hub';
import { slackReactor } from '../slack/slack-reactor';
import type { Reactor } from './reactor';

/**
 * The reactors a hub runs, in this order for each workspace (each with its own cursor): Slack, then
 * Asana's (write-back, and the poll on its tick), then the rules.
 */
export function hubReactors(deps: { asana?: AsanaHub } = {}): Reactor[] {
  return [slackReactor(), ...(deps.asana?.reactors ?? [])];
}
