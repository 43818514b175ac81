import { MemoryModel } from '../../../lib/events/memory-model';
import { makeEvent, type EventInput } from '../../../lib/events/make-event';
import type { BatonEvent, EventType } from '../../../lib/model/event';
import type { Member } from '../../../lib/model/member';
import type { Rule } from '../../../lib/model/rule';
import { RuleSchema } from '../../../lib/model/rule';
import type { z } from '../../../lib/model/zod';
import { completeFields } from '../events/builders';

// An agency with one client team: Northwind's strategist Sara, media buyer Mo, analyst Ana, creative
// Cam and account manager Abe; Ada is the admin. Brightwater has nobody on its team yet.
export const ADA: Member = { id: 'ada', name: 'Ada Admin', email: 'ada@agency.test', role: 'admin' };
export const CAST = {
  sara: { id: 'sara', name: 'Sara Strategist', role: 'strategist' },
  mo: { id: 'mo', name: 'Mo Buyer', role: 'media_buyer' },
  ana: { id: 'ana', name: 'Ana Analyst', role: 'analyst' },
  cam: { id: 'cam', name: 'Cam Creative', role: 'creative' },
  abe: { id: 'abe', name: 'Abe Manager', role: 'account_manager' },
} as const;
export const NORTHWIND = 'c-northwind';
export const BRIGHTWATER = 'c-brightwater';
export const T0 = Date.parse('2026-03-02T09:00:00.000Z');
let clock = T0;
export const at = () => new Date((clock += 60_000)).toISOString();

export function ev<T extends EventType>(type: T, actor: string, entity: string, input: EventInput<T>, id?: string): BatonEvent<T> {
  return makeEvent(type, actor, entity, input, { at: at(), ...(id ? { id } : {}) });
}

export function apply(model: MemoryModel, ...events: BatonEvent[]): void {
  for (const event of events) {
    const decision = model.apply(event);
    if (!decision.ok) throw new Error(`${event.type} refused: ${decision.problem.message}`);
  }
}

export function agency(): MemoryModel {
  clock = T0;
  const model = new MemoryModel();
  apply(model, ev('workspace.created', ADA.id, 'ws', { workspace: { id: 'ws', name: 'Brightlane' }, admin: ADA }));
  for (const p of Object.values(CAST)) apply(model, ev('member.added', ADA.id, p.id, { member: { id: p.id, name: p.name, email: `${p.id}@agency.test`, role: 'member' } }));
  apply(model, ev('client.created', ADA.id, NORTHWIND, { name: 'Northwind' }), ev('client.created', ADA.id, BRIGHTWATER, { name: 'Brightwater' }));
  for (const p of Object.values(CAST)) apply(model, ev('client.team_set', ADA.id, NORTHWIND, { roleId: p.role, memberId: p.id }));
  return model;
}

type RuleInput = z.input<typeof RuleSchema>;
export type RuleOverrides = Partial<Omit<RuleInput, 'start'>> & { start?: Partial<RuleInput['start']> };

export function rule(overrides: RuleOverrides = {}): Rule {
  const { start, ...rest } = overrides;
  return RuleSchema.parse({
    id: 'r-chain',
    name: 'Launch → reporting after media buying',
    enabled: true,
    trigger: { kind: 'handoff.confirmed', templateId: 'strategy-to-media' },
    writeBack: { comment: true, assignOnConfirm: false },
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(T0).toISOString(),
    ...rest,
    start: { templateId: 'launch-to-reporting', sender: { role: 'media_buyer' }, receiver: { role: 'analyst' }, watchers: [], prefill: {}, ...start },
  });
}

export function saveRule(model: MemoryModel, r: Rule): void {
  apply(model, ev('rule.saved', ADA.id, r.id, { rule: r }));
}

/** A strategy → media buying handoff from Sara to Mo, confirmed; the launch date 2026-03-12. */
export function confirmedStrategy(model: MemoryModel, id = 'h-strategy', clientId = NORTHWIND, overrides: Record<string, unknown> = {}) {
  const fields = completeFields('strategy-to-media', { flight_start: '2026-03-12', ...overrides });
  apply(
    model,
    ev('handoff.created', CAST.sara.id, id, { clientId, templateId: 'strategy-to-media', templateVersion: 1, title: 'Strategy → media buying: Spring launch', receiverId: CAST.mo.id, fields }),
    ev('handoff.sent', CAST.sara.id, id, {}),
    ev('handoff.confirmed', CAST.mo.id, id, {}),
  );
  return model.handoff(id)!;
}
