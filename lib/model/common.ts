import { z } from './zod';

// Bounded everywhere: a record read back from storage or received from a hub is untrusted input.
export const IdSchema = z.string().min(1).max(100).regex(/^[\w:.-]+$/, 'ids are letters, digits and - _ : .');
export const TimestampSchema = z.iso.datetime({ offset: true });
export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** An address or nothing: open items may not have an owner yet. */
export const OptionalEmailSchema = z.union([EmailSchema, z.literal('')]);
export const UrlSchema = z.url({ protocol: /^https?$/ }).max(2048);
export const shortText = (max = 300) => z.string().trim().max(max);
export const longText = (max = 20_000) => z.string().max(max);

export const PersonSchema = z.object({
  name: shortText(200).min(1, 'A person needs a name.'),
  role: shortText(200).default(''),
  email: EmailSchema,
});
export type Person = z.infer<typeof PersonSchema>;

export function newId(): string {
  return crypto.randomUUID();
}
