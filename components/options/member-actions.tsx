import { useEffect, useId, useRef, useState } from 'react';
import type { Member } from '../../lib/model/member';
import { Button } from '../button';

/**
 * An admin's actions on another member: change their role, or remove them (after a second, explicit
 * click). Focus stays with the person: on Cancel when the question appears, back on Remove if they
 * cancel. Each button names the member, as the list repeats them on every row.
 */
export function MemberActions({ member, onRole, onRemove }: { member: Member; onRole: (role: Member['role']) => void; onRemove: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const question = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (asked.current) removeRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  if (confirming) {
    return (
      <span role="group" aria-labelledby={question} className="flex flex-wrap items-center gap-2">
        <span id={question}>Remove {member.name}? Their access ends now; their history stays.</span>
        <Button variant="danger" onClick={onRemove} aria-label={`Yes, remove ${member.name}`}>
          Yes, remove
        </Button>
        <Button ref={cancelRef} variant="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </span>
    );
  }
  const next = member.role === 'admin' ? 'member' : 'admin';
  const label = next === 'admin' ? 'Make admin' : 'Make member';
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={() => onRole(next)} aria-label={`${label}: ${member.name}`}>
        {label}
      </Button>
      <Button ref={removeRef} variant="danger" onClick={() => setConfirming(true)}>
        {`Remove ${member.name}`}
      </Button>
    </span>
  );
}
