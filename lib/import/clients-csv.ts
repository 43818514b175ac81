import { clientNameKey } from '../model/client';
import type { ImportedClientRow } from '../messaging/protocol';
import { identifierKey, parseIdentifierList } from '../model/identifier';
import { plural } from '../text/plural';
import { parseCsv } from './csv';
import { KEY_FACT_COLUMNS, readImportedKeyFacts, type ImportedKeyFacts } from './key-facts-columns';
import { readTeamCell, type TeamContext } from './team-column';

/** The columns of ARCHITECTURE.md §3.3, in any order; `name` is required, the key facts optional. */
export const CLIENT_CSV_COLUMNS = ['name', 'identifiers', 'owner_email', ...KEY_FACT_COLUMNS, 'team'] as const;
type Column = (typeof CLIENT_CSV_COLUMNS)[number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME = 200;

/** The key-facts cells of a row, under the names the import request carries. */
const KEY_FACT_FIELDS: Record<(typeof KEY_FACT_COLUMNS)[number], keyof ImportedKeyFacts> = {
  stakeholders: 'stakeholders',
  preferences: 'preferences',
  sensitivities: 'sensitivities',
  tone_of_voice_url: 'toneOfVoiceUrl',
};

/** What the row's key facts add, in a few words for the preview ("2 stakeholders, 1 preference"). */
function factsSummary(cells: ImportedKeyFacts): string | undefined {
  const { facts } = readImportedKeyFacts(cells);
  const count = (n: number | undefined, one: string, many?: string) => (n ? plural(n, one, many) : '');
  const parts = [
    count(facts.stakeholders?.length, 'stakeholder'),
    count(facts.preferences?.length, 'preference'),
    count(facts.sensitivities?.length, 'sensitivity', 'sensitivities'),
    facts.toneOfVoiceUrl ? 'tone-of-voice link' : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export interface ClientImportRow extends ImportedKeyFacts {
  /** Line in the file where the row starts (1 is the header). */
  line: number;
  name: string;
  /** Identifiers in their normal form, `kind:value kind:value`. */
  identifiers: string;
  ownerEmail: string;
  /** A client with this name exists: the row updates it. */
  action: 'creates' | 'updates';
  errors: string[];
  /** What the key-facts columns add, when they add anything. */
  facts?: string;
  /** The `team` cell, `role_id:email` pairs (lib/import/team-column.ts), when the row sets a team. */
  team?: string;
}

export interface ClientImportPreview {
  rows: ClientImportRow[];
  /** Problems with the file as a whole (no header, no name column, a broken quote): nothing can be imported. */
  fileErrors: string[];
  /** Columns Baton does not know; they are left out of the import. */
  unknownColumns: string[];
}

/**
 * Reads a client list exported from a spreadsheet and says, row by row, what importing it would do
 * and what is wrong. Pure: the page shows the preview, and imports only when nothing is wrong.
 */
export function previewClientImport(text: string, existingNames: readonly string[], team: TeamContext = {}): ClientImportPreview {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { rows: [], fileErrors: [parsed.problem.message], unknownColumns: [] };
  const records = parsed.data.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...body] = records;
  if (!header) return { rows: [], fileErrors: ['The file is empty: it needs a header row with a “name” column.'], unknownColumns: [] };

  const headers = header.cells.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const fileErrors: string[] = [];
  const columns = new Map<Column, number>();
  const unknownColumns: string[] = [];
  headers.forEach((h, i) => {
    if (!(CLIENT_CSV_COLUMNS as readonly string[]).includes(h)) {
      if (h !== '') unknownColumns.push(header.cells[i]?.trim() ?? h);
    } else if (columns.has(h as Column)) fileErrors.push(`The column “${h}” appears twice.`);
    else columns.set(h as Column, i);
  });
  if (!columns.has('name')) fileErrors.push(`The header row has no “name” column. Columns: ${CLIENT_CSV_COLUMNS.join(', ')} (in any order).`);
  if (body.length === 0 && fileErrors.length === 0) fileErrors.push('The file has a header but no clients.');
  if (fileErrors.length > 0) return { rows: [], fileErrors, unknownColumns };

  const existing = new Set(existingNames.map(clientNameKey));
  const firstLineOfName = new Map<string, number>();
  const rows = body.map((record): ClientImportRow => {
    const cell = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? '' : (record.cells[index] ?? '').trim();
    };
    const errors: string[] = [];
    if (record.cells.length > headers.length) errors.push(`This row has ${record.cells.length} values but the header has ${headers.length} columns: is a comma in a name missing its quotes?`);
    const name = cell('name').replace(/\s+/g, ' ');
    if (!name) errors.push('The name is missing.');
    else if (name.length > MAX_NAME) errors.push(`The name is longer than ${MAX_NAME} characters.`);
    const seenOn = firstLineOfName.get(clientNameKey(name));
    if (name && seenOn !== undefined) errors.push(`The same name as line ${seenOn}: merge the two rows.`);
    else if (name) firstLineOfName.set(clientNameKey(name), record.line);
    const { identifiers, errors: identifierErrors } = parseIdentifierList(cell('identifiers'));
    errors.push(...identifierErrors);
    const ownerEmail = cell('owner_email').toLowerCase();
    if (ownerEmail && !EMAIL.test(ownerEmail)) errors.push(`“${ownerEmail}” is not an email address.`);
    // Only the cells the row fills: a blank one leaves that fact of an existing client as it is.
    const keyFacts: ImportedKeyFacts = {};
    for (const column of KEY_FACT_COLUMNS) if (cell(column)) keyFacts[KEY_FACT_FIELDS[column]] = cell(column);
    errors.push(...readImportedKeyFacts(keyFacts).errors);
    const teamCell = readTeamCell(cell('team'), team);
    errors.push(...teamCell.errors);
    const teamSummary = teamCell.pairs.length > 0 ? `team: ${teamCell.pairs.map((p) => p.roleId.replace(/_/g, ' ')).join(', ')}` : '';
    return {
      ...keyFacts,
      line: record.line,
      name,
      identifiers: identifiers.map(identifierKey).join(' '),
      ownerEmail,
      action: existing.has(clientNameKey(name)) ? 'updates' : 'creates',
      errors,
      facts: [factsSummary(keyFacts), teamSummary].filter(Boolean).join('; ') || undefined,
      ...(teamCell.pairs.length > 0 ? { team: teamCell.pairs.map((p) => `${p.roleId}:${p.email}`).join(' ') } : {}),
    };
  });
  return { rows, fileErrors, unknownColumns };
}

/** Nothing is half-imported: only a preview without a single error can be imported. */
export function canImport(preview: ClientImportPreview): boolean {
  return preview.fileErrors.length === 0 && preview.rows.length > 0 && preview.rows.every((r) => r.errors.length === 0);
}

/** The rows as the 'clients/import' request carries them. */
export function toClientDrafts(preview: ClientImportPreview): ImportedClientRow[] {
  return preview.rows.map((row) => {
    const keyFacts: ImportedKeyFacts = {};
    for (const field of Object.values(KEY_FACT_FIELDS)) if (row[field]) keyFacts[field] = row[field];
    return { line: row.line, name: row.name, identifiers: row.identifiers, ...(row.ownerEmail ? { ownerEmail: row.ownerEmail } : {}), ...keyFacts, ...(row.team ? { team: row.team } : {}) };
  });
}
