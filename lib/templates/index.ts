import type { Template } from '../model/template';
import type { Site } from '../sites/types';
import { amTransition } from './am-transition';
import { briefToCreative } from './brief-to-creative';
import { clientOffboarding } from './client-offboarding';
import { coverage } from './coverage';
import { launchToReporting } from './launch-to-reporting';
import { salesToAm } from './sales-to-am';
import { strategyToMedia } from './strategy-to-media';

export { amTransition, briefToCreative, clientOffboarding, coverage, launchToReporting, salesToAm, strategyToMedia };

/** The templates every workspace starts with. Custom templates are plain data through the same schema. */
export const BUILT_IN_TEMPLATES: readonly Template[] = Object.freeze([
  salesToAm,
  briefToCreative,
  strategyToMedia,
  launchToReporting,
  amTransition,
  coverage,
  clientOffboarding,
]);

/** The template with this id: the given version, or the latest one when no version is given. */
export function findTemplate(templates: readonly Template[], id: string, version?: number): Template | undefined {
  let found: Template | undefined;
  for (const t of templates) {
    if (t.id !== id) continue;
    if (version !== undefined) {
      if (t.version === version) return t;
    } else if (!found || t.version > found.version) {
      found = t;
    }
  }
  return found;
}

const AD_PLATFORM = ['strategy-to-media', 'launch-to-reporting'];

/** Template ids to put first on each site, most likely first; the rest follow in their usual order. */
const SUGGESTED_FIRST: Record<Site, readonly string[]> = {
  // An email thread is where a sale closes, a brief arrives, or a colleague says they are leaving.
  gmail: ['sales-to-am', 'brief-to-creative', 'am-transition', 'coverage'],
  asana: ['brief-to-creative', 'strategy-to-media'],
  'google-ads': AD_PLATFORM,
  'meta-ads': AD_PLATFORM,
  'linkedin-ads': AD_PLATFORM,
  'microsoft-ads': AD_PLATFORM,
  'tiktok-ads': AD_PLATFORM,
  // Analytics is where reporting lives: the reporting handoff first.
  ga4: ['launch-to-reporting', 'strategy-to-media'],
};

/** All seven built-in templates, the ones that fit the page the user is on first. */
export function suggestTemplates(site: Site): Template[] {
  const first = SUGGESTED_FIRST[site] ?? [];
  const rank = (t: Template) => {
    const i = first.indexOf(t.id);
    return i === -1 ? first.length : i;
  };
  // Array.prototype.sort is stable: templates outside the suggestion keep their built-in order.
  return [...BUILT_IN_TEMPLATES].sort((a, b) => rank(a) - rank(b));
}

/** The newest version of each template, in first-seen order: what a person picks from. */
export function newestVersions(templates: readonly Template[]): Template[] {
  const newest = new Map<string, Template>();
  for (const t of templates) {
    const known = newest.get(t.id);
    if (!known || t.version > known.version) newest.set(t.id, t);
  }
  return [...newest.values()];
}
