// The in-page prompt on Gmail and Asana: what awaits me, open one in the side panel, snooze one.
import type { PromptItem } from '../../messaging/protocol';
import { IdSchema } from '../../model/common';
import { z } from '../../model/zod';
import { promptItems, snoozePrompt } from '../prompts';
import { recordPanelIntent } from '../panel-intent';
import { NO_FIELDS, PAGES_AND_CONTENT_SCRIPTS, defineCommand, returns } from './define';

export const promptCommands = [
  /** What awaits the signed-in member, for the in-page prompt. */
  defineCommand({
    type: 'prompts/get', schema: NO_FIELDS, from: PAGES_AND_CONTENT_SCRIPTS, kind: 'read', effects: [], response: returns<PromptItem[]>(),
    handle: async (_request, { session, now }) => promptItems(await session(), now()),
  }),
  /** A click in the prompt: open that handoff in the side panel. */
  defineCommand({
    type: 'prompt/open', schema: z.object({ handoffId: IdSchema }), from: PAGES_AND_CONTENT_SCRIPTS, kind: 'read', effects: ['opens-panel'], response: returns<{ opened: boolean }>(),
    async handle({ handoffId }, { tab, opening }) {
      if (tab?.windowId !== undefined) await recordPanelIntent(tab.windowId, { kind: 'handoff', handoffId });
      return { opened: await (opening ?? Promise.resolve(false)) };
    },
  }),
  /** Hides the prompt for this handoff for a while: a preference of this browser, the log is untouched. */
  defineCommand({
    type: 'prompt/snooze', schema: z.object({ handoffId: IdSchema, minutes: z.number().int().min(1).max(7 * 24 * 60) }), from: PAGES_AND_CONTENT_SCRIPTS, kind: 'read', effects: ['prompts'], response: returns<PromptItem[]>(),
    async handle({ handoffId, minutes }, { session, now }) {
      await snoozePrompt(handoffId, minutes, now());
      return promptItems(await session(), now());
    },
  }),
] as const;
