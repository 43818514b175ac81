import { browser } from 'wxt/browser';
import { ClientSchema, MatchSettingsSchema, type Client, type MatchSettings } from '../model/client';
import { parseIdentifierList } from '../model/identifier';
import type { ClientDraft } from '../messaging/protocol';
import { z } from '../model/zod';
import { serial } from './serial';

// Clients and match settings live in storage.local until the event-sourced IndexedDB store replaces it.
export const CLIENTS_KEY = 'baton:clients';
export const SETTINGS_KEY = 'baton:settings';

export class ValidationError extends Error {}

const writeQueue = serial();

export async function listClients(): Promise<Client[]> {
  const stored = (await browser.storage.local.get(CLIENTS_KEY))[CLIENTS_KEY];
  // A corrupt entry is skipped, not fatal: the rest of the directory stays usable.
  const parsed = z.array(z.unknown()).safeParse(stored);
  if (!parsed.success) return [];
  return parsed.data.flatMap((raw) => {
    const client = ClientSchema.safeParse(raw);
    return client.success ? [client.data] : [];
  });
}

export async function getSettings(): Promise<MatchSettings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const parsed = MatchSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : MatchSettingsSchema.parse({});
}

export function saveSettings(settings: MatchSettings): Promise<MatchSettings> {
  return writeQueue(async () => {
    const clean = MatchSettingsSchema.parse({
      ownDomains: [...new Set(settings.ownDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))],
    });
    await browser.storage.local.set({ [SETTINGS_KEY]: clean });
    return clean;
  });
}

/** Creates or updates a client from what a person typed; every problem is reported, nothing half-saved. */
export function saveClient(draft: ClientDraft, now = new Date()): Promise<Client> {
  return writeQueue(async () => {
    const { identifiers, errors } = parseIdentifierList(draft.identifiers);
    if (errors.length > 0) throw new ValidationError(errors.join(' '));
    const clients = await listClients();
    const existing = draft.id ? clients.find((c) => c.id === draft.id) : undefined;
    if (draft.id && !existing) throw new ValidationError('That client no longer exists.');
    const name = draft.name.trim();
    if (clients.some((c) => c.id !== existing?.id && c.name.toLowerCase() === name.toLowerCase())) {
      throw new ValidationError(`A client named "${name}" already exists.`);
    }
    // An edit changes what the form holds and keeps everything else the client has.
    const candidate = {
      stakeholders: [],
      preferences: [],
      sensitivities: [],
      ...existing,
      id: existing?.id ?? crypto.randomUUID(),
      name,
      identifiers,
      ownerEmail: draft.ownerEmail?.trim().toLowerCase() || undefined,
      createdAt: existing?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const parsed = ClientSchema.safeParse(candidate);
    if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join(' '));
    const next = existing ? clients.map((c) => (c.id === existing.id ? parsed.data : c)) : [...clients, parsed.data];
    await browser.storage.local.set({ [CLIENTS_KEY]: next });
    return parsed.data;
  });
}

export function deleteClient(id: string): Promise<boolean> {
  return writeQueue(async () => {
    const clients = await listClients();
    const next = clients.filter((c) => c.id !== id);
    if (next.length === clients.length) return false;
    await browser.storage.local.set({ [CLIENTS_KEY]: next });
    return true;
  });
}
