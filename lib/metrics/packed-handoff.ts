import type { HandoffState } from '../model/handoff';
import type { HandoffFact } from './facts';

/**
 * A handoff fact as a flat array for the saved copy: no key names, absent values as null. Half the
 * size of the object form, so it reads back from IndexedDB and parses in half the time.
 */
export type PackedHandoff = [
  id: string,
  clientId: string,
  templateId: string,
  templateVersion: number,
  title: string,
  senderId: string,
  receiverId: string | null,
  receiverIds: string[],
  state: HandoffState,
  createdAt: number,
  sentAt: number | null,
  confirmedAt: number | null,
  cancelledAt: number | null,
  reassignedAt: number[],
  /** due, endedAt (null while it applies), due, endedAt, … */
  deadlines: (number | null)[],
  completeness: [required: number, satisfied: number, missing: string[]] | null,
  overrideReason: string | null,
  gapRounds: number,
  gaps: [id: string, fieldIds: string[], question: string, raisedAt: number, answeredAt: number | null, withdrawnAt: number | null][],
];

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function packHandoff(h: HandoffFact): PackedHandoff {
  return [
    h.id,
    h.clientId,
    h.templateId,
    h.templateVersion,
    h.title,
    h.senderId,
    orNull(h.receiverId),
    h.receiverIds,
    h.state,
    h.createdAt,
    orNull(h.sentAt),
    orNull(h.confirmedAt),
    orNull(h.cancelledAt),
    h.reassignedAt,
    h.deadlines.flatMap((d) => [d.due, orNull(d.endedAt)]),
    h.completeness ? [h.completeness.required, h.completeness.satisfied, h.completeness.missing] : null,
    orNull(h.overrideReason),
    h.gapRounds,
    h.gaps.map((g) => [g.id, g.fieldIds, g.question, g.raisedAt, orNull(g.answeredAt), orNull(g.withdrawnAt)]),
  ];
}

/** The fact again, every field present (one object shape, as the fold makes them); throws on what is not a packed fact. */
export function unpackHandoff(p: PackedHandoff): HandoffFact {
  if (!Array.isArray(p) || p.length !== 19 || typeof p[0] !== 'string' || !Array.isArray(p[14]) || !Array.isArray(p[18])) throw new TypeError('not a packed handoff fact');
  const deadlines: HandoffFact['deadlines'] = [];
  for (let i = 0; i < p[14].length; i += 2) {
    const endedAt = p[14][i + 1];
    deadlines.push(endedAt === null || endedAt === undefined ? { due: p[14][i] as number } : { due: p[14][i] as number, endedAt });
  }
  return {
    id: p[0],
    clientId: p[1],
    templateId: p[2],
    templateVersion: p[3],
    title: p[4],
    senderId: p[5],
    receiverIds: p[7],
    state: p[8],
    createdAt: p[9],
    reassignedAt: p[13],
    deadlines,
    gapRounds: p[17],
    gaps: p[18].map(([id, fieldIds, question, raisedAt, answeredAt, withdrawnAt]) => ({
      id,
      fieldIds,
      question,
      raisedAt,
      ...(answeredAt === null ? {} : { answeredAt }),
      ...(withdrawnAt === null ? {} : { withdrawnAt }),
    })),
    receiverId: orUndefined(p[6]),
    sentAt: orUndefined(p[10]),
    confirmedAt: orUndefined(p[11]),
    cancelledAt: orUndefined(p[12]),
    completeness: p[15] ? { required: p[15][0], satisfied: p[15][1], missing: p[15][2] } : undefined,
    overrideReason: orUndefined(p[16]),
  };
}
