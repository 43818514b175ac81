// The normal forms of ARCHITECTURE.md §3.1, shared by the page readers (no zod: content scripts) and
// by the model's schemas, so a value read from a page and one typed by a person compare equal.

export const EMAIL_PATTERN = /^[^\s@<>"'(),;:]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/;
export const DOMAIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/;
export const LEGACY_THREAD_ID = /^[0-9a-f]{16}$/i;

/** Lower-case address, or undefined when it is not one. */
export function normaliseEmail(raw: string | null | undefined): string | undefined {
  const email = raw?.trim().toLowerCase();
  return email && email.length <= 254 && EMAIL_PATTERN.test(email) ? email : undefined;
}

/** Lower-case domain without a leading @, or undefined. */
export function normaliseDomain(raw: string | null | undefined): string | undefined {
  const domain = raw?.trim().toLowerCase().replace(/^@/, '');
  return domain && domain.length <= 253 && DOMAIN_PATTERN.test(domain) ? domain : undefined;
}

/** The value when it is a plain run of digits, not all zeros (ids on every site are), else undefined. */
export function digits(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && /^\d{1,30}$/.test(trimmed) && !/^0+$/.test(trimmed) ? trimmed : undefined;
}
