import type { Template } from '../../lib/model/template';
import { newestVersions, suggestTemplates } from '../../lib/templates';
import type { Site } from '../../lib/sites/types';

/** How many of a site's suggestions are shown apart as "suggested" (an email: sales → AM, brief → creative). */
const SUGGESTED = 2;

/**
 * The newest version of each of the workspace's templates, split into the page's suggestions and the rest, in the order
 * suggestTemplates gives built-ins; custom templates follow, by name.
 */
export function orderTemplates(templates: readonly Template[], site: Site | undefined): { suggested: Template[]; rest: Template[] } {
  const order = site ? suggestTemplates(site).map((t) => t.id) : [];
  const suggestedIds = new Set(order.slice(0, SUGGESTED));
  const rank = (t: Template) => {
    const i = order.indexOf(t.id);
    return i === -1 ? order.length : i;
  };
  const sorted = newestVersions(templates).sort((a, b) => rank(a) - rank(b) || Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
  return { suggested: sorted.filter((t) => suggestedIds.has(t.id)), rest: sorted.filter((t) => !suggestedIds.has(t.id)) };
}
