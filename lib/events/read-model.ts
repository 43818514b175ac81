import type { Client } from '../model/client';
import type { Handoff, OpenItem } from '../model/handoff';
import type { Member, Workspace } from '../model/member';
import type { Failure, Note } from '../model/note';
import type { Template } from '../model/template';
import type { TimelineEntry } from '../model/timeline';

/** What the reducer may look up. In memory for replays and tests; IndexedDB and Postgres behind it too. */
export interface ReadModel {
  hasEvent(id: string): boolean;
  workspace(): Workspace | undefined;
  member(id: string): Member | undefined;
  members(): readonly Member[];
  client(id: string): Client | undefined;
  clientNamed(name: string): Client | undefined;
  handoff(id: string): Handoff | undefined;
  /** Custom templates and new versions; the built-ins are always there. */
  template(id: string, version?: number): Template | undefined;
  item(id: string): OpenItem | undefined;
  openItems(clientId: string): readonly OpenItem[];
  note(id: string): Note | undefined;
  failure(id: string): Failure | undefined;
}

/** A record to write: the reducer's whole output. Views are only ever written through these. */
export type Change =
  | { store: 'workspace'; value: Workspace }
  | { store: 'members'; value: Member }
  | { store: 'clients'; value: Client }
  | { store: 'templates'; value: Template }
  | { store: 'handoffs'; value: Handoff }
  | { store: 'notes'; value: Note }
  | { store: 'failures'; value: Failure }
  | { store: 'items'; value: OpenItem }
  | { store: 'timeline'; value: TimelineEntry };

export type ViewStore = Change['store'];
