// A client's key facts (stakeholders, preferences, sensitivities, tone-of-voice link) as a person types
// them in the panel's editor, checked into what a `client.updated` event carries. Pure: the editor, the
// background command and the CSV import say the same thing about the same mistake.
import { PersonSchema, UrlSchema, shortText, type Person } from './common';
import { cutCodePoints } from '../text/clean-text';
import type { Client } from './client';
import { z } from './zod';

/** What the editor holds: every text as typed, rows and items possibly blank. */
export interface KeyFactsDraft {
  stakeholders: { name: string; role: string; email: string }[];
  preferences: string[];
  sensitivities: string[];
  toneOfVoiceUrl: string;
}

/** What a client stores, ready for a `client.updated` payload (`''` clears the tone-of-voice link). */
export interface KeyFacts {
  stakeholders: Person[];
  preferences: string[];
  sensitivities: string[];
  toneOfVoiceUrl: string;
}

export type KeyFactsCheck = { ok: true; facts: KeyFacts } | { ok: false; problems: string[] };

export const KeyFactsDraftSchema = z.object({
  stakeholders: z.array(z.object({ name: z.string().max(1000), role: z.string().max(1000), email: z.string().max(1000) })).max(200),
  preferences: z.array(z.string().max(5000)).max(200),
  sensitivities: z.array(z.string().max(5000)).max(200),
  toneOfVoiceUrl: z.string().max(4000),
});

export const TONE_OF_VOICE_PROBLEM = 'The tone-of-voice link must be a web address, such as https://drive.google.com/… or acme.com/brand.';

/** A link as people type it: "acme.com/brand" means https://acme.com/brand. Blank is no link. */
export function toneOfVoiceLink(typed: string): { ok: true; url: string } | { ok: false; problem: string } {
  const text = typed.trim();
  if (!text) return { ok: true, url: '' };
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(text) ? text : `https://${text}`;
  const parsed = UrlSchema.safeParse(withScheme);
  // A host needs a dot (or is localhost): "brand guide" is not a web address.
  if (!parsed.success || !/^https?:\/\/[^/]*(\.|localhost)/i.test(withScheme)) return { ok: false, problem: TONE_OF_VOICE_PROBLEM };
  return { ok: true, url: parsed.data };
}

/** "Stakeholder 2: “ann at acme” is not an email address." or "Stakeholder 2, role: Too long: …". */
function personProblem(label: string, email: string, issue: { path: PropertyKey[]; message: string } | undefined): string {
  const field = String(issue?.path[0] ?? '');
  if (field === 'email') return `${label}: “${cutCodePoints(email.trim(), 80)}” is not an email address.`;
  return `${label}, ${field}: ${issue?.message ?? 'not valid.'}`;
}

function checkStakeholders(rows: KeyFactsDraft['stakeholders'], problems: string[]): Person[] {
  const people: Person[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const label = `Stakeholder ${i + 1}`;
    // A name is repeated in a message only as far as a person reads it.
    const name = cutCodePoints(row.name.trim(), 80);
    // A row left empty is a row not used, not a mistake.
    if (!row.name.trim() && !row.role.trim() && !row.email.trim()) return;
    const parsed = PersonSchema.safeParse(row);
    if (!row.name.trim()) problems.push(`${label} needs a name.`);
    else if (!row.email.trim()) problems.push(`${label} (${name}) needs an email address.`);
    else if (!parsed.success) problems.push(personProblem(label, row.email, parsed.error.issues[0]));
    if (!parsed.success) return;
    const earlier = seen.get(parsed.data.email);
    if (earlier !== undefined) problems.push(`${label} has the same email as stakeholder ${earlier}.`);
    else seen.set(parsed.data.email, i + 1);
    people.push(parsed.data);
  });
  return people;
}

function checkItems(items: readonly string[], what: string, problems: string[]): string[] {
  // The same bound as the client's own lists (lib/model/client.ts).
  const schema = shortText(1000);
  const kept: string[] = [];
  items.forEach((item, i) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) problems.push(`${what} ${i + 1}: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
    else if (parsed.data) kept.push(parsed.data);
  });
  return [...new Set(kept)];
}

/** The most of each list a client keeps (lib/model/client.ts). */
export const MAX_KEY_FACTS = 200;

/**
 * What is over the client's limits, one sentence per list ("A client keeps at most 200 preferences:
 * this would make 201."): said before an event is made, so nobody sees a schema's raw error.
 */
export function keyFactsCountProblems(facts: Partial<Pick<KeyFacts, 'stakeholders' | 'preferences' | 'sensitivities'>>): string[] {
  const lists = [
    ['stakeholders', facts.stakeholders],
    ['preferences', facts.preferences],
    ['sensitivities', facts.sensitivities],
  ] as const;
  return lists.filter(([, list]) => (list?.length ?? 0) > MAX_KEY_FACTS).map(([what, list]) => `A client keeps at most ${MAX_KEY_FACTS} ${what}: this would make ${list!.length}.`);
}

/** Checks everything at once, so the person sees every problem in one go; blank rows and items are dropped. */
export function checkKeyFacts(draft: KeyFactsDraft): KeyFactsCheck {
  const problems: string[] = [];
  const stakeholders = checkStakeholders(draft.stakeholders, problems);
  const preferences = checkItems(draft.preferences, 'Preference', problems);
  const sensitivities = checkItems(draft.sensitivities, 'Sensitivity', problems);
  const link = toneOfVoiceLink(draft.toneOfVoiceUrl);
  if (!link.ok) problems.push(link.problem);
  problems.push(...keyFactsCountProblems({ stakeholders, preferences, sensitivities }));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, facts: { stakeholders, preferences, sensitivities, toneOfVoiceUrl: link.ok ? link.url : '' } };
}

type Fingerprint<T> = (item: T) => string;
const sameList = <T>(a: readonly T[], b: readonly T[], print: Fingerprint<T>) => a.length === b.length && a.every((item, i) => print(item) === print(b[i]!));

/**
 * One list after the person's edit (`base` → `edited`) is applied to the list as it is now: what they
 * removed goes, what they changed or added replaces or joins (items told apart by `keyOf`), anything
 * else — added since by someone else — stays. A list nobody else touched is saved exactly as edited.
 */
function mergeList<T>(current: readonly T[], base: readonly T[], edited: readonly T[], keyOf: Fingerprint<T>, print: Fingerprint<T>): T[] {
  if (sameList(current, base, print)) return [...edited];
  if (sameList(edited, base, print)) return [...current];
  const editedKeys = new Set(edited.map(keyOf));
  const before = new Map(base.map((item) => [keyOf(item), print(item)]));
  const removed = new Set(base.map(keyOf).filter((key) => !editedKeys.has(key)));
  const mine = new Map(edited.filter((item) => before.get(keyOf(item)) !== print(item)).map((item) => [keyOf(item), item]));
  const kept = current.filter((item) => !removed.has(keyOf(item))).map((item) => mine.get(keyOf(item)) ?? item);
  const have = new Set(kept.map(keyOf));
  return [...kept, ...[...mine.values()].filter((item) => !have.has(keyOf(item)))];
}

const personPrint: Fingerprint<Person> = (p) => JSON.stringify([p.name, p.role, p.email]);
const text: Fingerprint<string> = (t) => t;

/**
 * What the editor saves: the person's changes since they opened it (`base` → `edited`) applied to the
 * client's key facts as they are now, so a teammate's synced edit, a copy from a handoff or an import
 * that landed meanwhile is not wiped out by an editor holding the older lists.
 */
export function mergeKeyFacts(current: KeyFacts, base: KeyFacts, edited: KeyFacts): KeyFacts {
  return {
    stakeholders: mergeList(current.stakeholders, base.stakeholders, edited.stakeholders, (p) => p.email, personPrint),
    preferences: mergeList(current.preferences, base.preferences, edited.preferences, text, text),
    sensitivities: mergeList(current.sensitivities, base.sensitivities, edited.sensitivities, text, text),
    toneOfVoiceUrl: edited.toneOfVoiceUrl === base.toneOfVoiceUrl ? current.toneOfVoiceUrl : edited.toneOfVoiceUrl,
  };
}

/** The editor's starting point: what the client has now. */
export function keyFactsDraft(client: Pick<Client, 'stakeholders' | 'preferences' | 'sensitivities' | 'toneOfVoiceUrl'>): KeyFactsDraft {
  return {
    stakeholders: client.stakeholders.map((p) => ({ name: p.name, role: p.role, email: p.email })),
    preferences: [...client.preferences],
    sensitivities: [...client.sensitivities],
    toneOfVoiceUrl: client.toneOfVoiceUrl ?? '',
  };
}
