// What the agency's IT set for Baton by policy (browser.storage.managed, declared in
// public/managed-schema.json; docs/it-deployment.md shows the policies). Read fresh on every use: IT can
// change a policy while Baton runs (Chrome reports it through storage.onChanged, area "managed").
//
// Policy is outside Baton's control and may be wrong: each setting is parsed on its own, a bad one is
// ignored (with a warning) and the others still hold; reading never throws. Firefox throws when no policy
// names Baton at all, and a browser without managed storage has none: both read as "nothing managed".
import { browser } from 'wxt/browser';
import { z } from '../model/zod';

export interface ManagedSettings {
  /** The only hub Baton may join, normalised (no trailing slash); undefined when IT set none. */
  hubUrl?: string;
  /** People join with the hub's sign-in, never with an invite code. */
  signInRequired: boolean;
  /** Email domains shown as a hint on the sign-in button (lower case, no "@"). */
  allowedDomains: string[];
}

/** No policy: every setting at its default (a fresh object each time: callers may keep and change it). */
export const nothingManaged = (): ManagedSettings => ({ signInRequired: false, allowedDomains: [] });

/** Only https: a hub on another machine receives the member token with every request. */
const HubUrlSchema = z
  .url({ protocol: /^https$/ })
  .max(500)
  .transform((url) => url.replace(/\/+$/, ''));
const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((domain) => domain.replace(/^@/, ''))
  .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/));

function field<T>(raw: Record<string, unknown>, name: string, schema: z.ZodType<T>): T | undefined {
  if (raw[name] === undefined) return undefined;
  const parsed = schema.safeParse(raw[name]);
  if (parsed.success) return parsed.data;
  console.warn(`Baton ignored the managed setting "${name}" set by policy: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
  return undefined;
}

/** The settings a policy object holds; anything malformed in it is left out. */
export function parseManagedSettings(raw: unknown): ManagedSettings {
  if (typeof raw !== 'object' || raw === null) return nothingManaged();
  const record = raw as Record<string, unknown>;
  const hubUrl = field(record, 'hubUrl', HubUrlSchema);
  const domains = field(record, 'allowedDomains', z.array(z.unknown()).max(50)) ?? [];
  return {
    ...(hubUrl ? { hubUrl } : {}),
    signInRequired: field(record, 'signInRequired', z.boolean()) ?? false,
    allowedDomains: domains.flatMap((domain) => {
      const parsed = DomainSchema.safeParse(domain);
      return parsed.success ? [parsed.data] : [];
    }),
  };
}

/** The managed settings now (nothing managed where the browser has no policy for Baton). */
export async function readManagedSettings(): Promise<ManagedSettings> {
  try {
    const managed = (browser.storage as { managed?: { get(): Promise<unknown> } }).managed;
    return managed ? parseManagedSettings(await managed.get()) : nothingManaged();
  } catch {
    // Firefox: "Managed storage manifest not found" when no policy names Baton.
    return nothingManaged();
  }
}

/**
 * Calls `onChange` with the new settings whenever IT changes the policy; returns the unsubscribe.
 * Firefox loads policy only at start and never reports a change: there the listener never fires.
 */
export function watchManagedSettings(onChange: (settings: ManagedSettings) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') void readManagedSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
