import type { Client } from '../model/client';
import type { BatonEvent } from '../model/event';
import type { Handoff, OpenItem } from '../model/handoff';
import type { Member, Workspace } from '../model/member';
import type { Failure, Note } from '../model/note';
import type { Template } from '../model/template';
import type { TimelineEntry } from '../model/timeline';
import { BUILT_IN_TEMPLATES, findTemplate } from '../templates';
import type { Change, ReadModel } from './read-model';
import { decide, type Decision, type Judging } from './reducer';

/** All views in memory: what a replay of the log builds, and what the tests and the hub read. */
export class MemoryModel implements ReadModel {
  readonly eventIds = new Set<string>();
  readonly members_ = new Map<string, Member>();
  readonly clients = new Map<string, Client>();
  readonly handoffs = new Map<string, Handoff>();
  readonly templates: Template[] = [];
  readonly notes = new Map<string, Note>();
  readonly failures = new Map<string, Failure>();
  readonly items = new Map<string, OpenItem>();
  readonly timeline: TimelineEntry[] = [];
  workspace_: Workspace | undefined;
  // Indexes, so a look-up costs the same with ten clients or a hundred thousand events.
  private readonly clientIdByName = new Map<string, string>();
  private readonly itemIdsByClient = new Map<string, Set<string>>();

  hasEvent = (id: string) => this.eventIds.has(id);
  workspace = () => this.workspace_;
  member = (id: string) => this.members_.get(id);
  members = () => [...this.members_.values()];
  client = (id: string) => this.clients.get(id);
  clientNamed = (name: string) => this.clients.get(this.clientIdByName.get(name.trim().toLowerCase()) ?? '');
  handoff = (id: string) => this.handoffs.get(id);
  template = (id: string, version?: number) => findTemplate([...BUILT_IN_TEMPLATES, ...this.templates], id, version);
  item = (id: string) => this.items.get(id);
  openItems = (clientId: string) => [...(this.itemIdsByClient.get(clientId) ?? [])].flatMap((id) => {
    const item = this.items.get(id);
    return item && !item.done ? [item] : [];
  });
  note = (id: string) => this.notes.get(id);
  failure = (id: string) => this.failures.get(id);

  /** Applies one event: the reducer decides, the model writes. A refused event changes nothing. */
  apply(event: BatonEvent, judging: Judging = 'new'): Decision {
    const decision = decide(this, event, judging);
    if (decision.ok && !decision.duplicate) {
      for (const change of decision.changes) this.write(change);
      this.eventIds.add(event.id);
    }
    return decision;
  }

  write(change: Change): void {
    switch (change.store) {
      case 'workspace':
        this.workspace_ = change.value;
        break;
      case 'members':
        this.members_.set(change.value.id, change.value);
        break;
      case 'clients': {
        const previous = this.clients.get(change.value.id);
        if (previous) this.clientIdByName.delete(previous.name.trim().toLowerCase());
        this.clients.set(change.value.id, change.value);
        this.clientIdByName.set(change.value.name.trim().toLowerCase(), change.value.id);
        break;
      }
      case 'handoffs':
        this.handoffs.set(change.value.id, change.value);
        break;
      case 'templates':
        this.templates.push(change.value);
        break;
      case 'notes':
        this.notes.set(change.value.id, change.value);
        break;
      case 'failures':
        this.failures.set(change.value.id, change.value);
        break;
      case 'items': {
        this.items.set(change.value.id, change.value);
        const ids = this.itemIdsByClient.get(change.value.clientId) ?? new Set<string>();
        this.itemIdsByClient.set(change.value.clientId, ids.add(change.value.id));
        break;
      }
      case 'timeline':
        this.timeline.push(change.value);
        break;
    }
  }
}

/**
 * Rebuilds every view from a log. Refused events are reported and skipped, never half-applied.
 * `judging`: 'accepted' for a log already judged (what a browser or the hub holds), 'new' for events
 * arriving now (a backup being restored or imported).
 */
export function replay(events: Iterable<BatonEvent>, judging: Judging = 'new'): { model: MemoryModel; rejected: { event: BatonEvent; reason: string }[] } {
  const model = new MemoryModel();
  const rejected: { event: BatonEvent; reason: string }[] = [];
  for (const event of events) {
    const decision = model.apply(event, judging);
    if (!decision.ok) rejected.push({ event, reason: decision.problem.message });
  }
  return { model, rejected };
}
