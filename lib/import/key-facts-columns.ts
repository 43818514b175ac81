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

/** "Jane Doe (CMO) <jane@acme.com>", the role and the angle brackets optional: "Tom Lee tom@acme.com". */
function readStakeholder(entry: string): KeyFactsDraft['stakeholders'][number] | null {
  const bracketed = /^(.*?)<([^<>]*)>$/.exec(entry);
  const bare = /^(.*?)(\S+@\S+)$/.exec(entry);
  const [, before = '', email = ''] = bracketed ?? bare ?? [];
  if (!email.trim()) return null;
  const withRole = /^(.*?)\(([^()]*)\)\s*$/.exec(before.trim());
  return { name: (withRole ? withRole[1]! : before).trim(), role: withRole ? withRole[2]!.trim() : '', email: email.trim() };
}

/**
 * The row's key facts, checked as the panel's editor checks them: each problem says what to fix.
 * `facts` holds only what the row gives (a blank cell changes nothing).
 */
export function readImportedKeyFacts(cells: ImportedKeyFacts): { facts: Partial<KeyFacts>; errors: string[] } {
  const errors: string[] = [];
  const stakeholders: KeyFactsDraft['stakeholders'] = [];
  for (const entry of entries(cells.stakeholders ?? '')) {
    const person = readStakeholder(entry);
    if (person) stakeholders.push(person);
    else errors.push(`“${entry}” has no email address: write stakeholders as ${STAKEHOLDER_FORMAT}.`);
  }
  const draft: KeyFactsDraft = {
    stakeholders,
    preferences: entries(cells.preferences ?? ''),
    sensitivities: entries(cells.sensitivities ?? ''),
    toneOfVoiceUrl: cells.toneOfVoiceUrl ?? '',
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
