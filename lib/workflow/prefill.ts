import type { HandoffSources } from '../model/handoff';
import type { Template } from '../model/template';
import { PUBLIC_MAIL_DOMAINS } from '../match/public-domains';
import type { PageContext } from '../sites/types';

// People fields that list the client's side: the thread's client participants belong there.
const CLIENT_PEOPLE_FIELDS = new Set(['stakeholders', 'stakeholder_map', 'client_contacts', 'contacts']);

export interface Prefill {
  title?: string;
  fields: Record<string, unknown>;
  sources: HandoffSources;
  context: { participants: NonNullable<PageContext['thread']>['participants']; selectedText?: string; capturedAt: string };
}

/**
 * What a handoff started from a page knows already: a title, links back to the thread, task or
 * account, and the client's people from an email thread. Email bodies are never taken; selected text
 * only when the user selected it.
 */
export function prefillFromPage(template: Template, page: PageContext | null, options: { ownDomains: readonly string[]; selectedText?: string; now: Date }): Prefill {
  const prefill: Prefill = { fields: {}, sources: {}, context: { participants: [], capturedAt: options.now.toISOString() } };
  if (options.selectedText?.trim()) prefill.context.selectedText = options.selectedText.trim().slice(0, 20_000);
  if (!page) return prefill;
  const { thread, task, account } = page;
  if (thread) {
    prefill.title = thread.subject.replace(/^((re|fwd?|aw|wg)\s*:\s*)+/i, '').trim() || undefined;
    prefill.sources.gmailThread = { id: thread.id, subject: thread.subject, url: page.url, ...(thread.legacyId ? { legacyId: thread.legacyId } : {}) };
    prefill.context.participants = thread.participants;
    const own = new Set(options.ownDomains);
    if (page.accountEmail) own.add(page.accountEmail.split('@')[1] ?? '');
    const clientSide = thread.participants.filter((p) => {
      const domain = p.email.split('@')[1] ?? '';
      return p.email !== page.accountEmail && !own.has(domain) && !PUBLIC_MAIL_DOMAINS.has(domain);
    });
    const peopleField = template.fields.find((f) => f.type === 'people' && CLIENT_PEOPLE_FIELDS.has(f.id));
    if (peopleField && clientSide.length > 0) {
      prefill.fields[peopleField.id] = clientSide.map((p) => ({ name: p.name ?? p.email.split('@')[0] ?? '', role: '', email: p.email }));
    }
  }
  if (task) {
    prefill.title ??= task.name;
    prefill.sources.asanaTask = { id: task.id, url: page.url, ...(task.name ? { name: task.name } : {}) };
  }
  if (account && page.site !== 'gmail' && page.site !== 'asana') {
    prefill.title ??= account.name;
    prefill.sources.adAccount = { site: page.site, id: account.id, url: page.url, ...(account.name ? { name: account.name } : {}) };
  }
  return prefill;
}
