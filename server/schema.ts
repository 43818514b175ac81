import type { Db, Queryable } from './db';

/** The week an invite made before invites expired is given (migration 3, and a restored older backup). */
export const LEGACY_INVITE_DAYS = 7;

/** Versioned migrations, the same SQL on PGlite and PostgreSQL. Never edit one that shipped. */
const MIGRATIONS: string[] = [
  `create table workspaces (
     id text primary key,
     name text not null,
     last_seq bigint not null default 0,
     created_at timestamptz not null default now()
   );
   create table members (
     id text primary key,
     workspace_id text not null references workspaces(id),
     name text not null,
     email text not null,
     role text not null check (role in ('admin', 'member')),
     created_at timestamptz not null default now(),
     unique (workspace_id, email)
   );
   create table tokens (
     hash text primary key,
     member_id text not null references members(id),
     workspace_id text not null references workspaces(id),
     created_at timestamptz not null default now(),
     revoked_at timestamptz
   );
   create table invites (
     code_hash text primary key,
     workspace_id text not null references workspaces(id),
     email text not null,
     name text not null,
     role text not null check (role in ('admin', 'member')),
     created_at timestamptz not null default now(),
     used_at timestamptz
   );
   create table events (
     workspace_id text not null references workspaces(id),
     seq bigint not null,
     id text not null unique,
     type text not null,
     actor text not null,
     body jsonb not null,
     received_at timestamptz not null default now(),
     primary key (workspace_id, seq)
   );`,
  // Sign-in through an OpenID Connect provider (server/sign-in-store.ts): the sign-ins under way (single
  // use, minutes long), the one-time codes the extension trades for a token, and who waits for an admin.
  `create table sign_ins (
     state_hash text primary key,
     nonce text not null,
     code_verifier text not null,
     redirect_uri text not null,
     client_state text not null,
     code_challenge text not null,
     expires_at timestamptz not null,
     used_at timestamptz
   );
   create table sign_in_codes (
     code_hash text primary key,
     workspace_id text not null references workspaces(id),
     email text not null,
     name text not null,
     code_challenge text not null,
     expires_at timestamptz not null,
     used_at timestamptz
   );
   create table join_requests (
     id text primary key,
     workspace_id text not null references workspaces(id),
     email text not null,
     name text not null,
     status text not null check (status in ('pending', 'approved', 'declined')),
     created_at timestamptz not null default now(),
     decided_at timestamptz,
     unique (workspace_id, email)
   );`,
  // Invites made from the extension: an id to list and revoke them by (never the code), an expiry and
  // a revocation. Invites made before, still unused, expire a week after they were made, as new ones do.
  `alter table invites add column id text;
   update invites set id = 'inv_' || substr(md5(code_hash), 1, 20) where id is null;
   alter table invites alter column id set not null;
   create unique index invites_id on invites (id);
   alter table invites add column expires_at timestamptz;
   update invites set expires_at = created_at + interval '${LEGACY_INVITE_DAYS} days' where used_at is null;
   alter table invites add column revoked_at timestamptz;
   alter table invites add column created_by text;`,
  // Hub reactors (server/reactors): how far each has read each workspace's log.
  `create table reactor_cursors (
     workspace_id text not null references workspaces(id),
     reactor text not null,
     seq bigint not null default 0,
     primary key (workspace_id, reactor)
   );`,
  // Slack (server/slack): each workspace's incoming-webhook URLs (client_id '' is the workspace's own
  // channel; secrets, kept only here), and the outbox of messages: one row per moment and channel, so
  // each moment is posted once however often the reactor runs; times in epoch milliseconds.
  `create table slack_channels (
     workspace_id text not null references workspaces(id),
     client_id text not null,
     url text not null,
     updated_at timestamptz not null default now(),
     primary key (workspace_id, client_id)
   );
   create table slack_outbox (
     workspace_id text not null references workspaces(id),
     moment text not null,
     channel text not null,
     handoff_id text not null,
     text text not null,
     status text not null check (status in ('pending', 'sent', 'failed')),
     attempts int not null default 0,
     next_at bigint not null,
     created_at bigint not null,
     done_at bigint,
     reason text,
     primary key (workspace_id, moment, channel)
   );
   create index slack_outbox_due on slack_outbox (workspace_id, status, next_at)`,
  // Asana through the hub (server/asana): the bot's token (encrypted when BATON_SECRET_KEY is set), each
  // linked project's webhook and Events API sync token, the changes waiting to become rule triggers,
  // and the write-backs to do (one row per handoff event and action).
  `create table asana_settings (
     workspace_id text primary key references workspaces(id),
     token text not null,
     user_gid text not null,
     user_name text not null,
     user_email text not null,
     blocked_until_ms bigint not null default 0,
     updated_at timestamptz not null default now()
   );
   create table asana_projects (
     workspace_id text not null references workspaces(id),
     project_gid text not null,
     hook_id text not null unique,
     webhook_state text not null default 'none' check (webhook_state in ('none', 'pending', 'active', 'failed')),
     webhook_gid text,
     webhook_secret text,
     webhook_error text,
     webhook_retry_ms bigint not null default 0,
     sync_token text,
     next_poll_ms bigint not null default 0,
     last_poll_ms bigint,
     last_event_ms bigint,
     primary key (workspace_id, project_gid)
   );
   create table asana_inbox (
     workspace_id text not null references workspaces(id),
     event_key text not null,
     project_gid text not null,
     event jsonb not null,
     via text not null check (via in ('webhook', 'poll')),
     received_ms bigint not null,
     attempts int not null default 0,
     processed_ms bigint,
     outcome text,
     primary key (workspace_id, event_key)
   );
   create table asana_outbox (
     workspace_id text not null references workspaces(id),
     id text not null,
     handoff_id text not null,
     task_gid text not null,
     action text not null check (action in ('comment', 'assign', 'move')),
     payload jsonb not null,
     state text not null default 'pending' check (state in ('pending', 'done', 'failed')),
     attempts int not null default 0,
     created_ms bigint not null,
     next_ms bigint not null,
     done_ms bigint,
     last_error text,
     primary key (workspace_id, id)
   );`,
  // Asana failures shown in the settings, not only in the hub log: why a project's poll failed, and
  // why the last call of the workspace failed (a revoked token…).
  `alter table asana_projects add column poll_error text;
   alter table asana_settings add column last_error text`,
];

/** Whether every migration this hub knows has been applied to `db` (what /readyz reports). */
export async function migrationsDone(db: Queryable): Promise<{ applied: number; expected: number }> {
  const { rows } = await db.query<{ v: number | null }>('select max(version) as v from schema_migrations');
  return { applied: Number(rows[0]?.v ?? 0), expected: MIGRATIONS.length };
}

export async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // Several hub processes may start at once on one database: one migrates, the others wait.
    await tx.query('select pg_advisory_xact_lock(727378)');
    await tx.query('create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())');
    const { rows } = await tx.query<{ v: number | null }>('select max(version) as v from schema_migrations');
    const current = rows[0]?.v ?? 0;
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      for (const statement of MIGRATIONS[version - 1]!.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
    }
  });
}
