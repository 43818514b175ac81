import type { Reactor } from './reactor';
import { rulesReactor } from './rules-reactor';

/**
 * The reactors a hub runs, in this order for each workspace (each with its own cursor). Issue 15's
 * Slack, Asana write-back and rules reactors are listed here.
 */
export function hubReactors(): Reactor[] {
  return [rulesReactor()];
}
