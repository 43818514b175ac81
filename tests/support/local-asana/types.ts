// The records the local Asana keeps. Field names follow Asana's resources
// (https://developers.asana.com/reference/tasks and the schemas of the other references), so the
// representations in render.ts read straight off them.

export interface UserRecord {
  gid: string;
  name: string;
  email: string;
}

export interface WorkspaceRecord {
  gid: string;
  name: string;
}

export interface ProjectRecord {
  gid: string;
  name: string;
  workspace: string;
  /** Custom fields set on the project (its custom_field_settings), by gid. */
  customFields: string[];
  createdAt: string;
}

export interface SectionRecord {
  gid: string;
  name: string;
  project: string;
  /** Task gids in the section, in order (addTask's insert_before / insert_after place them). */
  tasks: string[];
  createdAt: string;
}

export interface EnumOptionRecord {
  gid: string;
  name: string;
  enabled: boolean;
  color: string;
}

export interface CustomFieldRecord {
  gid: string;
  name: string;
  workspace: string;
  type: 'enum' | 'text';
  enumOptions: EnumOptionRecord[];
}

export interface MembershipRecord {
  project: string;
  section: string;
}

export interface TaskRecord {
  gid: string;
  name: string;
  notes: string;
  completed: boolean;
  completedAt: string | null;
  dueOn: string | null;
  assignee: string | null;
  workspace: string;
  memberships: MembershipRecord[];
  /** Custom field gid → enum option gid (enum fields) or text (text fields); absent or null = empty. */
  customValues: Record<string, string | null>;
  followers: string[];
  createdAt: string;
  modifiedAt: string;
}

export type StorySubtype =
  | 'comment_added'
  | 'section_changed'
  | 'assigned'
  | 'unassigned'
  | 'marked_complete'
  | 'marked_incomplete'
  | 'name_changed'
  | 'notes_changed'
  | 'due_date_changed'
  | 'enum_custom_field_changed'
  | 'text_custom_field_changed'
  | 'added_to_project';

export interface StoryRecord {
  gid: string;
  task: string;
  createdAt: string;
  createdBy: string;
  subtype: StorySubtype;
  /** "comment" for comments, "system" for the stories Asana writes itself. */
  type: 'comment' | 'system';
  text: string;
  htmlText?: string;
}

export interface ResourceRef {
  gid: string;
  resource_type: string;
  resource_subtype?: string;
  name?: string;
}

/** An event as Asana documents it (https://developers.asana.com/reference/getevents, "EventResponse"). */
export interface AsanaEvent {
  user: { gid: string; resource_type: 'user' } | null;
  created_at: string;
  action: 'added' | 'changed' | 'removed' | 'deleted' | 'undeleted';
  resource: ResourceRef;
  parent: ResourceRef | null;
  change?: {
    field: string;
    action: 'changed' | 'added' | 'removed';
    new_value?: unknown;
    added_value?: unknown;
    removed_value?: unknown;
  };
}

/** An event with where it is seen: its own resource and every resource it bubbles up to. */
export interface LoggedEvent {
  seq: number;
  event: AsanaEvent;
  /** Gids of the resources whose event streams (webhooks, /events) see this event. */
  scope: string[];
}

export interface WebhookFilter {
  resource_type?: string;
  resource_subtype?: string;
  action?: string;
  fields?: string[];
}

export interface WebhookRecord {
  gid: string;
  resource: string;
  target: string;
  /** The X-Hook-Secret of the handshake: the key of every X-Hook-Signature. */
  secret: string;
  filters: WebhookFilter[];
  owner: string;
  active: boolean;
  createdAt: string;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastFailureContent: string;
}

export interface DeliveryRecord {
  webhook: string;
  target: string;
  /** The raw body posted, byte for byte what the signature covers. */
  body: string;
  signature: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** The target's HTTP status, or null when it could not be reached (or timed out). */
  status: number | null;
  error?: string;
  at: string;
  /** True for a replayLastDelivery() post. */
  replay?: boolean;
}

export interface RequestRecord {
  method: string;
  /** Path under the API base, e.g. `/tasks/123/stories` (no query). */
  path: string;
  query: string;
  status: number;
  at: string;
}
