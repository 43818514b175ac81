import type { BatonDatabase } from './open';
import type { MetaKey, MetaValues } from './schema';

type MetaValue = MetaValues[MetaKey];
/** The meta store inside a transaction: what getMeta and putMeta need of it. */
interface MetaReader {
  get(key: MetaKey): Promise<MetaValue | undefined>;
}
interface MetaWriter {
  put(value: MetaValue, key: MetaKey): Promise<unknown>;
}

function isDatabase(source: object): source is BatonDatabase {
  return 'objectStoreNames' in source;
}

/** One meta value with its key's type, from the database or from the meta store of a transaction. */
export function getMeta<K extends MetaKey>(from: BatonDatabase | MetaReader, key: K): Promise<MetaValues[K] | undefined> {
  const value = isDatabase(from) ? from.get('meta', key) : from.get(key);
  // putMeta is the only writer, and it writes each key's own type: the key decides what reads back.
  return value as Promise<MetaValues[K] | undefined>;
}

export async function putMeta<K extends MetaKey>(to: BatonDatabase | MetaWriter, key: K, value: MetaValues[K]): Promise<void> {
  await (isDatabase(to) ? to.put('meta', value, key) : to.put(value, key));
}
