// A throwaway PostgreSQL cluster for the hub's real-database tests.
//
//   import { startTestPostgres } from './scripts/postgres.mjs';
//   const pg = await startTestPostgres();      // { url, stop(), reused, external, dir }
//
//   haltTestPostgres({ port, dir }) / resumeTestPostgres({ port, dir })   an outage: the server stops,
//                                              its data stays; then it starts again on the same data
//
//   node scripts/postgres.mjs start [--port N]  prints the URL, leaves the server running
//   node scripts/postgres.mjs url   [--port N]  prints the URL of a running cluster (exit 1 if none)
//   node scripts/postgres.mjs stop  [--port N]  stops it and removes its folder
//
// The cluster lives in <tmp>/baton-pg-<port> (data/, the unix socket and postgres.log), listens only on
// 127.0.0.1:<port>, trusts local connections and has a database `baton_test` owned by the role
// `postgres`. It uses the server binaries of the newest PostgreSQL found (Debian's
// /usr/lib/postgresql/<v>/bin, else `pg_config --bindir`, else PATH). PostgreSQL refuses to run as root,
// so as root the folder belongs to the `postgres` system user and the server runs as that user.
//
// When BATON_TEST_DATABASE_URL is already set nothing is started: that URL is returned as is.
// Environment: BATON_TEST_PG_PORT (default port), BATON_PG_BINDIR (server binaries),
// BATON_PG_DIR (cluster folder instead of <tmp>/baton-pg-<port>).
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, appendFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_PORT = 55432;
export const DATABASE = 'baton_test';
export const ROLE = 'postgres';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function defaultPort() {
  const fromEnv = Number(process.env.BATON_TEST_PG_PORT);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_PORT;
}

/** The URL tests and hub processes connect with. */
export function testPostgresUrl(port = defaultPort()) {
  return `postgres://${ROLE}@127.0.0.1:${port}/${DATABASE}`;
}

/** Where the cluster for `port` lives. As root: under /tmp, which the postgres user can always reach. */
export function clusterDir(port = defaultPort()) {
  if (process.env.BATON_PG_DIR) return resolve(process.env.BATON_PG_DIR);
  return join(isRoot ? '/tmp' : tmpdir(), `baton-pg-${port}`);
}

// ---------------------------------------------------------------------------------------------------
// Finding the binaries

function hasServerBinaries(dir) {
  return Boolean(dir) && ['initdb', 'pg_ctl', 'postgres', 'psql'].every((name) => existsSync(join(dir, name)));
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
    ...options,
  });
  return {
    status: result.status,
    ok: result.status === 0,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    error: result.error,
  };
}

/** The newest PostgreSQL server binaries on this machine, or null. */
export function findPostgresBinDir() {
  const candidates = [];
  if (process.env.BATON_PG_BINDIR) candidates.push(process.env.BATON_PG_BINDIR);
  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(join('/usr/lib/postgresql', version, 'bin'));
  } catch {
    // not Debian's layout
  }
  const pgConfig = run('pg_config', ['--bindir']);
  if (pgConfig.ok) candidates.push(pgConfig.stdout.trim()); // on Debian this is /usr/bin (client only)
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  return candidates.find(hasServerBinaries) ?? null;
}

function installHelp() {
  return (
    'PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found. ' +
    'On Debian/Ubuntu: `apt-get install -y postgresql`; on macOS: `brew install postgresql`; ' +
    'or set BATON_PG_BINDIR to their folder, or BATON_TEST_DATABASE_URL to an existing database.'
  );
}

// ---------------------------------------------------------------------------------------------------
// Running commands as the cluster's owner

function shellQuote(word) {
  return `'${String(word).replace(/'/g, `'\\''`)}'`;
}

let runuserWorks;
/** Runs a server binary as the cluster owner: ourselves, or `postgres` when we are root. */
function runAsOwner(cmd, args, options = {}) {
  if (!isRoot) return run(cmd, args, options);
  const cwd = options.cwd ?? '/'; // the postgres user may not be allowed into our working directory
  if (runuserWorks !== false) {
    const result = run('runuser', ['-u', 'postgres', '--', cmd, ...args], { ...options, cwd });
    if (result.error?.code !== 'ENOENT') {
      runuserWorks = true;
      return result;
    }
    runuserWorks = false;
  }
  const line = [cmd, ...args].map(shellQuote).join(' ');
  return run('su', ['postgres', '-s', '/bin/sh', '-c', line], { ...options, cwd });
}

function postgresUserIds() {
  const uid = run('id', ['-u', 'postgres']);
  const gid = run('id', ['-g', 'postgres']);
  if (!uid.ok || !gid.ok) {
    throw new Error(
      'Running as root, but there is no `postgres` system user to run PostgreSQL as (PostgreSQL refuses ' +
        "to run as root). Debian's `postgresql` package creates it; or run the tests as a normal user.",
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function describe(result) {
  if (result.error) return result.error.message;
  return (result.stderr || result.stdout).trim() || `exit code ${result.status}`;
}

// ---------------------------------------------------------------------------------------------------
// State of an existing cluster

function readPid(dataDir) {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  try {
    // A killed postmaster can linger as a zombie until it is reaped: that is not a running server.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS)
  }
}

function looksLikePostgres(pid) {
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
}

/** Runs one SQL statement through psql over TCP; returns the trimmed output or null. */
function psql(bin, port, database, sql) {
  const result = run(
    join(bin, 'psql'),
    ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', ROLE, '-d', database, '-c', sql],
    { env: { ...process.env, PGCONNECT_TIMEOUT: '3', PGPASSWORD: '' }, timeout: 15_000 },
  );
  return result.ok ? result.stdout.trim() : null;
}

function portAnswers(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (answer) => {
      socket.destroy();
      done(answer);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function ensureDatabase(bin, port) {
  const exists = psql(bin, port, 'postgres', `select 1 from pg_database where datname = '${DATABASE}'`);
  if (exists === '1') return;
  const created = psql(bin, port, 'postgres', `create database ${DATABASE}`);
  if (created === null) throw new Error(`PostgreSQL started on port ${port}, but creating the database ${DATABASE} failed.`);
}

function removeDir(dir) {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch (error) {
    throw new Error(`Cannot remove the old test cluster ${dir} (${error.message}); remove it by hand.`, { cause: error });
  }
}

// ---------------------------------------------------------------------------------------------------
// Start and stop

/**
 * Starts (or reuses) the throwaway cluster on `port` and returns its URL.
 * Throws an Error saying why when PostgreSQL cannot be started.
 * With `dir`, a cluster of the caller's own in that folder (a test that restarts PostgreSQL must not
 * restart the one other tests share): it is always started, whatever BATON_TEST_DATABASE_URL says.
 * @param {{ port?: number, dir?: string }} [options]
 * @returns {Promise<{ url: string, stop: () => Promise<void>, reused: boolean, external: boolean, dir: string | null }>}
 */
export async function startTestPostgres({ port = defaultPort(), dir: ownDir } = {}) {
  if (process.env.BATON_TEST_DATABASE_URL && !ownDir) {
    return { url: process.env.BATON_TEST_DATABASE_URL, stop: async () => {}, reused: true, external: true, dir: null };
  }
  const bin = findPostgresBinDir();
  if (!bin) throw new Error(installHelp());

  const dir = ownDir ? resolve(ownDir) : clusterDir(port);
  const dataDir = join(dir, 'data');
  const url = testPostgresUrl(port);
  const handle = (reused) => ({ url, stop: () => stopTestPostgres({ port, dir }), reused, external: false, dir });

  // 1. Reuse a cluster of ours that already answers on this port; clear away whatever is left over.
  if (existsSync(dir)) {
    const pid = readPid(dataDir);
    if (pid && isAlive(pid) && looksLikePostgres(pid)) {
      const serving = psql(bin, port, 'postgres', 'show data_directory');
      if (serving && sameDir(serving, dataDir)) {
        ensureDatabase(bin, port);
        return handle(true);
      }
      // Ours but not answering (hung, half-started): stop it hard before wiping its files.
      runAsOwner(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '10']);
    }
    removeDir(dir);
  }

  // 2. Refuse to fight another server for the port.
  if (await portAnswers(port)) {
    throw new Error(
      `Port 127.0.0.1:${port} is already in use by another process, so the test PostgreSQL cannot listen there. ` +
        'Stop that process, or set BATON_TEST_PG_PORT to a free port (or BATON_TEST_DATABASE_URL to an existing database).',
    );
  }

  // 3. A fresh cluster.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (isRoot) {
    const { uid, gid } = postgresUserIds();
    chownSync(dir, uid, gid);
  }
  const init = runAsOwner(join(bin, 'initdb'), [
    '-D', dataDir,
    '-U', ROLE,
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
    '--no-instructions',
  ]);
  if (!init.ok) {
    const why = describe(init);
    removeDir(dir);
    throw new Error(`initdb failed: ${why}`);
  }
  // Settings for a disposable test server: loopback only, its own socket folder, no durability.
  appendFileSync(
    join(dataDir, 'postgresql.conf'),
    [
      '',
      '# baton test cluster (scripts/postgres.mjs)',
      `listen_addresses = '127.0.0.1'`,
      `port = ${port}`,
      `unix_socket_directories = '${dir.replace(/'/g, "''")}'`,
      'max_connections = 200',
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      "log_min_messages = 'warning'",
      '',
    ].join('\n'),
  );
  const logFile = join(dir, 'postgres.log');
  const start = runAsOwner(join(bin, 'pg_ctl'), ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '30', '-s']);
  if (!start.ok) {
    let log = '';
    try {
      log = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
    } catch {
      // no log
    }
    removeDir(dir);
    throw new Error(`pg_ctl start failed: ${describe(start)}${log ? `\n--- postgres.log ---\n${log}` : ''}`);
  }
  ensureDatabase(bin, port);
  return handle(false);
}

function pgCtl(dir, args, what) {
  const bin = findPostgresBinDir();
  if (!bin) throw new Error(installHelp());
  const result = runAsOwner(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), ...args, '-w', '-t', '30', '-s']);
  if (!result.ok) throw new Error(`pg_ctl ${what} failed: ${describe(result)}`);
}

/**
 * An outage: stops the cluster's server (`fast`: connections are cut, as in a restart; `immediate`: as
 * in a crash) and keeps its data. `resumeTestPostgres` starts it again.
 * @param {{ port?: number, dir?: string, mode?: 'fast' | 'immediate' }} [options]
 */
export function haltTestPostgres({ port = defaultPort(), dir = clusterDir(port), mode = 'fast' } = {}) {
  pgCtl(dir, ['stop', '-m', mode], 'stop');
}

/** Starts a halted cluster again on its data; resolves once it accepts connections. */
export function resumeTestPostgres({ port = defaultPort(), dir = clusterDir(port) } = {}) {
  pgCtl(dir, ['start', '-l', join(dir, 'postgres.log')], 'start');
}

function sameDir(a, b) {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Stops the cluster on `port` (if running) and removes its folder. */
export async function stopTestPostgres({ port = defaultPort(), dir = clusterDir(port) } = {}) {
  if (!existsSync(dir)) return;
  const dataDir = join(dir, 'data');
  const pid = readPid(dataDir);
  if (pid && isAlive(pid) && looksLikePostgres(pid)) {
    const bin = findPostgresBinDir();
    if (bin) {
      const stop = runAsOwner(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30', '-s']);
      if (!stop.ok) runAsOwner(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '10', '-s']);
    } else {
      process.kill(pid, 'SIGINT'); // "fast" shutdown
    }
  }
  removeDir(dir);
}

// ---------------------------------------------------------------------------------------------------
// CLI

async function main(argv) {
  const [command, ...rest] = argv;
  let port = defaultPort();
  const portAt = rest.indexOf('--port');
  if (portAt !== -1) port = Number(rest[portAt + 1]);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`Bad --port: ${rest[portAt + 1]}`);

  if (command === 'start') {
    const started = Date.now();
    const pg = await startTestPostgres({ port });
    process.stdout.write(`${pg.url}\n`);
    const how = pg.external ? 'from BATON_TEST_DATABASE_URL' : pg.reused ? `reused, ${pg.dir}` : `started in ${Date.now() - started} ms, ${pg.dir}`;
    process.stderr.write(`PostgreSQL ready (${how})\n`);
  } else if (command === 'stop') {
    await stopTestPostgres({ port });
  } else if (command === 'url') {
    if (process.env.BATON_TEST_DATABASE_URL) {
      process.stdout.write(`${process.env.BATON_TEST_DATABASE_URL}\n`);
      return;
    }
    const bin = findPostgresBinDir();
    const dataDir = join(clusterDir(port), 'data');
    const serving = bin ? psql(bin, port, DATABASE, 'show data_directory') : null;
    if (!serving || !sameDir(serving, dataDir)) {
      process.stderr.write(`No test PostgreSQL is running on port ${port}: run \`node scripts/postgres.mjs start\`.\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${testPostgresUrl(port)}\n`);
  } else {
    process.stderr.write('Usage: node scripts/postgres.mjs start|stop|url [--port N]\n');
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  });
}
