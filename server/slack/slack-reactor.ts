import type { BatonEvent } from '../../lib/model/event';
import { isInFlight } from '../../lib/workflow/handoff-machine';
import type { Reactor, ReactorContext } from '../reactors/reactor';
import { channelFor, readChannels } from './slack-channels';
import { slackMessage, type SlackMoment } from './slack-message';
import { deliverDue, enqueue, type OutboxEntry } from './slack-outbox';

const MOMENT_OF: Partial<Record<BatonEvent['type'], SlackMoment>> = {
  // Only a draft a rule started (below): a person's own draft is nobody else's business until it is sent.
  'handoff.created': 'started',
  'handoff.sent': 'sent',
  'handoff.gaps_raised': 'gaps_raised',
  'handoff.confirmed': 'confirmed',
};
/** A deadline passed longer ago than this is not announced (a hub that gains Slack does not post last year's). */
const OVERDUE_LOOKBACK_MS = 7 * 24 * 60 * 60_000;

export interface SlackReactorOptions {
  /** The clock retries and deadlines are judged by; by default the hub's. */
  now?: () => number;
  /** How messages are posted; by default the global fetch. */
  fetch?: typeof fetch;
}

/** The questions a `handoff.gaps_raised` event asks (what its message lists). */
const questionsOf = (event: BatonEvent): string[] => (event.type === 'handoff.gaps_raised' ? event.payload.gaps.map((g) => g.question) : []);

/**
 * Posts a handoff's moments — sent, gaps raised, confirmed, overdue — to its client's Slack channel, else
 * the workspace's. `handle` and `tick` only record messages in the outbox (one row per moment and
 * channel) and send those due; retries wait in the outbox, never in a handler.
 */
export function slackReactor(options: SlackReactorOptions = {}): Reactor {
  const clock = (ctx: ReactorContext) => (options.now ?? ctx.now)();
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    name: 'slack',
    async handle(ctx, { workspaceId, event }) {
      const moment = MOMENT_OF[event.type];
      if (!moment || (event.type === 'handoff.created' && !event.payload.startedBy)) return;
      const channels = await readChannels(ctx.db, workspaceId);
      if (channels.length === 0) return;
      const entry = await ctx.store.withModel(workspaceId, (model): OutboxEntry | undefined => {
        const handoff = model.handoff(event.entity.id);
        const channel = handoff && channelFor(channels, handoff.clientId);
        if (!handoff || !channel) return undefined;
        const text = slackMessage(model, handoff, moment, { publicUrl: ctx.publicUrl, gaps: questionsOf(event) });
        return { workspaceId, moment: event.id, channel: channel.clientId, handoffId: handoff.id, text };
      });
      if (!entry) return;
      const now = clock(ctx);
      await enqueue(ctx.db, entry, now);
      await deliverDue(ctx.db, workspaceId, now, send, ctx.log);
    },
    async tick(ctx, workspaceId) {
      const now = clock(ctx);
      const channels = await readChannels(ctx.db, workspaceId);
      if (channels.length > 0) {
        const overdue = await ctx.store.withModel(workspaceId, (model) =>
          [...model.handoffs.values()].flatMap((handoff): OutboxEntry[] => {
            const due = handoff.dueBy ? Date.parse(handoff.dueBy) : Number.NaN;
            const channel = channelFor(channels, handoff.clientId);
            if (!isInFlight(handoff.state) || !channel || !(due < now) || due < now - OVERDUE_LOOKBACK_MS) return [];
            const text = slackMessage(model, handoff, 'overdue', { publicUrl: ctx.publicUrl });
            // Keyed by the deadline: a handoff given a new confirm-by that it misses too is announced again.
            return [{ workspaceId, moment: `overdue:${handoff.id}:${handoff.dueBy}`, channel: channel.clientId, handoffId: handoff.id, text }];
          }),
        );
        for (const entry of overdue) await enqueue(ctx.db, entry, now);
      }
      await deliverDue(ctx.db, workspaceId, now, send, ctx.log);
    },
  };
}
