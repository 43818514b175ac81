import { awaitingConfirmation, clientView, getHandoff, listClients, listMembers, sentByMeOpen } from '../db/queries';
import { makeEvent } from '../events/make-event';
import type { Client } from '../model/client';
import { newId } from '../model/common';
import type { EventType } from '../model/event';
import { parseIdentifierList } from '../model/identifier';
import type { Member } from '../model/member';
import type { ClientDraft, Request, TabState } from '../messaging/protocol';
import { findTemplate } from '../templates';
import { prefillFromPage } from '../workflow/prefill';
import { append } from './append';
import { exportBackup, importBackup, loadDemo } from './backup';
import { importClients } from './client-import';
import { refreshMetricsSnapshot } from '../db/metrics-snapshot';
import { costSettings, saveCostSettings } from './cost-settings';
import { reminderSettings, saveReminderSettings } from './reminder-settings';
import { allTemplates, saveTemplate } from './templates';
import { CommandError } from './command-error';
import type { Session } from './workspace';

export { CommandError };


async function mustGetHandoff(session: Session, id: string) {
  const handoff = await getHandoff(session.db, id);
  if (!handoff) throw new CommandError('That handoff no longer exists.', 'not-found');
  return handoff;
}

async function mustGetClient(session: Session, id: string): Promise<Client> {
  const view = await clientView(session.db, id, 0);
  if (!view) throw new CommandError('That client no longer exists.', 'not-found');
  return view.client;
}

/** Creates or updates a client from what a person typed; every problem is reported, nothing half-saved. */
export async function saveClient(session: Session, draft: ClientDraft): Promise<Client> {
  const { identifiers, errors } = parseIdentifierList(draft.identifiers);
  if (errors.length > 0) throw new CommandError(errors.join(' '));
  const name = draft.name.trim();
  if (!name) throw new CommandError('A client needs a name.');
  const ownerEmail = draft.ownerEmail?.trim().toLowerCase();
  const owner = ownerEmail ? (await listMembers(session.db)).values.find((m) => m.email === ownerEmail) : undefined;
  if (ownerEmail && !owner) throw new CommandError(`${ownerEmail} is not a member of your workspace.`);
  const id = draft.id ?? newId();
  const payload = { name, identifiers, ...(owner ? { ownerId: owner.id } : {}) };
  await append(session, makeEvent(draft.id ? 'client.updated' : 'client.created', session.me.id, id, payload));
  return mustGetClient(session, id);
}

// Handoff commands map one to one onto events about that handoff.
const HANDOFF_EVENTS = {
  'handoff/update': 'handoff.updated',
  'handoff/send': 'handoff.sent',
  'handoff/answer-gaps': 'handoff.gaps_answered',
  'handoff/confirm': 'handoff.confirmed',
  'handoff/cancel': 'handoff.cancelled',
  'handoff/reassign': 'handoff.reassigned',
} as const satisfies Record<string, EventType>;

type HandoffEventCommand = keyof typeof HANDOFF_EVENTS;

export interface CommandDeps {
  /** The page a tab shows, for handoffs started from it. */
  tabState(tabId: number): Promise<TabState | null>;
  now?: () => Date;
}

/** Runs one workspace command as the local member; returns what the page shows next. */
export async function runCommand(session: Session, request: Request, deps: CommandDeps): Promise<unknown> {
  const { db, me } = session;
  switch (request.type) {
    case 'clients/list':
      return (await listClients(db)).values.filter((c) => !c.archived);
    case 'settings/get':
      return { ownDomains: session.workspace.ownDomains };
    case 'settings/save': {
      const ownDomains = [...new Set(request.settings.ownDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
      await append(session, makeEvent('workspace.updated', me.id, session.workspace.id, { ownDomains }));
      return { ownDomains };
    }
    case 'clients/save':
      return saveClient(session, request.client);
    case 'clients/archive':
      await append(session, makeEvent('client.archived', me.id, request.id, { archived: true }));
      return mustGetClient(session, request.id);
    case 'client/view':
      return clientView(db, request.clientId);
    case 'client/link': {
      for (const identifier of request.identifiers) await append(session, makeEvent('client.identifier_linked', me.id, request.clientId, { identifier }));
      return mustGetClient(session, request.clientId);
    }
    case 'members/list':
      return (await listMembers(db)).values;
    case 'me/get':
      return me;
    case 'me/update':
      await append(session, makeEvent('member.updated', me.id, me.id, { name: request.name, email: request.email }));
      return (await listMembers(db)).values.find((m) => m.id === me.id);
    case 'member/add': {
      const member: Member = { id: newId(), name: request.name, email: request.email.toLowerCase(), role: request.role ?? 'member' };
      await append(session, makeEvent('member.added', me.id, member.id, { member }));
      return member;
    }
    case 'handoff/start': {
      // Without a version, the newest: an admin's edit applies to every handoff started after it.
      const template = findTemplate(await allTemplates(db), request.templateId, request.templateVersion);
      if (!template) throw new CommandError('Unknown template.', 'not-found');
      const page = request.page ?? (request.tabId !== undefined ? ((await deps.tabState(request.tabId))?.context ?? null) : null);
      const prefill = prefillFromPage(template, page, { ownDomains: session.workspace.ownDomains, selectedText: request.selectedText, now: deps.now?.() ?? new Date() });
      const id = newId();
      await append(
        session,
        makeEvent('handoff.created', me.id, id, {
          clientId: request.clientId,
          templateId: template.id,
          templateVersion: template.version,
          title: prefill.title,
          receiverId: request.receiverId,
          sources: prefill.sources,
          context: prefill.context,
          fields: prefill.fields,
        }),
      );
      return mustGetHandoff(session, id);
    }
    case 'handoff/get':
      return getHandoff(db, request.id);
    case 'templates/list':
      return allTemplates(db);
    case 'template/save':
      return saveTemplate(session, request.template as Record<string, unknown>);
    case 'data/export':
      return exportBackup(session, deps.now?.());
    case 'data/import':
      return importBackup(session, request.backup);
    case 'demo/load':
      return loadDemo(session, deps.now?.());
    case 'clients/import':
      return importClients(session, request.rows);
    case 'reminders/get':
      return reminderSettings(session);
    case 'reminders/save':
      return saveReminderSettings(session, request.settings);
    case 'cost/get':
      return costSettings(session);
    case 'metrics/refresh':
      return refreshMetricsSnapshot(db, { refold: request.refold === true });
    case 'cost/save':
      return saveCostSettings(session, { hourlyRate: request.hourlyRate, currency: request.currency });
    case 'handoff/raise-gaps': {
      const gaps = request.gaps.map((g) => ({ ...g, id: newId() }));
      await append(session, makeEvent('handoff.gaps_raised', me.id, request.id, { gaps }));
      return mustGetHandoff(session, request.id);
    }
    case 'handoffs/awaiting-me':
      return (await awaitingConfirmation(db, me.id)).values;
    case 'handoffs/sent-by-me':
      return (await sentByMeOpen(db, me.id)).values;
    case 'item/add': {
      const { type: _type, ...payload } = request;
      const id = newId();
      await append(session, makeEvent('item.added', me.id, id, { ...payload, ownerEmail: payload.ownerEmail?.trim().toLowerCase() ?? '' }));
      return { id };
    }
    case 'item/complete':
      await append(session, makeEvent('item.completed', me.id, request.id, {}));
      return { id: request.id };
    case 'note/add': {
      const id = newId();
      const note = { ...request.note, id, clientId: request.clientId, authorId: me.id, at: (deps.now?.() ?? new Date()).toISOString(), ...(request.handoffId ? { handoffId: request.handoffId } : {}) };
      await append(session, makeEvent('note.added', me.id, id, { note }));
      return { id };
    }
    case 'failure/log': {
      const { type: _type, ...reported } = request;
      // A failure after a handoff: one that never left (a draft, or a draft cancelled) cannot have caused it.
      if (reported.handoffId && !(await mustGetHandoff(session, reported.handoffId)).sentAt) {
        throw new CommandError('That handoff was never sent: log the failure on its client instead.');
      }
      const id = newId();
      const failure = { ...reported, id, loggedBy: me.id, at: (deps.now?.() ?? new Date()).toISOString() };
      await append(session, makeEvent('failure.logged', me.id, id, { failure }));
      return { id };
    }
    default: {
      if (request.type in HANDOFF_EVENTS) {
        const { type, id, ...payload } = request as Request<HandoffEventCommand>;
        await append(session, makeEvent(HANDOFF_EVENTS[type], me.id, id, payload as never));
        return mustGetHandoff(session, id);
      }
      throw new CommandError(`Unexpected ${request.type} request.`);
    }
  }
}
