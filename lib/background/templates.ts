import type { BatonDatabase } from '../db/open';
import { makeEvent } from '../events/make-event';
import { TemplateSchema, type Template } from '../model/template';
import { BUILT_IN_TEMPLATES } from '../templates';
import { append } from './append';
import { CommandError } from './command-error';
import type { Session } from './workspace';

/**
 * Every version of every template: built-ins and the workspace's saved ones. A handoff keeps the version
 * it was started with, so older versions stay readable; new handoffs take the newest (newestVersions).
 */
export async function allTemplates(db: BatonDatabase): Promise<Template[]> {
  const stored = (await db.getAll('templates')).flatMap((raw) => {
    const parsed = TemplateSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  return [...BUILT_IN_TEMPLATES, ...stored];
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
