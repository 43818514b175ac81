// The client directory: list, create and edit, archive, link a page's identifiers, import a CSV, and
// the matching settings (the agency's own domains).
import { clientView, getHandoff, listClients, listMembers, type ClientView } from '../../db/queries';
import { makeEvent } from '../../events/make-event';
import { MatchSettingsSchema, type Client, type MatchSettings } from '../../model/client';
import { IdSchema, newId, shortText } from '../../model/common';
import { IdentifierSchema, parseIdentifierList } from '../../model/identifier';
import { mailDomainOwner } from '../../match/agency-domains';
import type { Identifier } from '../../sites/types';
import type { Handoff } from '../../model/handoff';
import { KeyFactsDraftSchema, checkKeyFacts, keyFactsCountProblems, mergeKeyFacts, type KeyFacts, type KeyFactsDraft } from '../../model/key-facts';
import { z } from '../../model/zod';
import type { ClientDraft } from '../../messaging/protocol';
import { append } from '../append';
import { importClients } from '../client-import';
import { keyFactsOffer, type KeyFactsOffer } from '../key-facts-offer';
import { allTemplates } from '../templates';
import { findTemplate } from '../../templates';
import { KEY_FACT_CELL_LIMITS, addKeyFacts } from '../../import/key-facts-columns';
import { MAX_TEAM_CELL } from '../../import/team-column';
import { CommandError } from '../command-error';
import type { Session } from '../workspace';
import { CHANGE, NO_FIELDS, PAGES, defineCommand, returns, type Effect } from './define';

/** Changes to what pages match: every open tab is matched again after them. */
const REMATCHING: readonly Effect[] = [...CHANGE, 'rematch'];

const ClientDraftSchema = z.object({
  id: z.string().min(1).max(100).optional(),
  name: z.string().max(200),
  identifiers: z.string().max(20_000),
  ownerEmail: z.string().max(254).optional(),
});

/** A CSV row: the draft, its line in the file, and the key-facts cells as typed (checked by the import). */
const ImportedRowSchema = ClientDraftSchema.extend({
  line: z.number().int().min(1).optional(),
  stakeholders: z.string().max(KEY_FACT_CELL_LIMITS.stakeholders).optional(),
  preferences: z.string().max(KEY_FACT_CELL_LIMITS.preferences).optional(),
  sensitivities: z.string().max(KEY_FACT_CELL_LIMITS.sensitivities).optional(),
  toneOfVoiceUrl: z.string().max(KEY_FACT_CELL_LIMITS.toneOfVoiceUrl).optional(),
  team: z.string().max(MAX_TEAM_CELL).optional(),
});

async function mustGetClient(session: Session, id: string): Promise<Client> {
  const view = await clientView(session.db, id, 0);
  if (!view) throw new CommandError('That client no longer exists.', 'not-found');
  return view.client;
}

/** Creates or updates a client from what a person typed; every problem is reported, nothing half-saved. */
async function saveClient(session: Session, draft: ClientDraft): Promise<Client> {
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

/** An address or domain that names the agency or a free-mail provider names no client: never linked. */
function namesAClient(identifier: Identifier, ownDomains: readonly string[]): boolean {
  return (identifier.kind !== 'email' && identifier.kind !== 'email-domain') || mailDomainOwner(identifier.value, ownDomains) === undefined;
}

/**
 * "Create client …" where the person stands: a new client named as they confirmed, with the page's
 * identifiers, in one event. The agency's own and free-mail domains are dropped whatever the page sent.
 */
async function createFromPage(session: Session, name: string, identifiers: readonly Identifier[]): Promise<Client> {
  const trimmed = name.trim();
  if (!trimmed) throw new CommandError('A client needs a name.');
  const own = session.workspace.ownDomains ?? [];
  const kept = identifiers.filter((i) => namesAClient(i, own));
  const id = newId();
  await append(session, makeEvent('client.created', session.me.id, id, { name: trimmed, identifiers: kept }));
  return mustGetClient(session, id);
}

/**
 * The panel's key-facts editor: saved as one `client.updated`, or nothing with every reason. With the
 * key facts the editor opened on (`base`), only the person's changes are applied to the client as it
 * is now; without, what the editor shows replaces the client's key facts.
 */
async function saveKeyFacts(session: Session, clientId: string, draft: KeyFactsDraft, base?: KeyFactsDraft): Promise<Client> {
  const client = await mustGetClient(session, clientId);
  const checked = checkKeyFacts(draft);
  if (!checked.ok) throw new CommandError(checked.problems.join(' '));
  const opened = base ? checkKeyFacts(base) : undefined;
  const facts = opened?.ok ? mergeKeyFacts(checkedKeyFacts(client), opened.facts, checked.facts) : checked.facts;
  const tooMany = keyFactsCountProblems(facts);
  if (tooMany.length > 0) throw new CommandError(tooMany.join(' '));
  await append(session, makeEvent('client.updated', session.me.id, clientId, facts));
  return mustGetClient(session, clientId);
}

/** The client's stored key facts, in the form the editor's checked ones take. */
const checkedKeyFacts = (client: Client): KeyFacts => ({ stakeholders: client.stakeholders, preferences: client.preferences, sensitivities: client.sensitivities, toneOfVoiceUrl: client.toneOfVoiceUrl ?? '' });

/** What a confirmed handoff would add to its client's key facts, and the client it would add it to. */
async function handoffOffer(session: Session, handoffId: string): Promise<{ offer: KeyFactsOffer; client: Client; handoff: Handoff }> {
  const handoff = await getHandoff(session.db, handoffId);
  if (!handoff) throw new CommandError('That handoff no longer exists.', 'not-found');
  const client = await mustGetClient(session, handoff.clientId);
  const templates = await allTemplates(session.db);
  const template = findTemplate(templates, handoff.templateId, handoff.templateVersion) ?? findTemplate(templates, handoff.templateId);
  if (!template) return { offer: { stakeholders: [], preferences: [] }, client, handoff };
  const memberEmails = new Set((await listMembers(session.db)).values.map((m) => m.email));
  return { offer: keyFactsOffer(handoff, template, client, { memberEmails, ownDomains: session.workspace.ownDomains }), client, handoff };
}

/** Copies the offer as one `client.updated`; refused when there is nothing left to copy (a second click, a teammate first). */
async function copyHandoffFacts(session: Session, handoffId: string): Promise<Client> {
  const { offer, client, handoff } = await handoffOffer(session, handoffId);
  // The role as the log has it now (an admin's change may have synced since the session opened).
  const me = (await listMembers(session.db)).values.find((m) => m.id === session.me.id) ?? session.me;
  const involved = handoff.senderId === me.id || handoff.receiverId === me.id;
  if (!involved && me.role !== 'admin') throw new CommandError('Only the handoff’s sender, its receiver or an admin can copy its facts to the client.', 'forbidden');
  if (offer.stakeholders.length + offer.preferences.length === 0) throw new CommandError(`${client.name}’s key facts already have everything this handoff could add.`);
  const patch = addKeyFacts(client, offer);
  const tooMany = keyFactsCountProblems(patch);
  if (tooMany.length > 0) throw new CommandError(tooMany.join(' '));
  await append(session, makeEvent('client.updated', session.me.id, client.id, patch));
  return mustGetClient(session, client.id);
}

export const clientCommands = [
  defineCommand({
    type: 'clients/list', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<Client[]>(),
    handle: async (_request, { session }) => (await listClients((await session()).db)).values.filter((c) => !c.archived),
  }),
  defineCommand({
    type: 'clients/save', schema: z.object({ client: ClientDraftSchema }), from: PAGES, kind: 'write', effects: REMATCHING, response: returns<Client>(),
    handle: async ({ client }, { session }) => saveClient(await session(), client),
  }),
  defineCommand({
    type: 'clients/archive', schema: z.object({ id: IdSchema }), from: PAGES, kind: 'write', effects: REMATCHING, response: returns<Client>(),
    async handle({ id }, { session }) {
      const s = await session();
      await append(s, makeEvent('client.archived', s.me.id, id, { archived: true }));
      return mustGetClient(s, id);
    },
  }),
  defineCommand({
    type: 'client/view', schema: z.object({ clientId: IdSchema }), from: PAGES, kind: 'read', effects: [], response: returns<ClientView | null>(),
    handle: async ({ clientId }, { session }) => clientView((await session()).db, clientId),
  }),
  defineCommand({
    type: 'client/link', schema: z.object({ clientId: IdSchema, identifiers: z.array(IdentifierSchema).min(1).max(50) }), from: PAGES, kind: 'write', effects: REMATCHING, response: returns<Client>(),
    async handle({ clientId, identifiers }, { session }) {
      const s = await session();
      for (const identifier of identifiers) await append(s, makeEvent('client.identifier_linked', s.me.id, clientId, { identifier }));
      return mustGetClient(s, clientId);
    },
  }),
  defineCommand({
    type: 'client/create-from-page', schema: z.object({ name: shortText(200), identifiers: z.array(IdentifierSchema).max(50) }), from: PAGES, kind: 'write', effects: REMATCHING, response: returns<Client>(),
    handle: async ({ name, identifiers }, { session }) => createFromPage(await session(), name, identifiers),
  }),
  defineCommand({
    type: 'client/update-facts', schema: z.object({ clientId: IdSchema, facts: KeyFactsDraftSchema, base: KeyFactsDraftSchema.optional() }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Client>(),
    handle: async ({ clientId, facts, base }, { session }) => saveKeyFacts(await session(), clientId, facts, base),
  }),
  defineCommand({
    type: 'client/handoff-facts-offer', schema: z.object({ handoffId: IdSchema }), from: PAGES, kind: 'read', effects: [], response: returns<KeyFactsOffer>(),
    handle: async ({ handoffId }, { session }) => (await handoffOffer(await session(), handoffId)).offer,
  }),
  defineCommand({
    type: 'client/copy-handoff-facts', schema: z.object({ handoffId: IdSchema }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Client>(),
    handle: async ({ handoffId }, { session }) => copyHandoffFacts(await session(), handoffId),
  }),
  /** CSV import (ARCHITECTURE §3.3): rows whose name matches a client update it; all rows or none. */
  defineCommand({
    type: 'clients/import', schema: z.object({ rows: z.array(ImportedRowSchema).min(1).max(5000) }), from: PAGES, kind: 'write', effects: REMATCHING, response: returns<{ created: number; updated: number }>(),
    handle: async ({ rows }, { session }) => importClients(await session(), rows),
  }),
  defineCommand({
    type: 'settings/get', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<MatchSettings>(),
    handle: async (_request, { session }) => ({ ownDomains: (await session()).workspace.ownDomains }),
  }),
  defineCommand({
    type: 'settings/save', schema: z.object({ settings: MatchSettingsSchema }), from: PAGES, kind: 'write', effects: [...REMATCHING, 'refresh-session'], response: returns<MatchSettings>(),
    async handle({ settings }, { session }) {
      const s = await session();
      const ownDomains = [...new Set(settings.ownDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
      await append(s, makeEvent('workspace.updated', s.me.id, s.workspace.id, { ownDomains }));
      return { ownDomains };
    },
  }),
] as const;
