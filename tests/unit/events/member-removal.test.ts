import { describe, expect, it } from 'vitest';
import { ADA, driveTo, JANE, SAM, TOM, workspace } from './builders';

const refusal = (decision: { ok: boolean; problem?: { message: string } }) => (decision.ok ? 'accepted' : decision.problem!.message);

describe('removing a member', () => {
  it('is an admin’s call; the member is marked removed, keeps their history, and can no longer act or receive', () => {
    const s = driveTo('sent');
    expect(refusal(s.try('member.removed', JANE.id, TOM.id, {}))).toBe('Only an admin can remove members.');
    s.must('member.removed', ADA.id, TOM.id, { reason: 'Left the agency.' });
    expect(s.model.member(TOM.id)?.removedAt).toBeDefined();
    expect(s.model.handoffs.get('h-1')?.receiverId).toBe(TOM.id);
    expect(refusal(s.try('member.removed', ADA.id, TOM.id, {}))).toBe(`${TOM.name} was already removed.`);
    expect(refusal(s.try('handoff.confirmed', TOM.id, 'h-1', {}))).toBe(`${TOM.name} was removed from this workspace and can no longer make changes.`);
    expect(refusal(s.try('member.updated', ADA.id, TOM.id, { role: 'admin' }))).toBe(`${TOM.name} was removed from this workspace.`);
    // Their open handoff goes to someone on the team; never back to them.
    expect(refusal(s.try('handoff.reassigned', ADA.id, 'h-1', { receiverId: TOM.id }))).toMatch(/was removed from the workspace: choose another receiver/);
    s.must('handoff.reassigned', ADA.id, 'h-1', { receiverId: SAM.id, reason: 'Tom left.' });
    expect(s.model.handoffs.get('h-1')?.receiverId).toBe(SAM.id);
  });

  it('never leaves the workspace without an admin', () => {
    const s = workspace();
    expect(refusal(s.try('member.removed', ADA.id, ADA.id, {}))).toBe('You are the only admin: make someone else an admin before you leave.');
    expect(refusal(s.try('member.updated', ADA.id, ADA.id, { role: 'member' }))).toBe('A workspace keeps at least one admin.');
    s.must('member.updated', ADA.id, JANE.id, { role: 'admin' });
    s.must('member.removed', JANE.id, ADA.id, {});
    expect(refusal(s.try('member.removed', JANE.id, JANE.id, {}))).toBe('You are the only admin: make someone else an admin before you leave.');
    expect(refusal(s.try('member.updated', JANE.id, JANE.id, { role: 'member' }))).toBe('A workspace keeps at least one admin.');
  });
});
