// Watchers: anyone may watch a handoff or stop; what I watch for the popup; my notification settings.
import { makeEvent } from '../../events/make-event';
import { IdSchema } from '../../model/common';
import type { Handoff } from '../../model/handoff';
import { z } from '../../model/zod';
import { NotifyPrefsSchema } from '../../storage/keys';
import { append } from '../append';
import { readNotifyPrefs, saveNotifyPrefs, watchingHandoffs, type NotifyPrefs } from '../watchers';
import { CHANGE, NO_FIELDS, PAGES, defineCommand, returns } from './define';
import { mustGetHandoff } from './handoffs';

/** `handoff/watch` or `handoff/unwatch`: one event by me; the answer is the handoff as it is now. */
function watchCommand<const T extends string>(type: T, eventType: 'handoff.watched' | 'handoff.unwatched') {
  return defineCommand({
    type, schema: z.object({ id: IdSchema }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Handoff>(),
    async handle({ id }, { session }) {
      const s = await session();
      await append(s, makeEvent(eventType, s.me.id, id, {}));
      return mustGetHandoff(s, id);
    },
  });
}

/** Settings → You sends every moment's choice. */
const NotifyPrefsRequestSchema = NotifyPrefsSchema.required();

export const watcherCommands = [
  watchCommand('handoff/watch', 'handoff.watched'),
  watchCommand('handoff/unwatch', 'handoff.unwatched'),
  /** Open handoffs I watch, soonest due first (the popup's "Watching"). */
  defineCommand({
    type: 'handoffs/watching', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<Handoff[]>(),
    handle: async (_request, { session }) => watchingHandoffs(await session()),
  }),
  /** Which moments of the handoffs I watch notify me (Settings → You, "Notify me"). */
  defineCommand({
    type: 'notify/get', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<NotifyPrefs>(),
    handle: async (_request, { session }) => readNotifyPrefs((await session()).me.id),
  }),
  // Mine alone, in this browser's storage: nothing to share, so no sync follows.
  defineCommand({
    type: 'notify/save', schema: z.object({ prefs: NotifyPrefsRequestSchema }), from: PAGES, kind: 'write', effects: [], response: returns<NotifyPrefs>(),
    handle: async ({ prefs }, { session }) => saveNotifyPrefs((await session()).me.id, prefs),
  }),
] as const;
