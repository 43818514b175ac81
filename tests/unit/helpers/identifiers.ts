import type { Identifier } from '../../../lib/sites/types';

/** Identifier lists compare as sets. */
export function keys(identifiers: readonly Identifier[] | undefined): string[] {
  return (identifiers ?? []).map((i) => `${i.kind}:${i.value}`).sort();
}
