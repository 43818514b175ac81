import { useState } from 'react';
import type { Member } from '../../lib/model/member';
import { Button } from '../button';

/** An admin's actions on another member: change their role, or remove them (after a second, explicit click). */
export function MemberActions({ member, onRole, onRemove }: { member: Member; onRole: (role: Member['role']) => void; onRemove: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <span className="flex flex-wrap items-center gap-2">
        <span>Remove {member.name}? Their access ends now; their history stays.</span>
        <Button variant="danger" onClick={onRemove}>
          Yes, remove
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </span>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={() => onRole(member.role === 'admin' ? 'member' : 'admin')}>
        {member.role === 'admin' ? 'Make member' : 'Make admin'}
      </Button>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {`Remove ${member.name}`}
      </Button>
    </span>
  );
}
