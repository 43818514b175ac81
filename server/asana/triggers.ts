import type { AsanaTaskFacts, RuleTrigger } from '../../lib/workflow/rule-engine';
import type { AsanaEvent, AsanaTask } from './client';

/** The Asana half of `RuleTrigger`: what this code hands the rules engine (with the key it derives from the Asana event). */
export type AsanaRuleTrigger = Extract<RuleTrigger, { kind: 'asana.section' | 'asana.custom_field' | 'asana.completed' }>;
export type { AsanaTaskFacts };

/** What an event may mean for rules, before the task is read again (events carry ids only). */
export type Candidate =
  | { kind: 'section'; taskGid: string; sectionGid: string; at: string }
  | { kind: 'field'; taskGid: string; fieldGid: string; at: string }
  | { kind: 'completed'; taskGid: string; at: string };

/**
 * The events that can fire a rule. A section move comes as an `added` event of the task with the
 * section as parent, and also as a `section_changed` story: the `added` event alone is used (it names
 * the section; the story does not), so one move is one candidate whichever copy arrives.
 */
export function candidateOf(event: AsanaEvent): Candidate | undefined {
  const { resource, parent, change, created_at: at } = event;
  if (resource?.resource_type !== 'task' || typeof at !== 'string') return undefined;
  if (event.action === 'added' && parent?.resource_type === 'section') return { kind: 'section', taskGid: resource.gid, sectionGid: parent.gid, at };
  if (event.action !== 'changed' || !change) return undefined;
  if (change.field === 'completed') return { kind: 'completed', taskGid: resource.gid, at };
  const fieldGid = (change.new_value as { gid?: unknown } | null | undefined)?.gid;
  if (change.field === 'custom_fields' && typeof fieldGid === 'string') return { kind: 'field', taskGid: resource.gid, fieldGid, at };
  return undefined;
}

/**
 * The key naming the Asana change a trigger comes from: the task, what changed, the section or field
 * and the event's `created_at` — the same from a webhook delivery, a replay of it and the Events API.
 */
export function triggerKey(c: Candidate): string {
  if (c.kind === 'section') return `asana:${c.taskGid}:section:${c.sectionGid}:${c.at}`;
  if (c.kind === 'field') return `asana:${c.taskGid}:field:${c.fieldGid}:${c.at}`;
  return `asana:${c.taskGid}:completed:${c.at}`;
}

export function taskFacts(task: AsanaTask): AsanaTaskFacts {
  const memberships = task.memberships ?? [];
  return {
    gid: task.gid,
    name: task.name,
    url: task.permalink_url ?? `https://app.asana.com/0/0/${task.gid}`,
    ...(task.notes ? { notes: task.notes } : {}),
    ...(task.due_on ? { dueOn: task.due_on } : {}),
    projectGids: memberships.flatMap((m) => (m.project ? [m.project.gid] : [])),
    sectionNames: memberships.flatMap((m) => (m.section?.name ? [m.section.name] : [])),
    ...(task.assignee ? { assigneeGid: task.assignee.gid } : {}),
  };
}

/**
 * The trigger a candidate makes, from the task as read now. `sectionName` is the section's name when
 * the task has left it since (the poll can be a minute late). A field cleared, or a task completed and
 * reopened before it was read, fires nothing.
 */
export function triggerOf(c: Candidate, task: AsanaTask, clientId: string, sectionName?: string): AsanaRuleTrigger | undefined {
  const base = { clientId, task: taskFacts(task), key: triggerKey(c) };
  const title = `Task “${task.name}”`;
  if (c.kind === 'section') {
    const name = task.memberships?.find((m) => m.section?.gid === c.sectionGid)?.section?.name ?? sectionName;
    if (!name) return undefined;
    return { ...base, kind: 'asana.section', sectionGid: c.sectionGid, sectionName: name, label: `${title} moved to ${name}` };
  }
  if (c.kind === 'field') {
    const field = task.custom_fields?.find((f) => f.gid === c.fieldGid);
    const value = field?.display_value ?? field?.enum_value?.name ?? null;
    if (!field || value === null || value === '') return undefined;
    const fieldName = field.name ?? 'A field';
    return { ...base, kind: 'asana.custom_field', fieldGid: c.fieldGid, fieldName, value, label: `${title}: ${fieldName} set to ${value}` };
  }
  return task.completed ? { ...base, kind: 'asana.completed', label: `${title} completed` } : undefined;
}

/** The inbox's name for one event (so a replayed delivery and the poll's copy are one row). */
export function eventKey(event: AsanaEvent): string {
  return [event.resource.gid, event.action, event.parent?.gid ?? '', event.change?.field ?? '', (event.change?.new_value as { gid?: string } | null | undefined)?.gid ?? '', event.created_at].join('|');
}
