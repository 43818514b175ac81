import { codePointLength, stripUnsafe } from '../text/clean-text';
import { z } from './zod';

// Bounded everywhere: a record read back from storage or received from a hub is untrusted input.
export const IdSchema = z.string().min(1).max(100).regex(/^[\w:.-]+$/, 'ids are letters, digits and - _ : .');
export const TimestampSchema = z.iso.datetime({ offset: true });
export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** An address or nothing: open items may not have an owner yet. */
export const OptionalEmailSchema = z.union([EmailSchema, z.literal('')]);
export const UrlSchema = z.url({ protocol: /^https?$/ }).max(2048);
/**
 * Text in any record: NUL, other control characters and lone surrogates are removed on the way in
 * (a transform, not a refusal: they are invisible, mean nothing to a person, and one of them would
 * make the hub's database refuse the whole event), then the length is checked in code points, as
 * `cleanText` cuts, so an emoji at the limit counts once. A text too long is refused, never silently
 * shortened: the person sees which field is too long.
 */
const safeText = (max: number, clean: (text: string) => string) =>
  z
    .string()
    .overwrite(clean)
    .refine((text) => codePointLength(text) <= max, { message: `Too long: at most ${max} characters.`, abort: true });
export const shortText = (max = 300) => safeText(max, (text) => stripUnsafe(text).trim());
export const longText = (max = 20_000) => safeText(max, stripUnsafe);

export const PersonSchema = z.object({
  name: shortText(200).min(1, 'A person needs a name.'),
  role: shortText(200).default(''),
  email: EmailSchema,
});
export type Person = z.infer<typeof PersonSchema>;

export function newId(): string {
  return crypto.randomUUID();
}
