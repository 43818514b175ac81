import { IDENTIFIER_LABELS } from '../sites/labels';
import { digits, normaliseDomain, normaliseEmail } from '../sites/normal-forms';
import { IDENTIFIER_KINDS, type Identifier, type IdentifierKind } from '../sites/types';
import { failure, type Result, succeed } from '../result';
import { z } from './zod';

const DIGIT_KINDS: ReadonlySet<IdentifierKind> = new Set(
  IDENTIFIER_KINDS.filter((k) => !['email', 'email-domain', 'gmail-thread'].includes(k)),
);
const THREAD = /^(?:[0-9a-f]{16}|thread-[a-z]:[\w:-]{1,100})$/;

/**
 * The normal form of §3.1 from what a person typed: "482-019-3375" → "4820193375",
 * "@Acme.com" → "acme.com", "Bob@Acme.com" → "bob@acme.com".
 */
export function normaliseIdentifier(kind: string, raw: string): Result<Identifier> {
  if (!(IDENTIFIER_KINDS as readonly string[]).includes(kind)) {
    return failure('bad-request', `Unknown identifier kind "${kind}". Known kinds: ${IDENTIFIER_KINDS.join(', ')}.`);
  }
  const k = kind as IdentifierKind;
  let value = raw.trim();
  if (DIGIT_KINDS.has(k)) {
    const id = digits(value.replace(/[\s-]/g, '').replace(/^act_/i, ''));
    if (!id) return failure('bad-request', `${IDENTIFIER_LABELS[k]}: digits only, got "${raw}".`);
    value = id;
    if (k === 'google-ads-customer' && value.length !== 10) {
      return failure('bad-request', `A Google Ads customer ID has 10 digits (123-456-7890), got "${raw}".`);
    }
  } else if (k === 'email') {
    const email = normaliseEmail(value);
    if (!email) return failure('bad-request', `"${raw}" is not an email address.`);
    value = email;
  } else if (k === 'email-domain') {
    const domain = normaliseDomain(value);
    if (!domain) return failure('bad-request', `"${raw}" is not a domain (e.g. acme.com).`);
    value = domain;
  } else {
    value = /^[0-9a-f]{16}$/i.test(value) ? value.toLowerCase() : value;
    if (!THREAD.test(value)) return failure('bad-request', `"${raw}" is not a Gmail thread id.`);
  }
  return succeed({ kind: k, value });
}

/** Parses `kind:value kind:value …` (the CSV and options-page format of ARCHITECTURE.md §3.3). */
export function parseIdentifierList(text: string): { identifiers: Identifier[]; errors: string[] } {
  const identifiers: Identifier[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    const colon = token.indexOf(':');
    if (colon <= 0) {
      errors.push(`"${token}" should look like kind:value, e.g. email-domain:acme.com.`);
      continue;
    }
    const result = normaliseIdentifier(token.slice(0, colon), token.slice(colon + 1));
    if (!result.ok) errors.push(result.problem.message);
    else if (!seen.has(identifierKey(result.data))) {
      seen.add(identifierKey(result.data));
      identifiers.push(result.data);
    }
  }
  return { identifiers, errors };
}

export function identifierKey(identifier: Identifier): string {
  return `${identifier.kind}:${identifier.value}`;
}

export const IdentifierSchema = z
  .object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string().min(1).max(254) })
  .refine((id) => {
    const result = normaliseIdentifier(id.kind, id.value);
    return result.ok && result.data.value === id.value;
  }, 'identifier value is not in its normal form');
