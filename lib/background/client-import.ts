import { listClients, listMembers } from '../db/queries';
import { makeEvent } from '../events/make-event';
import type { Client } from '../model/client';
import { newId } from '../model/common';
import type { BatonEvent } from '../model/event';
import { identifierKey, parseIdentifierList } from '../model/identifier';
import type { ImportedClientRow } from '../messaging/protocol';
import { addKeyFacts, readImportedKeyFacts } from '../import/key-facts-columns';
import { importEvents } from './backup';
import { CommandError } from './command-error';
import { clientNameKey } from '../model/client';
import type { Session } from './workspace';
import { keyFactsCountProblems } from '../model/key-facts';
import { isActive } from '../model/member';
import { readTeamCell } from '../import/team-column';
import { currentRoles, importedTeamEvents } from './teams';

/** "A client keeps at most …." as a clause of a line's problems: "a client keeps at most …". */
const asClause = (sentence: string) => sentence.replace(/\.$/, '').replace(/^A /, 'a ');

/**
 * The CSV import (ARCHITECTURE §3.3): every row is checked first and every bad row reported with its
 * number; a row naming an existing client adds its identifiers (and owner) to it, the others create
 * clients. All rows are written, or none.
 */
export async function importClients(session: Session, rows: readonly ImportedClientRow[]): Promise<{ created: number; updated: number }> {
  const [clients, members] = await Promise.all([listClients(session.db), listMembers(session.db)]);
  const existing = new Map(clients.values.filter((c) => !c.archived).map((c) => [clientNameKey(c.name), c]));
  const archived = new Set(clients.values.filter((c) => c.archived).map((c) => clientNameKey(c.name)));
  const memberByEmail = new Map(members.values.map((m) => [m.email, m]));
  // The team column names active members only, in the workspace's roles.
  const teamContext = { roles: await currentRoles(session), memberEmails: new Set(members.values.filter(isActive).map((m) => m.email)) };
  const problems: string[] = [];
  const rowOfName = new Map<string, number>();
  const events: BatonEvent[] = [];
  let created = 0;
  let updated = 0;

  rows.forEach((row, index) => {
    // The preview numbers rows by their line in the file (the header is line 1): so do its refusals.
    const rowNumber = row.line ?? index + 2;
    const errors: string[] = [];
    const name = row.name.trim();
    if (!name) errors.push('a client needs a name');
    const earlier = rowOfName.get(clientNameKey(name));
    if (name && earlier !== undefined) errors.push(`“${name}” is already on line ${earlier}`);
    rowOfName.set(clientNameKey(name), rowNumber);
    // Names stay unique with archived clients too: an import never silently revives or shadows one.
    if (name && archived.has(clientNameKey(name))) errors.push(`“${name}” is an archived client: restore it first, or use another name`);
    const parsed = parseIdentifierList(row.identifiers);
    errors.push(...parsed.errors);
    const ownerEmail = row.ownerEmail?.trim().toLowerCase();
    const owner = ownerEmail ? memberByEmail.get(ownerEmail) : undefined;
    if (ownerEmail && !owner) errors.push(`${ownerEmail} is not a member of your workspace`);
    const keyFacts = readImportedKeyFacts(row);
    const match: Client | undefined = existing.get(clientNameKey(name));
    const added = match ? addKeyFacts(match, keyFacts.facts) : {};
    // Its messages are sentences already: said as clauses, without their capital and full stop, as the others are.
    const team = readTeamCell(row.team ?? '', teamContext);
    errors.push(...[...keyFacts.errors, ...keyFactsCountProblems(added), ...team.errors].map(asClause));
    if (errors.length > 0) {
      problems.push(`Line ${rowNumber}: ${errors.join('; ')}.`);
      return;
    }
    const ownerPatch = owner ? { ownerId: owner.id } : {};
    if (match) {
      const have = new Set(match.identifiers.map(identifierKey));
      const identifiers = [...match.identifiers, ...parsed.identifiers.filter((i) => !have.has(identifierKey(i)))];
      events.push(makeEvent('client.updated', session.me.id, match.id, { identifiers, ...ownerPatch, ...added }));
      events.push(...importedTeamEvents(session.me.id, match.id, match.team, team.pairs, memberByEmail));
      updated += 1;
    } else {
      const id = newId();
      events.push(makeEvent('client.created', session.me.id, id, { name, identifiers: parsed.identifiers, ...ownerPatch, ...keyFacts.facts }));
      events.push(...importedTeamEvents(session.me.id, id, undefined, team.pairs, memberByEmail));
      created += 1;
    }
  });

  if (problems.length > 0) throw new CommandError(`Nothing was imported. ${problems.join(' ')}`);
  await importEvents(session, events);
  return { created, updated };
}
