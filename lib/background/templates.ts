import type { BatonDatabase } from '../db/open';
import { makeEvent } from '../events/make-event';
import { TemplateSchema, type Template } from '../model/template';
import { BUILT_IN_TEMPLATES } from '../templates';
import { append } from './append';
import { CommandError } from './command-error';
import type { Session } from './workspace';

/** The newest version of every template: built-ins, replaced by a custom version where one exists. */
export async function listTemplates(db: BatonDatabase): Promise<Template[]> {
  const newest = new Map<string, Template>();
  const stored = (await db.getAll('templates')).flatMap((raw) => {
    const parsed = TemplateSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  for (const template of [...BUILT_IN_TEMPLATES, ...stored]) {
    const known = newest.get(template.id);
    if (!known || template.version > known.version) newest.set(template.id, template);
  }
  return [...newest.values()];
}

/** Saves a custom template (or a new version of one) as the next version; admins only. */
export async function saveTemplate(session: Session, draft: Record<string, unknown>): Promise<Template> {
  if (session.me.role !== 'admin') throw new CommandError('Only an admin can change templates.', 'forbidden');
  const id = typeof draft.id === 'string' ? draft.id : '';
  const versions = [...BUILT_IN_TEMPLATES.filter((t) => t.id === id), ...(id ? await session.db.getAll('templates', IDBKeyRange.bound([id, 0], [id, Infinity])) : [])].map((t) => t.version);
  const version = Math.max(0, ...versions) + 1;
  const parsed = TemplateSchema.safeParse({ ...draft, version, builtIn: false });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandError(`The template is not valid: ${issue ? `${issue.path.join('.') || 'template'}: ${issue.message}` : 'invalid'}.`);
  }
  await append(session, makeEvent('template.saved', session.me.id, parsed.data.id, { template: parsed.data }));
  return parsed.data;
}
