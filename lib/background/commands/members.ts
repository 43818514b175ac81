// The team as this browser knows it, and who I am.
import { listMembers } from '../../db/queries';
import { makeEvent } from '../../events/make-event';
import { newId, shortText } from '../../model/common';
import type { Member } from '../../model/member';
import { z } from '../../model/zod';
import { append } from '../append';
import { CommandError } from '../command-error';
import { CHANGE, NO_FIELDS, PAGES, defineCommand, returns } from './define';

export const memberCommands = [
  defineCommand({
    type: 'members/list', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<Member[]>(),
    handle: async (_request, { session }) => (await listMembers((await session()).db)).values,
  }),
  defineCommand({
    type: 'me/get', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<Member>(),
    handle: async (_request, { session }) => (await session()).me,
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
] as const;
