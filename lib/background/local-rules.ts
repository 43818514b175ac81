import { appendEvent } from '../db/event-store';
import { getMeta } from '../db/meta';
import { stripClientRecord } from '../db/snapshot';
import { MemoryModel } from '../events/memory-model';
import { HandoffSchema, type Handoff } from '../model/handoff';
import { confirmedTriggers, dueDateTriggers, ruleTemplateIds } from '../workflow/rule-due';
import { startsFor, type RuleTrigger } from '../workflow/rule-engine';
import { ruleEventIds } from '../workflow/rule-ids';
import type { Session } from './workspace';

// Rules when working alone: with no hub connected, this browser runs the same engine the hub runs,
// after it appends a confirmation and on the reminders alarm (date rules, and chains of confirmations
// held for undo and committed later). On a hub the hub fires them and this browser does not. The
// drafts' ids come from the rule and the source, so running twice (or after the hub) starts nothing twice.

/** What the engine reads, from this browser's views: the workspace, its members, templates and clients. */
async function localModel(session: Session): Promise<MemoryModel> {
  const { db } = session;
  const model = new MemoryModel();
  model.workspace_ = await getMeta(db, 'workspace');
  for (const value of await db.getAll('members')) model.write({ store: 'members', value });
  for (const value of await db.getAll('templates')) model.write({ store: 'templates', value });
  for (const record of await db.getAll('clients')) {
    const value = stripClientRecord(record);
    if (value) model.write({ store: 'clients', value });
  }
  // The drafts rules started already: their sources are not asked again (the ids would refuse them anyway).
  for (const handoff of await db.getAll('handoffs')) if (handoff.startedBy) model.eventIds.add(ruleEventIds(handoff.startedBy.ruleId, handoff.startedBy.trigger.key).eventId);
  return model;
}

/** Appends the drafts the rules start for these triggers; the ids of the handoffs started now. */
export async function fireLocalRules(session: Session, triggers: readonly RuleTrigger[], now = Date.now()): Promise<string[]> {
  if (session.hub || triggers.length === 0) return [];
  const model = await localModel(session);
  const started: string[] = [];
  for (const trigger of triggers) {
    for (const event of startsFor(model, trigger, now).events) {
      const result = await appendEvent(session.db, event);
      if (result.ok && !result.duplicate) started.push(event.entity.id);
    }
  }
  return started;
}

/** After this browser appended a confirmation: the chain rules of its template. */
export async function rulesAfterConfirm(session: Session, handoffId: string, now = Date.now()): Promise<string[]> {
  if (session.hub) return [];
  const rules = (await getMeta(session.db, 'workspace'))?.rules;
  const parsed = HandoffSchema.safeParse(await session.db.get('handoffs', handoffId));
  if (!parsed.success || !ruleTemplateIds(rules, 'handoff.confirmed').has(parsed.data.templateId)) return [];
  return fireLocalRules(session, [{ kind: 'handoff.confirmed', handoff: parsed.data }], now);
}

/** On the reminders alarm: date rules whose day has come, and chains of confirmations committed since. */
export async function runLocalRules(session: Session, now = Date.now()): Promise<string[]> {
  if (session.hub) return [];
  const rules = (await getMeta(session.db, 'workspace'))?.rules;
  const templates = new Set([...ruleTemplateIds(rules, 'date.reached'), ...ruleTemplateIds(rules, 'handoff.confirmed')]);
  if (templates.size === 0) return [];
  const handoffs: Handoff[] = [];
  for (const record of await session.db.getAll('handoffs')) {
    if (!templates.has(record.templateId)) continue;
    const parsed = HandoffSchema.safeParse(record);
    if (parsed.success) handoffs.push(parsed.data);
  }
  return fireLocalRules(session, [...confirmedTriggers(rules, handoffs), ...dueDateTriggers(rules, handoffs, now)], now);
}
