// The optional key-facts columns of the client CSV import (ARCHITECTURE §3.3 adds them beside `name`,
// `identifiers` and `owner_email`), written as a spreadsheet user types them:
//   stakeholders       Jane Doe (CMO) <jane@acme.com>; Tom Lee <tom@acme.com>
//   preferences        Calls, not email, for budget; Reports as PDF
//   sensitivities      Never mention the 2023 recall
//   tone_of_voice_url  https://acme.com/brand (or acme.com/brand)
// Entries are separated by ";" (a comma belongs in a role or a preference: "CMO, signs off").
// Pure: the options page previews with it and the background checks the same text again.
import type { Client } from '../model/client';
import { checkKeyFacts, type KeyFacts, type KeyFactsDraft } from '../model/key-facts';
import { codePointLength, cutCodePoints } from '../text/clean-text';

export const KEY_FACT_COLUMNS = ['stakeholders', 'preferences', 'sensitivities', 'tone_of_voice_url'] as const;

/** The cells as typed; a blank or missing cell leaves that fact of the client as it is. */
export interface ImportedKeyFacts {
  stakeholders?: string;
  preferences?: string;
  sensitivities?: string;
  toneOfVoiceUrl?: string;
}

export const STAKEHOLDER_FORMAT = 'Name (Role) <email>, separated by “;”';

const entries = (text: string) =>
  text
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean);

/** Longer than any real "Name (Role) <email>" (200 + 200 + 254): refused before it is read at all. */
export const MAX_STAKEHOLDER_ENTRY = 700;

/** The most each cell may hold, as the background's import request accepts it (lib/background/commands/clients.ts). */
export const KEY_FACT_CELL_LIMITS: Record<keyof ImportedKeyFacts, number> = {
  stakeholders: 100_000,
  preferences: 300_000,
  sensitivities: 300_000,
  toneOfVoiceUrl: 4000,
};

const CELL_NAMES: Record<keyof ImportedKeyFacts, string> = { stakeholders: 'stakeholders', preferences: 'preferences', sensitivities: 'sensitivities', toneOfVoiceUrl: 'tone_of_voice_url' };

/**
 * "Jane Doe (CMO) <jane@acme.com>", the role and the angle brackets optional: "Tom Lee tom@acme.com".
 * Without brackets the address is the last word, if it has an "@". Only bounded entries get here: the
 * regular expressions below stay linear-time enough on hostile text of that length.
 */
function readStakeholder(entry: string): KeyFactsDraft['stakeholders'][number] | null {
  const bracketed = /^(.*?)<([^<>]*)>$/.exec(entry);
  let before = bracketed?.[1] ?? '';
  let email = bracketed?.[2] ?? '';
  if (!bracketed) {
    const words = entry.split(/\s+/);
    const last = words.pop() ?? '';
    if (last.includes('@')) [before, email] = [words.join(' '), last];
  }
  if (!email.trim()) return null;
  const withRole = /^(.*?)\(([^()]*)\)\s*$/.exec(before.trim());
  return { name: (withRole ? withRole[1]! : before).trim(), role: withRole ? withRole[2]!.trim() : '', email: email.trim() };
}

function readStakeholders(cell: string, errors: string[]): KeyFactsDraft['stakeholders'] {
  const stakeholders: KeyFactsDraft['stakeholders'] = [];
  for (const entry of entries(cell)) {
    const person = codePointLength(entry) > MAX_STAKEHOLDER_ENTRY ? undefined : readStakeholder(entry);
    if (person) stakeholders.push(person);
    else if (person === undefined) errors.push(`“${cutCodePoints(entry, 40)}…” is longer than ${MAX_STAKEHOLDER_ENTRY} characters: write stakeholders as ${STAKEHOLDER_FORMAT}.`);
    else errors.push(`“${cutCodePoints(entry, 200)}” has no email address: write stakeholders as ${STAKEHOLDER_FORMAT}.`);
  }
  return stakeholders;
}

/** The cells within their limits; a cell over its limit is said and read as empty. */
function boundedCells(cells: ImportedKeyFacts, errors: string[]): ImportedKeyFacts {
  const bounded: ImportedKeyFacts = {};
  for (const key of Object.keys(KEY_FACT_CELL_LIMITS) as (keyof ImportedKeyFacts)[]) {
    const cell = cells[key];
    if (cell === undefined) continue;
    if (cell.length > KEY_FACT_CELL_LIMITS[key]) errors.push(`The ${CELL_NAMES[key]} cell is longer than ${KEY_FACT_CELL_LIMITS[key].toLocaleString('en-US')} characters.`);
    else bounded[key] = cell;
  }
  return bounded;
}

/**
 * The row's key facts, checked as the panel's editor checks them: each problem says what to fix.
 * `facts` holds only what the row gives (a blank cell changes nothing).
 */
export function readImportedKeyFacts(cells: ImportedKeyFacts): { facts: Partial<KeyFacts>; errors: string[] } {
  const errors: string[] = [];
  const bounded = boundedCells(cells, errors);
  const stakeholders = readStakeholders(bounded.stakeholders ?? '', errors);
  const draft: KeyFactsDraft = {
    stakeholders,
    preferences: entries(bounded.preferences ?? ''),
    sensitivities: entries(bounded.sensitivities ?? ''),
    toneOfVoiceUrl: bounded.toneOfVoiceUrl ?? '',
  };
  const checked = checkKeyFacts(draft);
  if (!checked.ok) errors.push(...checked.problems);
  if (errors.length > 0 || !checked.ok) return { facts: {}, errors };
  const facts: Partial<KeyFacts> = {};
  if (stakeholders.length > 0) facts.stakeholders = checked.facts.stakeholders;
  if (draft.preferences.length > 0) facts.preferences = checked.facts.preferences;
  if (draft.sensitivities.length > 0) facts.sensitivities = checked.facts.sensitivities;
  if (checked.facts.toneOfVoiceUrl) facts.toneOfVoiceUrl = checked.facts.toneOfVoiceUrl;
  return { facts, errors };
}

/**
 * What adding `facts` to a client changes, as a `client.updated` payload carries it: a stakeholder
 * whose email the client has replaces that entry (a new role, say), others are added; preferences and
 * sensitivities are added unless already there; a link replaces the old one. Nothing is removed: an
 * import or a copy adds to what people typed in the panel.
 */
export function addKeyFacts(client: Pick<Client, 'stakeholders' | 'preferences' | 'sensitivities'>, facts: Partial<KeyFacts>): Partial<KeyFacts> {
  const patch: Partial<KeyFacts> = {};
  if (facts.stakeholders?.length) {
    const incoming = new Map(facts.stakeholders.map((p) => [p.email, p]));
    const kept = client.stakeholders.map((p) => incoming.get(p.email) ?? p);
    const have = new Set(client.stakeholders.map((p) => p.email));
    patch.stakeholders = [...kept, ...facts.stakeholders.filter((p) => !have.has(p.email))];
  }
  if (facts.preferences?.length) patch.preferences = [...new Set([...client.preferences, ...facts.preferences])];
  if (facts.sensitivities?.length) patch.sensitivities = [...new Set([...client.sensitivities, ...facts.sensitivities])];
  if (facts.toneOfVoiceUrl) patch.toneOfVoiceUrl = facts.toneOfVoiceUrl;
  return patch;
}
