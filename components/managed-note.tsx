import type { ManagedSettings } from '../lib/storage/managed-settings';
import { helpClass } from './form-styles';

/** The id of the note under a field IT locked: the field names it in aria-describedby. */
export const MANAGED_NOTE_ID = 'managed-by-organisation';
/** The id of the sign-in hint ("Use your @agency.com address"): a "Sign in with …" button names it in aria-describedby. */
export const SIGN_IN_HINT_ID = 'managed-sign-in-hint';

/** Says that a field's value comes from the organisation's IT policy, so the person knows why it is locked. */
export function ManagedNote() {
  return (
    <span id={MANAGED_NOTE_ID} className={helpClass}>
      Set by your organisation
    </span>
  );
}

/** "Use your @agency.com address": which account to sign in with, from the domains IT listed. */
export function signInHint(managed: ManagedSettings | undefined): string | undefined {
  const domains = managed?.allowedDomains ?? [];
  if (domains.length === 0) return undefined;
  const addresses = domains.map((domain) => `@${domain}`);
  const listed = addresses.length === 1 ? addresses[0] : `${addresses.slice(0, -1).join(', ')} or ${addresses.at(-1)}`;
  return `Use your ${listed} address`;
}

/** The sign-in hint as a line of its own; a "Sign in with …" button names SIGN_IN_HINT_ID in aria-describedby. */
export function SignInHint({ managed }: { managed: ManagedSettings | undefined }) {
  const hint = signInHint(managed);
  return hint ? (
    <p id={SIGN_IN_HINT_ID} className={helpClass}>
      {hint}
    </p>
  ) : null;
}

/** What joining needs when IT requires the hub's sign-in: invite codes are refused there. */
export function ManagedSignIn({ managed }: { managed: ManagedSettings }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p>Your organisation requires signing in with your work account; invite codes are not used.</p>
      <SignInHint managed={managed} />
    </div>
  );
}
