import { IDENTIFIER_KINDS, SITES } from '../sites/types';
import { longText } from './common';
import { z } from './zod';

// The runtime check of what a content script sends: the same shape as lib/sites/types.ts, bounded so
// a hostile page cannot make the background store megabytes per tab.
// Counted in code points, as the readers cut (an emoji at the limit must not push a subject over it).
const text = (max: number) => longText(max);
const email = z.string().max(254).regex(/^[^\s@]+@[^\s@]+$/);

export const PageContextSchema = z.object({
  site: z.enum(SITES),
  url: text(4096),
  title: text(500).optional(),
  accountEmail: email.optional(),
  identifiers: z.array(z.object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string().min(1).max(254) })).max(500),
  thread: z
    .object({
      id: text(200),
      legacyId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
      subject: text(1000),
      participants: z
        .array(z.object({ email, name: text(200).optional(), role: z.enum(['from', 'to', 'cc']) }))
        .max(500),
      messageIds: z.array(text(200)).max(500),
    })
    .optional(),
  inbox: z
    .object({
      view: text(500),
      rows: z
        .array(
          z.object({
            id: text(200),
            legacyId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
            subject: text(500).optional(),
            senders: z.array(z.object({ email, name: text(200).optional() })).max(50),
            unread: z.boolean(),
          }),
        )
        .max(200),
    })
    .optional(),
  task: z
    .object({
      id: z.string().regex(/^\d+$/),
      name: text(300).optional(),
      projectId: z.string().regex(/^\d+$/).optional(),
      workspaceId: z.string().regex(/^\d+$/).optional(),
    })
    .optional(),
  account: z.object({ id: z.string().regex(/^\d+$/), name: text(200).optional() }).optional(),
});
