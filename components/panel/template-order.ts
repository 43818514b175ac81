import type { Template } from '../../lib/model/template';
import { newestVersions, suggestTemplates } from '../../lib/templates';
import type { Site } from '../../lib/sites/types';
import { lastTemplateKey } from '../../lib/storage/keys';
import { getItem, setItem } from '../../lib/storage/store';

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

/**
 * The template to start directly on this page, or undefined when the person should choose: the one they
 * last started on this site when it still exists, else the page's first suggestion. A site that suggests
 * nothing (or no site) gets the picker.
 */
export function preferredTemplate(ordered: { suggested: Template[]; rest: Template[] }, site: Site | undefined, remembered: Record<string, string> | undefined): Template | undefined {
  if (!site || ordered.suggested.length === 0) return undefined;
  const last = remembered?.[site];
  return [...ordered.suggested, ...ordered.rest].find((t) => t.id === last) ?? ordered.suggested[0];
}

/** Each site's last started template, as this member left them on this browser. */
export async function rememberedTemplates(memberId: string): Promise<Record<string, string>> {
  return (await getItem(lastTemplateKey(memberId))) ?? {};
}

/** Remembers that this member last started `templateId` on `site`. */
export async function rememberTemplate(memberId: string, site: Site, templateId: string): Promise<void> {
  const remembered = await rememberedTemplates(memberId);
  await setItem(lastTemplateKey(memberId), { ...remembered, [site]: templateId });
}
