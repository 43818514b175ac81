// The team as this browser knows it, and who I am.
import { awaitingConfirmation, listMembers, sentByMeOpen } from '../../db/queries';
import { makeEvent } from '../../events/make-event';
import { IdSchema, newId, shortText } from '../../model/common';
import type { Handoff } from '../../model/handoff';
import { isActive, MEMBER_ROLES, type Member } from '../../model/member';
import { z } from '../../model/zod';
import { append } from '../append';
import { CommandError } from '../command-error';
import { CHANGE, NO_FIELDS, PAGES, defineCommand, returns } from './define';
import { seenAccount } from '../seen-account';
import { identitySuggestion, type SeenAccount, type Session } from '../workspace';

export const memberCommands = [
  defineCommand({
    type: 'members/list', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<Member[]>(),
    // Removed members are off the team (and the receiver pickers); their history keeps their names.
    handle: async (_request, { session }) => (await listMembers((await session()).db)).values.filter(isActive),
  }),
  defineCommand({
    type: 'me/get', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<Member>(),
    handle: async (_request, { session }) => (await session()).me,
  }),
  /** Who Baton suggests you are (the signed-in Gmail account), while you are still the default member of a local workspace; null otherwise. */
  defineCommand({
    type: 'me/suggestion', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<SeenAccount | null>(),
    async handle(_request, { session }) {
      const s = await session();
      return identitySuggestion(s.me, s.hub !== undefined, await seenAccount()) ?? null;
    },
  }),
  defineCommand({
    type: 'me/update', schema: z.object({ name: shortText(200).min(1), email: z.email().max(254) }), from: PAGES, kind: 'write', effects: [...CHANGE, 'refresh-session'], response: returns<Member>(),
    async handle({ name, email }, { session }) {
      const s = await session();
      await append(s, makeEvent('member.updated', s.me.id, s.me.id, { name, email }));
      const me = (await listMembers(s.db)).values.find((m) => m.id === s.me.id);
      // The reducer never removes a member: an update that left me out of the list is a broken store.
      if (!me) throw new CommandError('Your member record is missing: reload Baton.', 'not-found');
      return me;
    },
  }),
  defineCommand({
    type: 'member/add', schema: z.object({ name: shortText(200).min(1), email: z.email().max(254), role: z.enum(['admin', 'member']).default('member') }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Member>(),
    async handle({ name, email, role }, { session }) {
      const s = await session();
      const member: Member = { id: newId(), name, email: email.toLowerCase(), role };
      await append(s, makeEvent('member.added', s.me.id, member.id, { member }));
      return member;
    },
  }),
  defineCommand({
    type: 'member/set-role', schema: z.object({ id: IdSchema, role: z.enum(MEMBER_ROLES) }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Member>(),
    async handle({ id, role }, { session }) {
      const s = await session();
      await append(s, makeEvent('member.updated', s.me.id, id, { role }));
      return mustGetMember(s, id);
    },
  }),
  // An admin takes a member off the team (the hub revokes their tokens); answers their open handoffs, to reassign.
  defineCommand({
    type: 'member/remove', schema: z.object({ id: IdSchema, reason: shortText(2000).optional() }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Handoff[]>(),
    async handle({ id, reason }, { session }) {
      const s = await session();
      await append(s, makeEvent('member.removed', s.me.id, id, reason ? { reason } : {}));
      return openHandoffsOf(s, id);
    },
  }),
  defineCommand({
    type: 'member/open-handoffs', schema: z.object({ id: IdSchema }), from: PAGES, kind: 'read', effects: [], response: returns<Handoff[]>(),
    handle: async ({ id }, { session }) => openHandoffsOf(await session(), id),
  }),
] as const;

async function mustGetMember(s: Session, id: string): Promise<Member> {
  const member = (await listMembers(s.db)).values.find((m) => m.id === id);
  if (!member) throw new CommandError('Unknown member.', 'not-found');
  return member;
}

/** The handoffs still open with the member as sender or as receiver (waiting for them), oldest first. */
async function openHandoffsOf(s: Session, memberId: string): Promise<Handoff[]> {
  const [sent, waiting] = await Promise.all([sentByMeOpen(s.db, memberId), awaitingConfirmation(s.db, memberId)]);
  const byId = new Map([...sent.values, ...waiting.values].map((h) => [h.id, h]));
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
