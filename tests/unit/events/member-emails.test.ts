import { describe, expect, it } from 'vitest';
import { JANE, TOM, workspace } from './builders';

// An address is one member's: the reducer (extension and hub alike) refuses a second holder.
describe('a member’s address', () => {
  it('cannot be taken by another member, however it is capitalised; a free one can', () => {
    const s = workspace();
    const taken = s.try('member.updated', JANE.id, JANE.id, { email: ` ${TOM.email.toUpperCase()} ` });
    expect(taken.ok).toBe(false);
    if (taken.ok) return;
    expect(taken.problem.message).toBe(`${TOM.email} is already a member.`);
    expect(s.model.member(JANE.id)?.email).toBe(JANE.email);
    s.must('member.updated', JANE.id, JANE.id, { email: 'jane.sender@agency.test' });
    expect(s.model.member(JANE.id)?.email).toBe('jane.sender@agency.test');
  });
});
