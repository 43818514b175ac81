/** When a `Retry-After` header is missing or unreadable. */
export const FALLBACK_RETRY_AFTER_S = 60;

/**
 * `Retry-After` in seconds, at least one: a number of seconds or an HTTP date
 * (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after); `fallback` when absent or unreadable.
 * One reading for every outside service the hub calls (Asana, Slack).
 */
export function retryAfterSeconds(header: string | null, fallback = FALLBACK_RETRY_AFTER_S, now = Date.now()): number {
  if (header === null || header.trim() === '') return fallback;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : Math.ceil((Date.parse(header) - now) / 1000);
  return Number.isFinite(seconds) ? Math.max(1, seconds) : fallback;
}
