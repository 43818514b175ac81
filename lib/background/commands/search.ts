// What the panel's search reads once per workspace change: every handoff in a few fields, never its
// content (fields can weigh hundreds of kilobytes each; search needs titles and people).
import { HandoffSchema } from '../../model/handoff';
import { NO_FIELDS, PAGES, defineCommand, returns } from './define';

const HandoffHeadlineSchema = HandoffSchema.pick({ id: true, clientId: true, title: true, senderId: true, receiverId: true, state: true, updatedAt: true });
export type HandoffHeadline = ReturnType<typeof HandoffHeadlineSchema.parse>;

export const searchCommands = [
  defineCommand({
    type: 'handoffs/headlines', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<HandoffHeadline[]>(),
    async handle(_request, { session }) {
      const records = await (await session()).db.getAll('handoffs');
      // A record that does not read is left out of search; the views that show it report it.
      return records.flatMap((record) => {
        const parsed = HandoffHeadlineSchema.safeParse(record);
        return parsed.success ? [parsed.data] : [];
      });
    },
  }),
] as const;
