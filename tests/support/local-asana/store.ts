// The local Asana's state and the changes Asana documents for it. Every change records the events
// Asana emits for it (https://developers.asana.com/docs/webhooks-guide, "Event types"; the event
// shape of https://developers.asana.com/reference/getevents) and the stories it writes on the task
// (https://developers.asana.com/reference/stories: system stories such as `section_changed`).
// Events "bubble up": one on a task, or on a story of a task, is seen by the task and by every
// project the task is in (https://developers.asana.com/reference/events).
import { randomBytes } from 'node:crypto';
import { invalidParam, notRecognized, unknownObject } from './errors';
import type {
  AsanaEvent,
  CustomFieldRecord,
  LoggedEvent,
  ProjectRecord,
  SectionRecord,
  StoryRecord,
  StorySubtype,
  TaskRecord,
  UserRecord,
  WorkspaceRecord,
} from './types';

export type Placement = { insertBefore?: string; insertAfter?: string };

export interface TaskChanges {
  name?: string;
  notes?: string;
  completed?: boolean;
  dueOn?: string | null;
  assignee?: string | null;
  customFields?: Record<string, string | null>;
}

export class AsanaStore {
  readonly users = new Map<string, UserRecord>();
  /** Personal access token → user gid. */
  readonly tokens = new Map<string, string>();
  readonly workspaces = new Map<string, WorkspaceRecord>();
  readonly projects = new Map<string, ProjectRecord>();
  readonly sections = new Map<string, SectionRecord>();
  readonly fields = new Map<string, CustomFieldRecord>();
  readonly tasks = new Map<string, TaskRecord>();
  readonly stories = new Map<string, StoryRecord>();
  readonly events: LoggedEvent[] = [];
  private readonly listeners: ((batch: LoggedEvent[]) => void)[] = [];
  private counter = 0;
  private seq = 0;
  /** Asana gids are numeric strings (16 digits today); Baton's page readers expect digits. */
  private readonly gidBase = 1_209_000_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1_000;

  newGid(): string {
    this.counter += 1;
    return String(this.gidBase + this.counter);
  }

  now(): string {
    return new Date().toISOString();
  }

  lastSeq(): number {
    return this.seq;
  }

  onEvents(listener: (batch: LoggedEvent[]) => void): void {
    this.listeners.push(listener);
  }

  // ---- lookups (404 for a path gid, 400 for a body parameter) ----

  task(gid: string, param?: string): TaskRecord {
    return this.find(this.tasks, gid, 'task', param);
  }

  project(gid: string, param?: string): ProjectRecord {
    return this.find(this.projects, gid, 'project', param);
  }

  section(gid: string, param?: string): SectionRecord {
    return this.find(this.sections, gid, 'section', param);
  }

  storyByGid(gid: string): StoryRecord {
    return this.find(this.stories, gid, 'story');
  }

  user(gid: string, param?: string): UserRecord {
    return this.find(this.users, gid, 'user', param);
  }

  private find<T>(map: Map<string, T>, gid: string, kind: string, param?: string): T {
    const found = map.get(gid);
    if (found) return found;
    throw param ? notRecognized(param, gid) : unknownObject(kind, gid);
  }

  /** The kind of object a gid names (for webhook and /events resources), if any. */
  kindOf(gid: string): 'task' | 'project' | 'workspace' | 'section' | 'user' | undefined {
    if (this.tasks.has(gid)) return 'task';
    if (this.projects.has(gid)) return 'project';
    if (this.workspaces.has(gid)) return 'workspace';
    if (this.sections.has(gid)) return 'section';
    if (this.users.has(gid)) return 'user';
    return undefined;
  }

  projectSections(projectGid: string): SectionRecord[] {
    return [...this.sections.values()].filter((s) => s.project === projectGid);
  }

  taskStories(taskGid: string): StoryRecord[] {
    return [...this.stories.values()].filter((s) => s.task === taskGid);
  }

  // ---- setup (the control surface; Asana's UI in real life) ----

  createUser(name: string, email: string): { user: UserRecord; token: string } {
    const user = { gid: this.newGid(), name, email };
    this.users.set(user.gid, user);
    // PATs look like `2/<user gid>/<app gid>:<secret>`; only their opacity matters here.
    const token = `2/${user.gid}/${this.newGid()}:${randomBytes(16).toString('hex')}`;
    this.tokens.set(token, user.gid);
    return { user, token };
  }

  createWorkspace(name: string): WorkspaceRecord {
    const workspace = { gid: this.newGid(), name };
    this.workspaces.set(workspace.gid, workspace);
    return workspace;
  }

  createProject(workspace: string, name: string): ProjectRecord {
    this.find(this.workspaces, workspace, 'workspace');
    const project: ProjectRecord = { gid: this.newGid(), name, workspace, customFields: [], createdAt: this.now() };
    this.projects.set(project.gid, project);
    return project;
  }

  createSection(project: string, name: string): SectionRecord {
    this.project(project);
    const section: SectionRecord = { gid: this.newGid(), name, project, tasks: [], createdAt: this.now() };
    this.sections.set(section.gid, section);
    return section;
  }

  createCustomField(workspace: string, name: string, type: 'enum' | 'text', options: string[] = []): CustomFieldRecord {
    this.find(this.workspaces, workspace, 'workspace');
    const enumOptions = type === 'enum' ? options.map((o) => ({ gid: this.newGid(), name: o, enabled: true, color: 'none' })) : [];
    const field: CustomFieldRecord = { gid: this.newGid(), name, workspace, type, enumOptions };
    this.fields.set(field.gid, field);
    return field;
  }

  addFieldToProject(projectGid: string, fieldGid: string): void {
    const project = this.project(projectGid);
    this.find(this.fields, fieldGid, 'custom_field');
    if (!project.customFields.includes(fieldGid)) project.customFields.push(fieldGid);
  }

  /** A new task in a project (and a section of it: the first one, made if the project has none). */
  createTask(input: { project: string; section?: string; name: string; notes?: string; dueOn?: string; assignee?: string; by: string }): TaskRecord {
    const project = this.project(input.project);
    const section = input.section ? this.section(input.section) : this.defaultSection(project.gid);
    if (section.project !== project.gid) throw invalidParam('section', 'Section is not in the project');
    const at = this.now();
    const task: TaskRecord = {
      gid: this.newGid(),
      name: input.name,
      notes: input.notes ?? '',
      completed: false,
      completedAt: null,
      dueOn: input.dueOn ?? null,
      assignee: input.assignee ?? null,
      workspace: project.workspace,
      memberships: [{ project: project.gid, section: section.gid }],
      customValues: {},
      followers: [input.by],
      createdAt: at,
      modifiedAt: at,
    };
    this.tasks.set(task.gid, task);
    section.tasks.push(task.gid);
    this.record(task, [
      this.taskEvent(task, input.by, 'added', { gid: project.gid, resource_type: 'project' }),
      this.taskEvent(task, input.by, 'added', { gid: section.gid, resource_type: 'section' }),
    ]);
    return task;
  }

  private defaultSection(projectGid: string): SectionRecord {
    // Asana puts a task created without a section in the project's first section ("Untitled
    // section" in a new project).
    return this.projectSections(projectGid)[0] ?? this.createSection(projectGid, 'Untitled section');
  }

  // ---- changes (the API and the control surface share them) ----

  /**
   * Moves a task to a section (POST /sections/{gid}/addTask; a drag in Asana's UI). Asana emits an
   * `added` event for the task with the section as `parent`, and writes a `section_changed` story.
   * A task not yet in the section's project joins it. Moving within the same section only reorders:
   * no event, no story.
   */
  moveTask(taskGid: string, sectionGid: string, by: string, placement: Placement = {}): void {
    const task = this.task(taskGid);
    const target = this.section(sectionGid);
    const membership = task.memberships.find((m) => m.project === target.project);
    const from = membership ? this.section(membership.section) : undefined;
    if (from) from.tasks = from.tasks.filter((t) => t !== task.gid);
    this.place(target, task.gid, placement);
    if (membership) membership.section = target.gid;
    else task.memberships.push({ project: target.project, section: target.gid });
    if (from?.gid === target.gid) return;
    task.modifiedAt = this.now();
    const project = this.project(target.project);
    const story = from
      ? this.story(task, by, 'section_changed', `moved this task from "${from.name}" to "${target.name}" in ${project.name}`)
      : this.story(task, by, 'added_to_project', `added to ${project.name}`);
    const events = [this.taskEvent(task, by, 'added', { gid: target.gid, resource_type: 'section' }), this.storyEvent(story, by)];
    if (!from) events.unshift(this.taskEvent(task, by, 'added', { gid: project.gid, resource_type: 'project' }));
    this.record(task, events);
  }

  private place(section: SectionRecord, taskGid: string, { insertBefore, insertAfter }: Placement): void {
    const anchor = insertBefore ?? insertAfter;
    if (anchor === undefined) {
      section.tasks.push(taskGid);
      return;
    }
    const at = section.tasks.indexOf(anchor);
    if (at < 0) throw invalidParam(insertBefore !== undefined ? 'insert_before' : 'insert_after', `Task ${anchor} is not in the section`);
    section.tasks.splice(insertBefore !== undefined ? at : at + 1, 0, taskGid);
  }

  /** PUT /tasks/{gid}: applies validated changes; one `changed` event and one story per field changed. */
  updateTask(taskGid: string, changes: TaskChanges, by: string): TaskRecord {
    const task = this.task(taskGid);
    const events: AsanaEvent[] = [];
    const change = (field: string, subtype: StorySubtype, text: string, newValue?: unknown) => {
      events.push(this.taskEvent(task, by, 'changed', null, { field, action: 'changed', ...(newValue !== undefined ? { new_value: newValue } : {}) }));
      events.push(this.storyEvent(this.story(task, by, subtype, text), by));
    };
    if (changes.name !== undefined && changes.name !== task.name) {
      task.name = changes.name;
      change('name', 'name_changed', `changed the name to "${changes.name}"`);
    }
    if (changes.notes !== undefined && changes.notes !== task.notes) {
      task.notes = changes.notes;
      change('notes', 'notes_changed', 'changed the description');
    }
    if (changes.dueOn !== undefined && changes.dueOn !== task.dueOn) {
      task.dueOn = changes.dueOn;
      change('due_on', 'due_date_changed', changes.dueOn ? `changed the due date to ${changes.dueOn}` : 'removed the due date');
    }
    if (changes.assignee !== undefined && changes.assignee !== task.assignee) {
      const previous = task.assignee ? this.user(task.assignee) : undefined;
      task.assignee = changes.assignee;
      const next = changes.assignee ? this.user(changes.assignee) : undefined;
      if (next) change('assignee', 'assigned', `assigned to ${next.name}`, { gid: next.gid, resource_type: 'user' });
      else change('assignee', 'unassigned', `unassigned from ${previous?.name ?? 'nobody'}`, null);
    }
    if (changes.completed !== undefined && changes.completed !== task.completed) {
      task.completed = changes.completed;
      task.completedAt = changes.completed ? this.now() : null;
      change('completed', changes.completed ? 'marked_complete' : 'marked_incomplete', changes.completed ? 'marked this task complete' : 'marked incomplete');
    }
    for (const [fieldGid, value] of Object.entries(changes.customFields ?? {})) {
      if ((task.customValues[fieldGid] ?? null) === value) continue;
      task.customValues[fieldGid] = value;
      const { field, newValue, text } = this.describeFieldValue(fieldGid, value);
      change('custom_fields', field.type === 'enum' ? 'enum_custom_field_changed' : 'text_custom_field_changed', text, newValue);
    }
    if (events.length) {
      task.modifiedAt = this.now();
      this.record(task, events);
    }
    return task;
  }

  /**
   * Checks a custom field value for a task as PUT /tasks/{gid} `custom_fields` does: the field must
   * be on one of the task's projects; an enum takes an enum option gid of that field, a text field
   * a string (https://developers.asana.com/docs/custom-fields-guide, "Accessing custom field values").
   */
  checkFieldValue(task: TaskRecord, fieldGid: string, value: unknown): string | null {
    const field = this.fields.get(fieldGid);
    const onTask = task.memberships.some((m) => this.projects.get(m.project)?.customFields.includes(fieldGid));
    if (!field || !onTask) throw invalidParam('custom_fields', `Custom field ${fieldGid} is not on this task's projects`);
    if (value === null) return null;
    if (field.type === 'enum') {
      if (typeof value !== 'string' || !field.enumOptions.some((o) => o.gid === value)) throw invalidParam(`custom_fields.${fieldGid}`, `Not a valid enum option of ${field.name}: ${String(value)}`);
      return value;
    }
    if (typeof value !== 'string') throw invalidParam(`custom_fields.${fieldGid}`, 'Text value must be a string');
    return value;
  }

  private describeFieldValue(fieldGid: string, value: string | null): { field: CustomFieldRecord; newValue: unknown; text: string } {
    const field = this.fields.get(fieldGid)!;
    if (field.type === 'enum') {
      const option = field.enumOptions.find((o) => o.gid === value);
      return {
        field,
        // The documented change of an enum custom field names the field and its new enum option.
        newValue: { gid: field.gid, resource_type: 'custom_field', resource_subtype: 'enum', enum_value: option ? { gid: option.gid, resource_type: 'enum_option' } : null },
        text: option ? `changed ${field.name} to "${option.name}"` : `cleared ${field.name}`,
      };
    }
    return { field, newValue: { gid: field.gid, resource_type: 'custom_field', resource_subtype: 'text' }, text: value ? `changed ${field.name} to "${value}"` : `cleared ${field.name}` };
  }

  /** POST /tasks/{gid}/stories: a comment (`comment_added`) by `by`. */
  addComment(taskGid: string, by: string, text: string, htmlText?: string): StoryRecord {
    const task = this.task(taskGid);
    const story = this.story(task, by, 'comment_added', text, htmlText);
    this.record(task, [this.storyEvent(story, by)]);
    return story;
  }

  private story(task: TaskRecord, by: string, subtype: StorySubtype, text: string, htmlText?: string): StoryRecord {
    const story: StoryRecord = {
      gid: this.newGid(),
      task: task.gid,
      createdAt: this.now(),
      createdBy: by,
      subtype,
      type: subtype === 'comment_added' ? 'comment' : 'system',
      text,
      ...(htmlText !== undefined ? { htmlText } : {}),
    };
    this.stories.set(story.gid, story);
    return story;
  }

  // ---- events ----

  private taskEvent(task: TaskRecord, by: string, action: AsanaEvent['action'], parent: AsanaEvent['parent'], change?: AsanaEvent['change']): AsanaEvent {
    return {
      user: { gid: by, resource_type: 'user' },
      created_at: this.now(),
      action,
      resource: { gid: task.gid, resource_type: 'task', resource_subtype: 'default_task' },
      parent,
      ...(change ? { change } : {}),
    };
  }

  private storyEvent(story: StoryRecord, by: string): AsanaEvent {
    return {
      user: { gid: by, resource_type: 'user' },
      created_at: story.createdAt,
      action: 'added',
      resource: { gid: story.gid, resource_type: 'story', resource_subtype: story.subtype },
      parent: { gid: story.task, resource_type: 'task', resource_subtype: 'default_task' },
    };
  }

  /** Logs a batch (the events of one change) and hands it to the listeners (webhook deliveries). */
  private record(task: TaskRecord, events: AsanaEvent[]): void {
    const scope = [task.gid, ...task.memberships.map((m) => m.project), task.workspace];
    const batch = events.map((event) => {
      this.seq += 1;
      const own = event.resource.resource_type === 'story' ? [event.resource.gid] : [];
      return { seq: this.seq, event, scope: [...own, ...scope] };
    });
    this.events.push(...batch);
    for (const listener of this.listeners) listener(batch);
  }
}
