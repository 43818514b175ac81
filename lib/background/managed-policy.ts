// IT's rules for joining a hub (lib/storage/managed-settings.ts), in the one place every command that
// joins a hub asks: an invite code (hub/connect) or a sign-in. The pages hide what the policy forbids,
// but the background is where it holds: a page, a script or an older page version cannot get past it.
// The same rule holds for a hub joined before the policy came: sync asks before each round and stream.
import { readManagedSettings, type ManagedSettings } from '../storage/managed-settings';
import { CommandError } from './command-error';

/** How a person joins: an invite code (or the invite link carrying one), or the hub's sign-in. */
export type JoinMethod = 'invite' | 'sign-in';

export interface JoinRequest {
  url: string;
  method: JoinMethod;
  /** The sign-in provider's name ("Google") where the caller knows it. */
  provider?: string;
}

/** Origin and path, without a trailing slash: `https://Hub.example/` and `https://hub.example` are one hub. */
function hubKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

export function isManagedHub(url: string, managedUrl: string): boolean {
  const key = hubKey(url);
  return key !== undefined && key === hubKey(managedUrl);
}

const onlyManagedHub = (managedUrl: string) => `Your organisation set Baton to use its team hub ${managedUrl} only`;

/** Why the policy refuses this join, in words for the person; undefined when it allows it. */
export function joinRefusal(settings: ManagedSettings, { url, method, provider }: JoinRequest): { message: string; field: 'url' | 'code' } | undefined {
  if (settings.hubUrl && !isManagedHub(url, settings.hubUrl)) {
    return { field: 'url', message: `${onlyManagedHub(settings.hubUrl)}; ${url} is another hub.` };
  }
  if (method === 'invite' && settings.signInRequired) {
    return { field: 'code', message: `Your organisation requires signing in with ${provider ?? 'your work account'}, not an invite code.` };
  }
  return undefined;
}

/** Throws the refusal as a command error (code `forbidden`) when IT's policy forbids this join. */
export async function assertJoinAllowed(request: JoinRequest): Promise<void> {
  const refusal = joinRefusal(await readManagedSettings(), request);
  if (refusal) throw new CommandError(refusal.message, 'forbidden', refusal.field);
}

/**
 * Why the policy forbids syncing with the hub this browser already joined (joined before IT set
 * another one), in words for Settings → Team hub and the popup; undefined when it allows it.
 */
export function syncRefusal(settings: ManagedSettings, joinedUrl: string): string | undefined {
  if (!settings.hubUrl || isManagedHub(joinedUrl, settings.hubUrl)) return undefined;
  return `${onlyManagedHub(settings.hubUrl)}: disconnect from ${joinedUrl} in Settings → Team hub, then join ${settings.hubUrl}. Your changes stay on this browser until then.`;
}

/** The refusal under the policy now (read fresh: IT may change it while Baton runs). */
export async function managedSyncRefusal(joinedUrl: string): Promise<string | undefined> {
  return syncRefusal(await readManagedSettings(), joinedUrl);
}
