import { makeEvent } from '../events/make-event';
import type { BatonEvent } from '../model/event';
import type { HandoffSources } from '../model/handoff';
import { parseIdentifierList } from '../model/identifier';
import type { Member, Workspace } from '../model/member';
import { findTemplate, BUILT_IN_TEMPLATES } from '../templates';
import { AGENCY, DEMO_CLIENTS, DEMO_MEMBERS, type DemoClient, type MemberKey } from './agency';
import { FIELD_FILLERS } from './fields';
import { demoRules } from './rules';
import { FAILURE_STORIES, HANDOFF_STORIES, NOTE_STORIES, type HandoffStory, type NoteStory } from './stories';
import { demoTeam } from './teams';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The demo agency as events, authored by its members, with `me` as one of them (so handoffs await
 * the person trying Baton). `me` must be an admin of the workspace (the founder of a local
 * workspace is): the demo adds members. Ids are fixed, so loading the demo twice adds nothing new,
 * and the same `now` gives the same events.
 */
export function buildDemo(me: Member, workspace: Workspace, now: Date): BatonEvent[] {
  const demo = new DemoWriter(me, now);
  demo.setUpAgency(workspace);
  for (const client of DEMO_CLIENTS) demo.addClient(client);
  for (const note of NOTE_STORIES) demo.addNote(note);
  for (const story of HANDOFF_STORIES) demo.playHandoff(story);
  for (const failure of FAILURE_STORIES) demo.logFailure(failure);
  demo.events.push(...demoRules(me, workspace, now));
  // Stable: events at the same instant keep the order in which they depend on each other.
  return demo.events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

class DemoWriter {
  readonly events: BatonEvent[] = [];
  private readonly start: number;

  constructor(
    private readonly me: Member,
    private readonly now: Date,
  ) {
    this.start = now.getTime() - 60 * DAY;
  }

  private member(key: MemberKey): Member {
    if (key === 'me') return this.me;
    const { job: _job, ...member } = DEMO_MEMBERS[key];
    return member;
  }

  private daysAgo(days: number): Date {
    return new Date(this.now.getTime() - days * DAY);
  }

  private isoDay(offsetDays: number): string {
    return new Date(this.now.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
  }

  setUpAgency(workspace: Workspace): void {
    const ownDomains = [...new Set([...workspace.ownDomains, AGENCY.domain])];
    this.events.push(makeEvent('workspace.updated', this.me.id, workspace.id, { ownDomains }, { id: 'demo-workspace-domains', at: new Date(this.start) }));
    Object.values(DEMO_MEMBERS).forEach(({ job: _job, ...member }, i) => {
      this.events.push(makeEvent('member.added', this.me.id, member.id, { member }, { id: `demo-add-${member.id}`, at: new Date(this.start + (i + 1) * 60_000) }));
    });
  }

  addClient(client: DemoClient): void {
    const { identifiers, errors } = parseIdentifierList(client.identifiers);
    if (errors.length > 0) throw new Error(`Demo client ${client.name}: ${errors.join(' ')}`);
    const at = new Date(this.start + DAY + DEMO_CLIENTS.indexOf(client) * 3 * HOUR);
    this.events.push(
      makeEvent(
        'client.created',
        this.member(client.owner === 'me' ? 'me' : 'dana').id,
        clientId(client.key),
        {
          name: client.name,
          identifiers,
          ownerId: this.member(client.owner).id,
          stakeholders: client.stakeholders,
          preferences: client.preferences,
          sensitivities: client.sensitivities,
          ...(client.toneOfVoiceUrl ? { toneOfVoiceUrl: client.toneOfVoiceUrl } : {}),
        },
        { id: `demo-create-${client.key}`, at },
      ),
    );
    this.addTeam(client, at);
  }

  /** The client's team by role, a minute after the client (lib/demo/teams.ts says who). */
  private addTeam(client: DemoClient, created: Date): void {
    const by = this.member(client.owner === 'me' ? 'me' : 'dana').id;
    demoTeam(client).forEach(([roleId, holder], i) => {
      const at = new Date(created.getTime() + (i + 1) * 60_000);
      this.events.push(makeEvent('client.team_set', by, clientId(client.key), { roleId, memberId: this.member(holder).id }, { id: `demo-team-${client.key}-${roleId}`, at }));
    });
  }

  addNote(story: NoteStory): void {
    const author = this.member(story.by);
    const id = `demo-note-${NOTE_STORIES.indexOf(story) + 1}`;
    const at = this.daysAgo(story.daysAgo);
    const base = { id, clientId: clientId(story.client), authorId: author.id, at: at.toISOString() };
    const note =
      story.kind === 'decision'
        ? { ...base, kind: story.kind, decision: story.decision, rationale: story.rationale, consideredAndRejected: story.consideredAndRejected ?? '' }
        : story.kind === 'call_summary'
          ? { ...base, kind: story.kind, summary: story.summary, attendees: story.attendees }
          : story.kind === 'commitment'
            ? { ...base, kind: story.kind, commitment: story.commitment, validated: story.validated, evidence: story.evidence ?? '' }
            : { ...base, kind: story.kind, text: story.text };
    this.events.push(makeEvent('note.added', author.id, id, { note }, { id: `demo-event-${id}`, at }));
  }

  playHandoff(story: HandoffStory): void {
    const template = findTemplate(BUILT_IN_TEMPLATES, story.template);
    const client = DEMO_CLIENTS.find((c) => c.key === story.client);
    const fill = FIELD_FILLERS[story.template];
    if (!template || !client || !fill) throw new Error(`Demo handoff ${story.key}: unknown template or client.`);
    const id = `demo-handoff-${story.key}`;
    const sender = this.member(story.from);
    const receiver = this.member(story.to);
    const complete = fill({ client, senderEmail: sender.email, receiverEmail: receiver.email, day: (d) => this.isoDay(d), itemId: (n) => `item-${n}` });
    const fields = { ...Object.fromEntries(Object.entries(complete).filter(([key]) => !story.omit?.includes(key))), ...story.fields };
    const dueBy = story.dueInHours === undefined ? undefined : new Date(this.now.getTime() + story.dueInHours * HOUR).toISOString();
    let at = this.daysAgo(story.startedDaysAgo);
    let n = 0;
    const push = (event: BatonEvent) => this.events.push(event);
    const next = (hours: number) => {
      at = new Date(at.getTime() + hours * HOUR);
      n += 1;
      return { id: `${id}-${n}`, at };
    };

    push(
      makeEvent(
        'handoff.created',
        sender.id,
        id,
        { clientId: clientId(client.key), templateId: template.id, templateVersion: template.version, title: story.title, receiverId: receiver.id, sources: this.sourcesFor(story, client), fields },
        { id: `${id}-0`, at },
      ),
    );
    const gapIds: string[] = [];
    let answered = 0;
    let receiverNow = receiver;
    for (const step of story.steps) {
      const when = next(step.after);
      switch (step.do) {
        case 'send':
          push(makeEvent('handoff.sent', sender.id, id, { ...(step.overrideReason ? { overrideReason: step.overrideReason } : {}), ...(dueBy ? { dueBy } : {}) }, when));
          break;
        case 'raise': {
          const gaps = step.gaps.map((gap) => {
            gapIds.push(`${id}-gap-${gapIds.length + 1}`);
            return { id: gapIds[gapIds.length - 1] ?? '', ...gap };
          });
          push(makeEvent('handoff.gaps_raised', receiverNow.id, id, { gaps }, when));
          break;
        }
        case 'answer':
          // Answers go to the oldest open gaps, in order.
          push(makeEvent('handoff.gaps_answered', sender.id, id, { answers: step.answers.map((answer, i) => ({ gapId: gapIds[answered + i] ?? '', answer })) }, when));
          answered += step.answers.length;
          break;
        case 'confirm':
          push(makeEvent('handoff.confirmed', receiverNow.id, id, step.comment ? { comment: step.comment } : {}, when));
          break;
        case 'cancel':
          push(makeEvent('handoff.cancelled', sender.id, id, { reason: step.reason }, when));
          break;
        case 'reassign':
          receiverNow = this.member(step.to);
          push(makeEvent('handoff.reassigned', sender.id, id, { receiverId: receiverNow.id, reason: step.reason, ...(dueBy ? { dueBy } : {}) }, when));
          break;
      }
    }
  }

  /** Where the handoff was started: the sale's email thread, the client's Asana project or ad account. */
  private sourcesFor(story: HandoffStory, client: DemoClient): HandoffSources {
    const sources: HandoffSources = {};
    if (story.gmailSubject) {
      const legacyId = `18d${(HANDOFF_STORIES.indexOf(story) + 0x1000).toString(16)}a0c2f7a9`.padEnd(16, '0').slice(0, 16);
      sources.gmailThread = { id: `thread-f:17912044${legacyId.slice(3, 13).replace(/\D/g, '7')}`, legacyId, subject: story.gmailSubject, url: `https://mail.google.com/mail/u/0/#inbox/${legacyId}` };
    }
    const project = /asana-project:(\d+)/.exec(client.identifiers)?.[1];
    if (project) sources.asanaTask = { id: `${project.slice(0, -3)}${String(HANDOFF_STORIES.indexOf(story)).padStart(3, '0')}`, name: story.title, url: `https://app.asana.com/0/${project}/list` };
    const ocid = /google-ads-ocid:(\d+)/.exec(client.identifiers)?.[1];
    if (ocid) sources.adAccount = { site: 'google-ads', id: ocid, name: client.name, url: `https://ads.google.com/aw/overview?ocid=${ocid}` };
    return sources;
  }

  logFailure(story: FailureStory): void {
    const by = this.member(story.by);
    const id = `demo-failure-${FAILURE_STORIES.indexOf(story) + 1}`;
    const at = this.daysAgo(story.daysAgo);
    const failure = {
      id,
      clientId: clientId(story.client),
      ...(story.handoff ? { handoffId: `demo-handoff-${story.handoff}` } : {}),
      category: story.category,
      hours: story.hours,
      description: story.description,
      loggedBy: by.id,
      at: at.toISOString(),
    };
    this.events.push(makeEvent('failure.logged', by.id, id, { failure }, { id: `demo-event-${id}`, at }));
  }
}

type FailureStory = (typeof FAILURE_STORIES)[number];

export const clientId = (key: string) => `demo-client-${key}`;
