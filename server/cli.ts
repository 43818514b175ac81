import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb, type Db } from './db';
import { listenFrom } from './listen-options';
import { LEGACY_INVITE_DAYS, migrate } from './schema';
import { startHub } from './server';
import { signInSettingsFrom } from './sign-in-settings';
import { HubStore, inviteDays } from './store';
import { inviteLink } from '../lib/sync/invite-link';

// npm run hub [-- invite --email E --name N [--admin] | revoke --email E | backup FILE | restore FILE]
const HELP = `Baton team hub
  npm run hub                                       start on \${BATON_HUB_HOST:-127.0.0.1}:\${BATON_HUB_PORT:-8787}
  npm run hub -- invite --email E --name N [--admin] [--link]
                                                    print a one-time invite code (on stdout, for scripts) and its
                                                    invite link (on stderr; with --link, the link on stdout instead)
  npm run hub -- revoke --email E                     revoke a member's tokens
  npm run hub -- backup FILE | restore FILE           a consistent copy of all data
Data: PGlite in \${BATON_DATA_DIR:-./.baton/hub}, or PostgreSQL at DATABASE_URL.
BATON_PUBLIC_URL: the https:// address members paste into Baton (behind a reverse proxy with TLS).
BATON_INVITE_DAYS: how long an invite can be used (default 7).`;

// The integrations' settings (Slack's webhook URLs, Asana's token, webhooks and sync tokens) are the
// admins' work and go with the backup; their outboxes and the reactors' cursors do not (a restored hub's
// reactors start at each log's end, so nothing is posted twice).
const TABLES = ['workspaces', 'members', 'tokens', 'invites', 'events', 'join_requests', 'slack_channels', 'asana_settings', 'asana_projects'] as const;

const dataDir = () => process.env.BATON_DATA_DIR ?? './.baton/hub';
const pidFile = () => join(dataDir(), 'hub.pid');

/**
 * PGlite is one process's database: a second process on the same folder would not see the hub's
 * writes, nor the hub its own. So the running hub leaves its pid, and the other commands wait for it.
 */
function assertFolderFree(): void {
  if (process.env.DATABASE_URL || !existsSync(pidFile())) return;
  const pid = Number(readFileSync(pidFile(), 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    return; // a hub that died without cleaning up
  }
  throw new Error(
    `A hub (pid ${pid}) is running on ${dataDir()}. The embedded database serves one process: stop the hub, run this command, then start it again — or run the hub on PostgreSQL (DATABASE_URL), where every command works while it runs.`,
  );
}

async function open(): Promise<Db> {
  assertFolderFree();
  const folder = dataDir();
  if (!process.env.DATABASE_URL) mkdirSync(folder, { recursive: true });
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: folder });
  await migrate(db);
  return db;
}

/**
 * The address invite links start with: BATON_PUBLIC_URL, else the hub's own local address (a hub
 * listening on every interface is reached here through loopback).
 */
function hubAddress(): string {
  const { hostname, port, publicUrl, tls } = listenFrom(process.env);
  if (publicUrl) return publicUrl;
  const host = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname.includes(':') ? `[${hostname}]` : hostname;
  return `${tls ? 'https' : 'http'}://${host}:${port}`;
}

/** The hub's one workspace, created (with an admin invite, printed once: the code, then its link) on first start. */
async function ensureWorkspace(store: HubStore): Promise<string> {
  const [existing] = await store.workspaces();
  if (existing) return existing.id;
  const id = await store.createWorkspace(process.env.BATON_WORKSPACE_NAME ?? 'Our agency');
  const code = await store.createInvite(id, { email: process.env.BATON_ADMIN_EMAIL ?? 'admin@example.com', name: 'Admin', role: 'admin' });
  console.log(
    `\nNew workspace created. Admin invite (shown once):\n\n    ${code}\n\nInvite link: ${inviteLink(hubAddress(), code)}\n\nPaste the link in Baton's Settings → Team hub → Invite link to join as the admin.\n`,
  );
  return id;
}

/** Runs the hub until SIGINT or SIGTERM, which let requests in flight finish. Never resolves to an exit code. */
async function serve(): Promise<number> {
  // Read first: a typo in the address or half the sign-in settings stops the hub before it touches the database.
  const listen = listenFrom(process.env);
  const signIn = signInSettingsFrom(process.env);
  // Behind a proxy the hub cannot tell its own public address from a request (it sees http://…).
  if (signIn && !listen.publicUrl) throw new Error('Sign-in needs BATON_PUBLIC_URL: the provider sends people back to BATON_PUBLIC_URL/v1/sign-in/callback, the redirect URI registered with it.');
  inviteDays(process.env);
  const db = await open();
  await ensureWorkspace(new HubStore(db));
  await db.close();
  if (!process.env.DATABASE_URL) {
    writeFileSync(pidFile(), String(process.pid));
    process.once('exit', () => rmSync(pidFile(), { force: true }));
  }
  const hub = await startHub(await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: dataDir() }), {
    ...listen,
    signIn,
    log: (entry) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry })),
  });
  console.log(`Baton hub on ${hub.url}${listen.publicUrl ? `, for members at ${listen.publicUrl}` : ''}`);
  const stop = async (signal: string) => {
    console.log(JSON.stringify({ level: 'info', msg: `${signal}: finishing requests in flight` }));
    await hub.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return -1;
}

async function backup(db: Db, file: string): Promise<void> {
  const copy = await db.transaction(async (tx) => {
    // One snapshot for every table: the copy is consistent even while the hub writes.
    await tx.query('set transaction isolation level repeatable read');
    const data: Record<string, unknown[]> = {};
    for (const table of TABLES) data[table] = (await tx.query(`select * from ${table}`)).rows;
    return data;
  });
  writeFileSync(file, JSON.stringify({ format: 'baton-hub-backup', version: 1, data: copy }));
  console.log(`Wrote ${file}: ${copy.events?.length ?? 0} events.`);
}

/**
 * An invite saved by a hub before invites had ids and expiry (backup version 1, before migration 3):
 * given what that migration gives one, so an old backup restores into this hub.
 */
function inviteFromOlderBackup(row: Record<string, unknown>): Record<string, unknown> {
  if (row.id) return row;
  const codeHash = String(row.code_hash);
  const createdAt = row.created_at ? new Date(String(row.created_at)) : new Date();
  return {
    ...row,
    id: `inv_${createHash('md5').update(codeHash).digest('hex').slice(0, 20)}`,
    expires_at: row.used_at ? null : new Date(createdAt.getTime() + LEGACY_INVITE_DAYS * 86_400_000),
  };
}

async function restore(db: Db, file: string): Promise<void> {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { format?: string; data?: Record<string, Record<string, unknown>[]> };
  if (saved.format !== 'baton-hub-backup' || !saved.data) throw new Error(`${file} is not a Baton hub backup.`);
  const data = saved.data;
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ n: string }>('select count(*) as n from workspaces');
    if (Number(rows[0]?.n) > 0) throw new Error('Restore into an empty hub (a new BATON_DATA_DIR or database).');
    for (const table of TABLES) {
      for (const saved of data[table] ?? []) {
        const row = table === 'invites' ? inviteFromOlderBackup(saved) : saved;
        const columns = Object.keys(row);
        const values = columns.map((c) => (c === 'body' ? JSON.stringify(row[c]) : row[c]));
        await tx.query(`insert into ${table} (${columns.map((c) => `"${c.replace(/"/g, '')}"`).join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, values);
      }
    }
  });
  console.log(`Restored ${data.events?.length ?? 0} events.`);
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' }, link: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, file] = positionals;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!command) return serve();
  const db = await open();
  try {
    const store = new HubStore(db);
    switch (command) {
      case 'invite': {
        if (!values.email || !values.name) throw new Error('invite needs --email and --name');
        const workspaceId = await ensureWorkspace(store);
        // The address first: a setting it cannot read stops the command before an invite exists unprinted.
        const address = hubAddress();
        const code = await store.createInvite(workspaceId, { email: values.email, name: values.name, role: values.admin ? 'admin' : 'member' });
        const link = inviteLink(address, code);
        // Scripts read stdout: the bare code, as always (or the link alone with --link); a person reads both.
        console.log(values.link ? link : code);
        if (!values.link) console.error(`Invite link for ${values.name}: ${link}`);
        return 0;
      }
      case 'revoke': {
        if (!values.email) throw new Error('revoke needs --email');
        const workspaceId = await ensureWorkspace(store);
        console.log(`Revoked ${await store.revokeTokens(workspaceId, values.email)} token(s).`);
        return 0;
      }
      case 'backup':
        if (!file) throw new Error('backup needs a FILE');
        await backup(db, file);
        return 0;
      case 'restore':
        if (!file) throw new Error('restore needs a FILE');
        await restore(db, file);
        return 0;
      default:
        console.error(`Unknown command ${command}.\n\n${HELP}`);
        return 2;
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
