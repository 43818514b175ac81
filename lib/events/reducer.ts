import type { Client } from '../model/client';
import type { BatonEvent, EventType } from '../model/event';
import { isOpenGap, type Gap, type Handoff, type OpenItem } from '../model/handoff';
import { isActive, type Member } from '../model/member';
import type { ActionItem, Template } from '../model/template';
import { assessCompleteness, fieldValue, parseFieldValue } from '../workflow/completeness';
import { actionOf, advance, CHOOSE_RECEIVER, confirmByHours, deadlineAfter, editedTitle, initialTitle, MIN_OVERRIDE_REASON, startedDeadline } from '../workflow/handoff-machine';
import { checkAction } from '../workflow/rules';
import { changedLabels, changesAnything, CONFIRMED_HAS_NO_DEADLINE, describeEdit, emptiedRequired, mergeChanges, NOTHING_CHANGED, reconfirmMismatch } from '../workflow/edits';
import { nudgeRefusal } from '../workflow/nudge';
import type { Change, ReadModel } from './read-model';
import { failure, type Problem } from '../result';
import { datedBeforeCause } from './clock';
import { entry } from './timeline-entry';
import { handedOverTeam } from '../workflow/team-handover';
import { checkStartedBy, clientTeamSet, ruleChanged, watchChanged } from './reduce-workflow';

/** The reducer's result: the changes an event makes, or the problem that refuses it (lib/result.ts's shape). */
export type Decision = { ok: true; changes: Change[]; duplicate: boolean } | { ok: false; problem: Problem };

/**
 * How an event is judged: `new` — made just now, here or at the hub's door — meets every rule;
 * `accepted` — the hub already accepted it (a stored row, a pull, a replay of the log) — is a fact:
 * the clock rule, which came after some logs were written, does not re-judge it, so a log replays
 * to the same views under every version.
 */
export type Judging = 'new' | 'accepted';

const reject = (message: string): Decision => failure('invalid', message);
const accept = (...changes: Change[]): Decision => ({ ok: true, changes, duplicate: false });
type Of<T extends EventType> = Extract<BatonEvent, { type: T }>;

/**
 * The one reducer: what an event changes in the views, or why it is refused. Pure (it reads the model
 * and returns changes; it writes nothing), deterministic, and idempotent by event id, so replaying a
 * log or receiving an event twice gives the same views. Shared by the extension and the hub.
 */
export function decide(model: ReadModel, event: BatonEvent, judging: Judging = 'new'): Decision {
  if (model.hasEvent(event.id)) return { ok: true, changes: [], duplicate: true };
  if (event.type === 'workspace.created') return workspaceCreated(model, event);
  if (!model.workspace()) return reject('Create the workspace first.');
  const actor = model.member(event.actor);
  if (!actor) return reject('Only members of this workspace can make changes.');
  if (!isActive(actor)) return reject(`${actor.name} was removed from this workspace and can no longer make changes.`);
  // An effect is never dated before its cause (a confirmation before the send): a wrong clock's mark.
  const early = judging === 'new' ? datedBeforeCause(model, event) : null;
  if (early) return { ok: false, problem: early };
  switch (event.type) {
    case 'workspace.updated':
      return actor.role !== 'admin' ? reject('Only an admin can change the workspace.') : accept({ store: 'workspace', value: { ...model.workspace()!, ...event.payload } });
    case 'member.added':
      return memberAdded(model, event, actor);
    case 'member.updated':
      return memberUpdated(model, event, actor);
    case 'member.removed':
      return memberRemoved(model, event, actor);
    case 'client.created':
    case 'client.updated':
    case 'client.identifier_linked':
      return clientChanged(model, event, actor);
    case 'client.archived': {
      const client = model.client(event.entity.id);
      if (!client) return reject('Unknown client.');
      const what = `${actor.name} ${event.payload.archived ? 'archived' : 'restored'} the client`;
      return accept({ store: 'clients', value: { ...client, archived: event.payload.archived, updatedAt: event.at } }, entry(event, client.id, what));
    }
    case 'template.saved':
      return templateSaved(model, event, actor);
    case 'handoff.created':
      return handoffCreated(model, event, actor);
    case 'note.added':
      return noteAdded(model, event, actor);
    case 'failure.logged':
      return failureLogged(model, event, actor);
    case 'item.added':
      return itemAdded(model, event, actor);
    case 'item.completed':
      return itemCompleted(model, event, actor);
    case 'client.team_set':
      return clientTeamSet(model, event, actor);
    case 'rule.saved':
    case 'rule.deleted':
      return ruleChanged(model, event, actor);
    case 'handoff.watched':
    case 'handoff.unwatched':
      return watchChanged(model, event, actor);
    default:
      return handoffChanged(model, event, actor);
  }
}

function workspaceCreated(model: ReadModel, event: Of<'workspace.created'>): Decision {
  if (model.workspace()) return reject('This workspace already exists.');
  const { workspace, admin } = event.payload;
  if (admin.id !== event.actor || admin.role !== 'admin') return reject('The workspace is created by its first admin.');
  return accept({ store: 'workspace', value: { ...workspace, createdAt: event.at } }, { store: 'members', value: admin });
}

function memberAdded(model: ReadModel, event: Of<'member.added'>, actor: Member): Decision {
  if (actor.role !== 'admin') return reject('Only an admin can add members.');
  const { member } = event.payload;
  if (model.member(member.id)) return reject('That member already exists.');
  if (model.members().some((m) => m.email === member.email)) return reject(`${member.email} is already a member.`);
  return accept({ store: 'members', value: member });
}

function memberUpdated(model: ReadModel, event: Of<'member.updated'>, actor: Member): Decision {
  // Everyone keeps their own name and address up to date; roles are an admin's call.
  const self = actor.id === event.entity.id && event.payload.role === undefined;
  if (actor.role !== 'admin' && !self) return reject('Only an admin can change members.');
  const member = model.member(event.entity.id);
  if (!member) return reject('Unknown member.');
  const { email } = event.payload;
  if (email && model.members().some((m) => m.email === email && m.id !== member.id)) return reject(`${email} is already a member.`);
  if (!isActive(member)) return reject(`${member.name} was removed from this workspace.`);
  if (event.payload.role === 'member' && member.role === 'admin' && activeAdmins(model).length === 1) return reject('A workspace keeps at least one admin.');
  return accept({ store: 'members', value: { ...member, ...event.payload } });
}

const activeAdmins = (model: ReadModel) => model.members().filter((m) => m.role === 'admin' && isActive(m));

/** An admin takes a member off the team; the workspace always keeps an admin. Their history stays (the record is marked, not deleted). */
function memberRemoved(model: ReadModel, event: Of<'member.removed'>, actor: Member): Decision {
  if (actor.role !== 'admin') return reject('Only an admin can remove members.');
  const member = model.member(event.entity.id);
  if (!member) return reject('Unknown member.');
  if (!isActive(member)) return reject(`${member.name} was already removed.`);
  if (member.role === 'admin' && activeAdmins(model).length === 1) {
    return reject(member.id === actor.id ? 'You are the only admin: make someone else an admin before you leave.' : 'A workspace keeps at least one admin.');
  }
  return accept({ store: 'members', value: { ...member, removedAt: event.at } });
}

function clientChanged(model: ReadModel, event: Of<'client.created' | 'client.updated' | 'client.identifier_linked'>, actor: Member): Decision {
  const existing = model.client(event.entity.id);
  if (event.type === 'client.created' ? existing : !existing) return reject(existing ? 'That client already exists.' : 'Unknown client.');
  const patch = event.type === 'client.identifier_linked' ? {} : event.payload;
  const name = 'name' in patch && patch.name ? patch.name : existing?.name;
  if (!name) return reject('A client needs a name.');
  const namesake = model.clientNamed(name);
  if (namesake && namesake.id !== event.entity.id) return reject(`A client named “${name}” already exists.`);
  if ('ownerId' in patch && patch.ownerId && !model.member(patch.ownerId)) return reject('The owner must be a member of the workspace.');
  let identifiers = 'identifiers' in patch && patch.identifiers ? patch.identifiers : (existing?.identifiers ?? []);
  if (event.type === 'client.identifier_linked') {
    const { identifier } = event.payload;
    if (identifiers.some((i) => i.kind === identifier.kind && i.value === identifier.value)) return accept();
    identifiers = [...identifiers, identifier];
  }
  const { toneOfVoiceUrl, ...rest } = patch as Partial<Client>;
  const client: Client = {
    stakeholders: [],
    preferences: [],
    sensitivities: [],
    archived: false,
    createdAt: event.at,
    ...existing,
    ...rest,
    id: event.entity.id,
    name,
    identifiers,
    updatedAt: event.at,
  };
  if (toneOfVoiceUrl !== undefined) {
    if (toneOfVoiceUrl) client.toneOfVoiceUrl = toneOfVoiceUrl;
    else delete client.toneOfVoiceUrl;
  }
  const what =
    event.type === 'client.created' ? `${actor.name} added the client` : event.type === 'client.updated' ? `${actor.name} updated the client` : `${actor.name} linked ${event.payload.identifier.kind} ${event.payload.identifier.value}`;
  return accept({ store: 'clients', value: client }, entry(event, client.id, what));
}

function templateSaved(model: ReadModel, event: Of<'template.saved'>, actor: Member): Decision {
  if (actor.role !== 'admin') return reject('Only an admin can change templates.');
  const { template } = event.payload;
  if (template.id !== event.entity.id) return reject('The template does not match the event.');
  const latest = model.template(template.id);
  if (latest && template.version <= latest.version) return reject(`Version ${template.version} exists: save as version ${latest.version + 1}.`);
  return accept({ store: 'templates', value: { ...template, builtIn: false } });
}

/** Field values checked against the template: unknown fields and malformed values are refused. */
function checkFields(template: Template, fields: Record<string, unknown>): string | null {
  for (const [id, value] of Object.entries(fields)) {
    const field = template.fields.find((f) => f.id === id);
    if (!field) return `“${id}” is not a field of ${template.name}.`;
    const parsed = parseFieldValue(field, value);
    if (!parsed.ok) return parsed.problem.message;
  }
  return null;
}

/** Watchers are members on the team now. */
function checkWatchers(model: ReadModel, watcherIds: readonly string[] | undefined): string | null {
  const stranger = watcherIds?.find((id) => !model.member(id) || !isActive(model.member(id)!));
  return stranger ? 'Watchers must be members of the workspace.' : null;
}

function checkReceiver(model: ReadModel, receiverId: string | undefined, senderId: string): string | null {
  if (receiverId === undefined) return null;
  const receiver = model.member(receiverId);
  if (!receiver) return 'The receiver must be a member of the workspace.';
  if (!isActive(receiver)) return `${receiver.name} was removed from the workspace: choose another receiver.`;
  return receiverId === senderId ? 'You cannot hand off to yourself.' : null;
}

function handoffCreated(model: ReadModel, event: Of<'handoff.created'>, actor: Member): Decision {
  const p = event.payload;
  if (model.handoff(event.entity.id)) return reject('That handoff already exists.');
  const client = model.client(p.clientId);
  if (!client) return reject('Unknown client.');
  const template = model.template(p.templateId, p.templateVersion);
  if (!template) return reject(`Unknown template ${p.templateId} v${p.templateVersion}.`);
  const problem = checkReceiver(model, p.receiverId, actor.id) ?? checkFields(template, p.fields) ?? checkStartedBy(model, event) ?? checkWatchers(model, p.watcherIds);
  if (problem) return reject(problem);
  const handoff: Handoff = {
    id: event.entity.id,
    clientId: client.id,
    templateId: template.id,
    templateVersion: template.version,
    title: initialTitle(p.title, template.name, client.name),
    fields: p.fields,
    senderId: actor.id,
    state: 'draft',
    sources: p.sources,
    context: p.context,
    gaps: [],
    gapRounds: 0,
    createdAt: event.at,
    updatedAt: event.at,
  };
  if (p.receiverId) handoff.receiverId = p.receiverId;
  if (p.dueBy) handoff.dueBy = p.dueBy;
  if (p.watcherIds && p.watcherIds.length > 0) handoff.watcherIds = [...new Set(p.watcherIds)];
  if (p.startedBy) handoff.startedBy = p.startedBy;
  const how = p.startedBy ? `Rule “${p.startedBy.ruleName}” started “${handoff.title}” for ${actor.name}: ${p.startedBy.trigger.label}` : `${actor.name} started “${handoff.title}”`;
  return accept({ store: 'handoffs', value: handoff }, entry(event, client.id, how, { handoffId: handoff.id }));
}

/** A confirm-by as the reducer writes it: `hours` after the event, in toISOString's form. */
const deadlineFrom = (at: string, hours: number) => new Date(deadlineAfter(Date.parse(at), hours)).toISOString();

/** What every handoff change works with: the handoff as it is, its next version, and how to log the change. */
interface Move<T extends EventType> {
  model: ReadModel;
  event: Of<T>;
  actor: Member;
  handoff: Handoff;
  template: Template;
  next: Handoff;
  log: (summary: string) => Change;
  name: (id: string | undefined) => string;
}

const hasOpenGap = (h: Handoff) => h.gaps.some(isOpenGap);

function handoffChanged(model: ReadModel, event: BatonEvent, actor: Member): Decision {
  const action = actionOf(event.type);
  const handoff = model.handoff(event.entity.id);
  if (!action || !handoff) return reject(action ? 'Unknown handoff.' : `Unknown event type ${event.type}.`);
  const refusal = checkAction(handoff, action, actor);
  if (refusal) return reject(refusal);
  const template = model.template(handoff.templateId, handoff.templateVersion);
  if (!template) return reject(`Unknown template ${handoff.templateId} v${handoff.templateVersion}.`);
  const move = {
    model,
    event,
    actor,
    handoff,
    template,
    next: { ...handoff, updatedAt: event.at },
    name: (id: string | undefined) => (id && model.member(id)?.name) || 'someone',
    log: (summary: string) => entry(event, handoff.clientId, summary, { handoffId: handoff.id }),
  };
  switch (event.type) {
    case 'handoff.updated':
      return handoffUpdated({ ...move, event });
    case 'handoff.sent':
      return handoffSent({ ...move, event });
    case 'handoff.gaps_raised':
      return gapsRaised({ ...move, event });
    case 'handoff.gaps_answered':
      return gapsAnswered({ ...move, event });
    case 'handoff.confirmed':
      return handoffConfirmed({ ...move, event });
    case 'handoff.cancelled': {
      move.next.cancelledAt = event.at;
      advance(move.next, 'cancel', false);
      const why = event.payload.reason ? `: ${event.payload.reason}` : '';
      return accept({ store: 'handoffs', value: move.next }, move.log(`${actor.name} cancelled “${handoff.title}”${why}`));
    }
    case 'handoff.reassigned':
      return handoffReassigned({ ...move, event });
    case 'handoff.gap_withdrawn':
      return gapWithdrawn({ ...move, event });
    case 'handoff.edited':
      return handoffEdited({ ...move, event });
    case 'handoff.nudged':
      return handoffNudged({ ...move, event });
    default:
      return reject(`Unknown event type ${event.type}.`);
  }
}

function handoffUpdated({ model, event, handoff, template, next }: Move<'handoff.updated'>): Decision {
  const p = event.payload;
  if (p.receiverId !== undefined && p.receiverId !== handoff.receiverId && handoff.state !== 'draft') {
    return reject('This handoff was sent: reassign it to change the receiver.');
  }
  const problem = checkReceiver(model, p.receiverId, handoff.senderId) ?? checkFields(template, p.fields);
  if (problem) return reject(problem);
  next.fields = { ...handoff.fields, ...p.fields };
  next.title = editedTitle(handoff.title, p.title);
  if (p.receiverId) next.receiverId = p.receiverId;
  if (p.dueBy) next.dueBy = p.dueBy;
  advance(next, 'update', hasOpenGap(next));
  return accept({ store: 'handoffs', value: next });
}

function handoffSent({ event, actor, handoff, template, next, log, name }: Move<'handoff.sent'>): Decision {
  const p = event.payload;
  if (!handoff.receiverId) return reject(CHOOSE_RECEIVER);
  const completeness = assessCompleteness(template, handoff.fields);
  const reason = p.overrideReason?.trim() ?? '';
  if (completeness.missing.length > 0) {
    if (!reason) return reject(`Not ready to send: ${completeness.missing.map((m) => m.reason).join(' ')}`);
    if (reason.length < MIN_OVERRIDE_REASON) return reject('Say in a sentence why this handoff goes out incomplete.');
    next.override = { reason, missing: completeness.missing.map((m) => m.fieldId) };
  }
  advance(next, 'send', false);
  next.sentAt = event.at;
  next.completenessAtSend = completeness;
  next.dueBy = startedDeadline('send', p.dueBy, handoff.dueBy, deadlineFrom(event.at, confirmByHours(template)));
  const how = next.override ? ` with ${completeness.missing.length} missing (override: ${reason})` : '';
  return accept({ store: 'handoffs', value: next }, log(`${actor.name} sent “${handoff.title}” to ${name(handoff.receiverId)}${how}`));
}

function gapsRaised({ event, actor, handoff, template, next, log }: Move<'handoff.gaps_raised'>): Decision {
  const gaps: Gap[] = [];
  for (const g of event.payload.gaps) {
    const unknown = g.fieldIds.find((id) => !template.fields.some((f) => f.id === id));
    if (unknown) return reject(`“${unknown}” is not a field of ${template.name}.`);
    if (handoff.gaps.some((old) => old.id === g.id) || gaps.some((n) => n.id === g.id)) return reject('Each gap needs its own id.');
    gaps.push({ ...g, raisedBy: actor.id, raisedAt: event.at });
  }
  next.gaps = [...handoff.gaps, ...gaps];
  advance(next, 'raise_gaps', true);
  return accept({ store: 'handoffs', value: next }, log(`${actor.name} raised ${gaps.length} gap${gaps.length === 1 ? '' : 's'}: ${gaps.map((g) => g.question).join(' / ')}`));
}

function gapsAnswered({ event, actor, handoff, template, next, log }: Move<'handoff.gaps_answered'>): Decision {
  const p = event.payload;
  const problem = checkFields(template, p.fields);
  if (problem) return reject(problem);
  const answers = new Map(p.answers.map((a) => [a.gapId, a.answer]));
  for (const gapId of answers.keys()) {
    const gap = handoff.gaps.find((g) => g.id === gapId);
    if (!gap) return reject('That gap does not exist.');
    if (gap.answer !== undefined) return reject('That gap is already answered.');
    if (gap.withdrawnAt !== undefined) return reject('That gap was withdrawn: it needs no answer.');
  }
  next.gaps = handoff.gaps.map((g) => (answers.has(g.id) ? { ...g, answer: answers.get(g.id)!, answeredBy: actor.id, answeredAt: event.at } : g));
  next.fields = { ...handoff.fields, ...p.fields };
  advance(next, 'answer_gaps', hasOpenGap(next));
  return accept({ store: 'handoffs', value: next }, log(`${actor.name} answered ${answers.size} gap${answers.size === 1 ? '' : 's'}`));
}

function handoffReassigned({ model, event, actor, handoff, template, next, log, name }: Move<'handoff.reassigned'>): Decision {
  const p = event.payload;
  // An admin moving someone's handoff is told whose it is, not "yourself".
  if (p.receiverId === handoff.senderId && actor.id !== handoff.senderId) return reject(`${name(handoff.senderId)} sent this handoff and cannot receive it.`);
  const problem = checkReceiver(model, p.receiverId, handoff.senderId);
  if (problem) return reject(problem);
  if (p.receiverId === handoff.receiverId) return reject(`${name(p.receiverId)} already receives this handoff.`);
  next.receiverId = p.receiverId;
  next.reassignment = { by: actor.id, at: event.at, ...(handoff.receiverId ? { fromId: handoff.receiverId } : {}), ...(p.reason?.trim() ? { reason: p.reason.trim() } : {}) };
  // Open gaps stay open: the sender still answers them before the new receiver can confirm.
  advance(next, 'reassign', hasOpenGap(handoff));
  next.dueBy = startedDeadline('reassign', p.dueBy, undefined, deadlineFrom(event.at, confirmByHours(template)));
  return accept({ store: 'handoffs', value: next }, log(`${actor.name} reassigned “${handoff.title}” from ${name(handoff.receiverId)} to ${name(p.receiverId)}`));
}

/**
 * The receiver takes back a question that is not answered yet. The current receiver, any open gap:
 * after a reassignment the gaps the former receiver raised are theirs to keep or drop (else only the
 * sender could close them). Once none is open the handoff is theirs again to confirm (handoff-machine.ts).
 */
function gapWithdrawn({ event, actor, handoff, next, log, name }: Move<'handoff.gap_withdrawn'>): Decision {
  const p = event.payload;
  const gap = handoff.gaps.find((g) => g.id === p.gapId);
  if (!gap) return reject('That gap does not exist.');
  if (gap.answer !== undefined) return reject('That gap is already answered: it can no longer be withdrawn.');
  if (gap.withdrawnAt !== undefined) return reject('That gap is already withdrawn.');
  const reason = p.reason?.trim();
  next.gaps = handoff.gaps.map((g) => (g.id === gap.id ? { ...g, withdrawnAt: event.at, withdrawnBy: actor.id, ...(reason ? { withdrawnReason: reason } : {}) } : g));
  advance(next, 'withdraw_gap', hasOpenGap(next), { answered: next.gaps.some((g) => g.answer !== undefined) });
  const whose = gap.raisedBy === actor.id ? '' : ` ${name(gap.raisedBy)} raised`;
  return accept({ store: 'handoffs', value: next }, log(`${actor.name} withdrew a gap${whose}: ${gap.question}${reason ? ` (${reason})` : ''}`));
}

/**
 * The sender's new version of a sent handoff. A change to a required field asks the receiver to
 * confirm again: a confirmed handoff is sent again, with a new confirm-by (the one the edit sets, else
 * the template's hours after it). The changes since the receiver last confirmed are kept for them.
 */
function handoffEdited({ event, actor, handoff, template, next, log }: Move<'handoff.edited'>): Decision {
  const p = event.payload;
  const problem = checkFields(template, p.fields) ?? emptiedRequired(template, handoff.fields, p.fields);
  if (problem) return reject(problem);
  const change = describeEdit(template, handoff, p);
  if (!changesAnything(change)) return reject(NOTHING_CHANGED);
  if (change.reconfirm !== p.reconfirm) return reject(reconfirmMismatch(change.reconfirm));
  const reopened = change.reconfirm && handoff.state === 'confirmed';
  if (change.dueBy && handoff.state === 'confirmed' && !reopened) return reject(CONFIRMED_HAS_NO_DEADLINE);
  next.fields = { ...handoff.fields, ...p.fields };
  next.title = editedTitle(handoff.title, p.title);
  if (p.dueBy) next.dueBy = p.dueBy;
  advance(next, 'edit', hasOpenGap(next), { reconfirm: change.reconfirm });
  if (reopened) {
    next.firstConfirmedAt = handoff.firstConfirmedAt ?? handoff.confirmedAt;
    delete next.confirmedAt;
    next.dueBy = p.dueBy ?? deadlineFrom(event.at, confirmByHours(template));
  }
  const earlier = handoff.lastEdit;
  const unconfirmed = earlier && (!handoff.confirmedAt || Date.parse(earlier.at) > Date.parse(handoff.confirmedAt)) ? earlier : undefined;
  next.lastEdit = { by: actor.id, at: event.at, ...mergeChanges(template, unconfirmed, change) };
  const again = reopened ? `; ${actor.name} asked for confirmation again` : '';
  return accept({ store: 'handoffs', value: next }, log(`${actor.name} edited “${next.title}”: changed ${changedLabels(template, change).join(', ')}${again}`));
}

export const READ_THE_CHANGES = 'The sender changed a required field since you read this handoff: read the changes, then confirm again.';

/**
 * The receiver confirms. A confirmation names the version they read (`seenEditAt`): it may be appended
 * seconds later (held for undo), so a required-field edit that arrived meanwhile refuses it.
 */
function handoffConfirmed({ model, event, actor, handoff, template, next, log }: Move<'handoff.confirmed'>): Decision {
  const { seenEditAt, comment } = event.payload;
  const edit = handoff.lastEdit;
  const unread = seenEditAt !== undefined && edit !== undefined && edit.at !== seenEditAt;
  if (unread && template.fields.some((f) => f.required && edit.fieldIds.includes(f.id))) return reject(READ_THE_CHANGES);
  next.confirmedAt = event.at;
  advance(next, 'confirm', false);
  // The receiver's note travels with the confirmation into the activity, where the sender reads it.
  const note = comment?.trim() ? `: ${comment.trim()}` : '';
  return accept({ store: 'handoffs', value: next }, ...transferOwnership(model, event, handoff, template, actor), log(`${actor.name} confirmed receipt of “${handoff.title}”${note}`));
}

/** The sender reminds the receiver now; at most once every few hours per handoff (lib/workflow/nudge.ts). */
function handoffNudged({ event, actor, handoff, next, log, name }: Move<'handoff.nudged'>): Decision {
  const refusal = nudgeRefusal(handoff.lastNudgedAt, Date.parse(event.at), name(handoff.receiverId));
  if (refusal) return reject(refusal);
  next.lastNudgedAt = event.at;
  return accept({ store: 'handoffs', value: next }, log(`${actor.name} nudged ${name(handoff.receiverId)} about “${handoff.title}”`));
}

/**
 * Confirming hands the client's open items over: the sender's open items become the receiver's, the
 * handoff's own action items become client items, and for transitions the receiver owns the client.
 */
function transferOwnership(model: ReadModel, event: BatonEvent, handoff: Handoff, template: Template, receiver: Member): Change[] {
  const senderEmail = model.member(handoff.senderId)?.email;
  const isSender = (email: string) => email !== '' && email === senderEmail;
  const changes: Change[] = [];
  if (template.transfersOwnership) {
    for (const item of model.openItems(handoff.clientId)) {
      if (!item.done && isSender(item.ownerEmail)) changes.push({ store: 'items', value: { ...item, ownerEmail: receiver.email, updatedAt: event.at } });
    }
  }
  for (const field of template.fields.filter((f) => f.type === 'action_items')) {
    const parsed = parseFieldValue(field, fieldValue(handoff.fields, field.id));
    for (const a of parsed.ok && parsed.data ? (parsed.data as ActionItem[]) : []) {
      const id = derivedId(handoff.id, a.id);
      if (!a.text.trim() || model.item(id)) continue;
      const item: OpenItem = {
        id,
        clientId: handoff.clientId,
        text: a.text.trim(),
        ownerEmail: a.ownerEmail === '' || isSender(a.ownerEmail) ? receiver.email : a.ownerEmail,
        due: a.due,
        done: false,
        sourceHandoffId: handoff.id,
        updatedAt: event.at,
      };
      changes.push({ store: 'items', value: item });
    }
  }
  const client = model.client(handoff.clientId);
  const team = client && handedOverTeam(client.team, template, receiver.id);
  const owner = template.transfersOwnership && client && client.ownerId !== receiver.id;
  if (client && (owner || team)) {
    changes.push({ store: 'clients', value: { ...client, ...(owner ? { ownerId: receiver.id } : {}), ...(team ? { team } : {}), updatedAt: event.at } });
  }
  return changes;
}

/** `<handoff>:<item>`, or a fixed-length digest of it when that would exceed the 100-character id limit. */
function derivedId(handoffId: string, itemId: string): string {
  const id = `${handoffId}:${itemId}`;
  if (id.length <= 100) return id;
  // FNV-1a, twice with different seeds: deterministic on every machine that replays the log.
  const fnv = (seed: number) => {
    let h = seed;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return `${handoffId.slice(0, 60)}:${fnv(0x811c9dc5)}${fnv(0x01000193)}`;
}

function noteAdded(model: ReadModel, event: Of<'note.added'>, actor: Member): Decision {
  const { note } = event.payload;
  if (note.id !== event.entity.id || note.authorId !== actor.id) return reject('A note is added by its author.');
  if (model.note(note.id)) return reject('That note already exists.');
  if (!model.client(note.clientId)) return reject('Unknown client.');
  if (note.handoffId && model.handoff(note.handoffId)?.clientId !== note.clientId) return reject('The note’s handoff belongs to another client.');
  const what = note.kind === 'decision' ? `Decision: ${note.decision}` : note.kind === 'call_summary' ? `Call summary: ${note.summary}` : note.kind === 'commitment' ? `Commitment${note.validated ? '' : ' (not validated)'}: ${note.commitment}` : `Note: ${note.text}`;
  return accept({ store: 'notes', value: note }, entry(event, note.clientId, what, { noteId: note.id, ...(note.handoffId ? { handoffId: note.handoffId } : {}) }));
}

function failureLogged(model: ReadModel, event: Of<'failure.logged'>, actor: Member): Decision {
  const failure = { ...event.payload.failure };
  if (failure.id !== event.entity.id || failure.loggedBy !== actor.id) return reject('A failure is logged by the person reporting it.');
  if (model.failure(failure.id)) return reject('That failure is already logged.');
  if (failure.handoffId) {
    const handoff = model.handoff(failure.handoffId);
    if (!handoff) return reject('Unknown handoff.');
    if (failure.clientId && failure.clientId !== handoff.clientId) return reject('The handoff belongs to another client.');
    failure.clientId = handoff.clientId;
  }
  if (!failure.clientId || !model.client(failure.clientId)) return reject('Unknown client.');
  const summary = `Failure (${failure.category.replace(/_/g, ' ')}, ${failure.hours} h): ${failure.description}`;
  return accept({ store: 'failures', value: failure }, entry(event, failure.clientId, summary, { failureId: failure.id, ...(failure.handoffId ? { handoffId: failure.handoffId } : {}) }));
}

function itemAdded(model: ReadModel, event: Of<'item.added'>, actor: Member): Decision {
  const p = event.payload;
  if (model.item(event.entity.id)) return reject('That item already exists.');
  if (!model.client(p.clientId)) return reject('Unknown client.');
  const item: OpenItem = { id: event.entity.id, clientId: p.clientId, text: p.text, ownerEmail: p.ownerEmail, due: p.due, done: false, updatedAt: event.at };
  return accept({ store: 'items', value: item }, entry(event, p.clientId, `${actor.name} added an open item: ${p.text}`));
}

function itemCompleted(model: ReadModel, event: Of<'item.completed'>, actor: Member): Decision {
  const item = model.item(event.entity.id);
  if (!item) return reject('Unknown item.');
  if (item.done) return reject('That item is already done.');
  if (item.ownerEmail && item.ownerEmail !== actor.email && actor.role !== 'admin') return reject('Only its owner or an admin can close an item.');
  return accept({ store: 'items', value: { ...item, done: true, updatedAt: event.at } }, entry(event, item.clientId, `${actor.name} closed: ${item.text}`));
}
