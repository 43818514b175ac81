// Slack channels for the workspace's handoffs: the hub keeps the webhook URLs and posts; these
// commands carry an admin's change (and anyone's look) to it with the member's token.
import { IdSchema } from '../../model/common';
import { z } from '../../model/zod';
import { getSlack, setSlack, type SlackSettings } from '../../sync/hub-slack';
import { CommandError } from '../command-error';
import { NO_FIELDS, PAGES, defineCommand, returns } from './define';
import { hubAnswer } from './hub-answer';

const UrlOrNull = z.string().max(2000).nullable();

export const slackCommands = [
  defineCommand({
    type: 'slack/get', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<SlackSettings | null>(),
    async handle(_request, { session }) {
      const { hub } = await session();
      return hub ? hubAnswer(await getSlack(hub)) : null;
    },
  }),
  defineCommand({
    type: 'slack/set', schema: z.object({ workspaceUrl: UrlOrNull.optional(), clients: z.record(IdSchema, UrlOrNull).optional() }), from: PAGES, kind: 'write', effects: [], response: returns<SlackSettings>(),
    async handle(change, { session }) {
      const { hub } = await session();
      if (!hub) throw new CommandError('Connect to a team hub (Settings → Team hub) to post handoffs in Slack.', 'unavailable');
      return hubAnswer(await setSlack(hub, change));
    },
  }),
] as const;
