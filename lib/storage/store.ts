// The only code that calls browser.storage.{local,session,sync}.{get,set,remove}: every other module
// names a key from ./keys, and what it reads back has been checked against that key's schema.
import { browser } from 'wxt/browser';
import type { StorageArea, StorageKey, StorageKeyFamily } from './keys';

function areaOf(area: StorageArea) {
  return browser.storage[area];
}

/**
 * A stored value as its key's schema reads it. A value that does not fit (an older version wrote it,
 * or it was damaged) is reported and treated as absent: what reads it starts afresh instead of failing.
 */
export function parseStored<T>(key: StorageKey<T>, stored: unknown): T | undefined {
  if (stored === undefined) return undefined;
  const parsed = key.schema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.warn(`Baton ignored a malformed value in storage.${key.area} under "${key.name}": ${parsed.error.message}`);
  return undefined;
}

export async function getItem<T>(key: StorageKey<T>): Promise<T | undefined> {
  const stored = await areaOf(key.area).get(key.name);
  return parseStored(key, stored[key.name]);
}

export async function setItem<T>(key: StorageKey<T>, value: T): Promise<void> {
  await areaOf(key.area).set({ [key.name]: value });
}

export async function removeItem<T>(key: StorageKey<T>): Promise<void> {
  await areaOf(key.area).remove(key.name);
}

/** The ids of every stored key of a family (say, every tab with a recorded state); values stay unread. */
export async function familyIds<T>(family: StorageKeyFamily<T>): Promise<string[]> {
  const all = await areaOf(family.area).get(null);
  return Object.keys(all).flatMap((name) => family.idOf(name) ?? []);
}

type StorageChanges = Record<string, { newValue?: unknown }>;

/**
 * The new value of a key in a `storage.onChanged` notice: undefined when the key did not change,
 * was removed, or now holds something malformed.
 */
export function changedValue<T>(key: StorageKey<T>, changes: StorageChanges, area: string): T | undefined {
  if (area !== key.area || !(key.name in changes)) return undefined;
  return parseStored(key, changes[key.name]?.newValue);
}
