// What a confirmed handoff can add to its client's key facts: the client-side people it names and the
// decisions it records. The panel shows the offer; one click copies it as one `client.updated`.
import { mailDomainOwner } from '../match/agency-domains';
import { PersonSchema, type Person } from '../model/common';
import type { Client } from '../model/client';
import type { Handoff } from '../model/handoff';
import type { Template } from '../model/template';
import { cutCodePoints, codePointLength } from '../text/clean-text';

export interface KeyFactsOffer {
  /** People from the handoff's people fields that the client does not have (by email). */
  stakeholders: Person[];
  /** The handoff's decisions, as preferences the client does not have yet. */
  preferences: string[];
}

/** Who is not a client stakeholder: a teammate, or anyone at one of the agency's own domains. */
export interface Colleagues {
  memberEmails: ReadonlySet<string>;
  ownDomains: readonly string[];
}

/** A client preference is at most 1000 characters (lib/model/client.ts); the decision comes first, whole. */
const MAX_PREFERENCE = 1000;

/**
 * A decision as an account manager reads it among the client's preferences: "No brand bidding (why:
 * the CFO sees it as paying for free traffic)". Decisions go to preferences rather than to a note in
 * the history because they are standing rules for working with the client ("we don't do X, because
 * Y"): the next person looks for them in the key facts, first thing, not in a history that scrolls
 * away. What was considered and rejected stays in the handoff, one click away from the history.
 */
export function decisionAsPreference(decision: { decision: string; rationale: string }): string {
  const what = decision.decision.trim();
  const why = decision.rationale.trim();
  if (!what) return '';
  if (!why) return cutCodePoints(what, MAX_PREFERENCE);
  const full = `${what} (why: ${why})`;
  if (codePointLength(full) <= MAX_PREFERENCE) return full;
  return codePointLength(what) >= MAX_PREFERENCE - 10 ? cutCodePoints(what, MAX_PREFERENCE) : `${cutCodePoints(full, MAX_PREFERENCE - 2)}…)`;
}

function isColleague(email: string, colleagues: Colleagues): boolean {
  return colleagues.memberEmails.has(email) || mailDomainOwner(email, colleagues.ownDomains) === 'agency';
}

/** The offer of a confirmed handoff; empty lists when the client already has everything (or it is not confirmed). */
export function keyFactsOffer(handoff: Handoff, template: Template, client: Pick<Client, 'stakeholders' | 'preferences'>, colleagues: Colleagues): KeyFactsOffer {
  const offer: KeyFactsOffer = { stakeholders: [], preferences: [] };
  if (handoff.state !== 'confirmed') return offer;
  const emails = new Set(client.stakeholders.map((p) => p.email));
  const preferences = new Set(client.preferences);
  for (const field of template.fields) {
    const value = handoff.fields[field.id];
    if (!Array.isArray(value)) continue;
    if (field.type === 'people') {
      for (const typed of value) {
        // A person typed without a valid email cannot be a stakeholder (the client keys them by email).
        const parsed = PersonSchema.safeParse(typed);
        if (!parsed.success || emails.has(parsed.data.email) || isColleague(parsed.data.email, colleagues)) continue;
        emails.add(parsed.data.email);
        offer.stakeholders.push(parsed.data);
      }
    } else if (field.type === 'decisions') {
      for (const decision of value as { decision: string; rationale: string }[]) {
        const preference = decisionAsPreference(decision);
        if (!preference || preferences.has(preference)) continue;
        preferences.add(preference);
        offer.preferences.push(preference);
      }
    }
  }
  return offer;
}
