/**
 * Text as it enters Baton (plain functions, no zod: content scripts use them too): PostgreSQL (and PGlite) refuse NUL and lone surrogates in jsonb, so one
 * such character in one event would make the hub refuse the whole event. Every place text comes in
 * (page reads, selections, forms through the zod schemas) cleans it here.
 */

// C0 controls (NUL included) except tab (09), newline (0A) and carriage return (0D).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// What PostgreSQL refuses in jsonb and text: NUL, and half of a surrogate pair.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const STORE_REFUSES = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The text without NUL, other control characters (tab, newline and CR stay) and lone surrogates. */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE_CONTROLS, '').replace(LONE_SURROGATE, '');
}

/** At most `maxCodePoints` characters, cut between code points (an emoji is kept whole or left out). */
export function cutCodePoints(text: string, maxCodePoints: number): string {
  if (text.length <= maxCodePoints) return text;
  let end = 0;
  let count = 0;
  for (const char of text) {
    if (count === maxCodePoints) break;
    end += char.length;
    count += 1;
  }
  return text.slice(0, end);
}

/** Safe text of at most `maxCodePoints` code points: stripped first, then cut. */
export function cleanText(text: string, maxCodePoints: number): string {
  return cutCodePoints(stripUnsafe(text), maxCodePoints);
}

/** Like `cleanText`, without white space at either end; '' when nothing is left. */
export function cleanTrimmed(text: string, maxCodePoints: number): string {
  return cutCodePoints(stripUnsafe(text).trim(), maxCodePoints).trimEnd();
}

/** The number of code points (what a person counts as characters, near enough): an emoji is one. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** True when a string anywhere in the value (keys included) holds NUL or a lone surrogate. */
export function hasStoreRefusedText(value: unknown): boolean {
  // Iterative: a deeply nested value must not overflow the stack.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (STORE_REFUSES.test(item)) return true;
    } else if (Array.isArray(item)) {
      // One by one: spreading half a million items into push() overflows the stack too.
      for (const child of item) stack.push(child);
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (STORE_REFUSES.test(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}
