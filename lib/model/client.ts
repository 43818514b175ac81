import { IdSchema, PersonSchema, UrlSchema, shortText } from './common';
import { IdentifierSchema } from './identifier';
import { ClientTeamSchema } from './team';
import { z } from './zod';

export const ClientSchema = z.object({
  id: z.string().min(1).max(100),
  // One spelling per name: "Café" typed precomposed or as "Cafe" + a combining accent is one client.
  name: z.string().trim().normalize('NFC').min(1, 'A client needs a name.').max(200),
  identifiers: z.array(IdentifierSchema).max(500),
  /** The member accountable for the client now; a confirmed transition hands it on. */
  ownerId: IdSchema.optional(),
  stakeholders: z.array(PersonSchema).max(200).default([]),
  preferences: z.array(shortText(1000)).max(200).default([]),
  sensitivities: z.array(shortText(1000)).max(200).default([]),
  toneOfVoiceUrl: UrlSchema.optional(),
  /** Who holds each client-team role for this client (`client.team_set`); absent: nobody yet. */
  team: ClientTeamSchema.optional(),
  archived: z.boolean().default(false),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof ClientSchema>;

/** Agency-wide settings the matcher needs. */
export const MatchSettingsSchema = z.object({
  /** The agency's own mail domains: colleagues never identify a client. */
  ownDomains: z.array(z.string().trim().toLowerCase()).max(100).default([]),
});
export type MatchSettings = z.infer<typeof MatchSettingsSchema>;

/** How client names compare (import, duplicates): case, outer and repeated spaces, and how an accent was typed do not count. */
export function clientNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
