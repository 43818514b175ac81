import { useState } from 'react';
import { MEMBER_ROLES, type Member } from '../../lib/model/member';
import { inputClass, labelClass } from '../form-styles';

export const ROLE_WORDS: Record<Member['role'], string> = { admin: 'Admin', member: 'Member' };

export interface Person {
  name: string;
  email: string;
  role: Member['role'];
}

const NOBODY: Person = { name: '', email: '', role: 'member' };

/** A colleague being added or invited: the fields' values, and `reset` once they are sent. */
export function usePerson() {
  const [person, setPerson] = useState<Person>(NOBODY);
  return { person, change: (patch: Partial<Person>) => setPerson((p) => ({ ...p, ...patch })), reset: () => setPerson(NOBODY) };
}

/** Name, email and role of a colleague; `words` names the first two as the form around them says it. */
export function PersonFields({ person, change, words = { name: 'Name', email: 'Email' } }: { person: Person; change(patch: Partial<Person>): void; words?: { name: string; email: string } }) {
  return (
    <>
      <label className={labelClass}>
        {words.name}
        <input className={inputClass} value={person.name} onChange={(e) => change({ name: e.target.value })} required maxLength={200} />
      </label>
      <label className={labelClass}>
        {words.email}
        <input className={inputClass} type="email" value={person.email} onChange={(e) => change({ email: e.target.value })} required />
      </label>
      <label className={labelClass}>
        Role
        <select className={inputClass} value={person.role} onChange={(e) => change({ role: e.target.value as Member['role'] })}>
          {MEMBER_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_WORDS[r]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
