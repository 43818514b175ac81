// vitest globalSetup for the hub's tests: starts a throwaway real PostgreSQL (scripts/postgres.mjs) so the
// same hub tests can run against PGlite and against PostgreSQL.
//
// In a test file:
//
//   import { inject, it } from 'vitest';
//   const databaseUrl = inject('databaseUrl');            // string, or undefined when PostgreSQL is missing
//   it.skipIf(!databaseUrl)('… on PostgreSQL', async () => { … new pg.Client(databaseUrl) … });
//
// Child processes the tests spawn (hub processes) can read process.env.BATON_TEST_DATABASE_URL, which is
// set here too (the test workers inherit it, and so do their children).
//
// When PostgreSQL cannot be started the real-database tests are skipped with a loud warning — except
// under CI=true, where that is a failure: CI must run them (.ci/run installs Debian's `postgresql`).
// If BATON_TEST_DATABASE_URL is already set, that database is used and nothing is started.
import type { TestProject } from 'vitest/node';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the real PostgreSQL for hub tests; undefined when it could not be started (never under CI). */
    databaseUrl: string | undefined;
  }
}

interface TestPostgres {
  url: string;
  stop(): Promise<void>;
  /** True when an already running cluster (or BATON_TEST_DATABASE_URL) was used rather than started. */
  reused: boolean;
  external: boolean;
  dir: string | null;
}

/** scripts/postgres.mjs is plain JS (shared with the npm scripts and CI); give it a type here. */
interface PostgresHelpers {
  startTestPostgres(options?: { port?: number }): Promise<TestPostgres>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const ENV_KEY = 'BATON_TEST_DATABASE_URL';

let started: TestPostgres | undefined;
let envWasSet = false;

function inCI(): boolean {
  const ci = process.env.CI;
  return Boolean(ci) && ci !== 'false' && ci !== '0';
}

function loudWarning(reason: string): string {
  const bar = '#'.repeat(100);
  const lines = [
    'REAL POSTGRESQL TESTS SKIPPED: PostgreSQL could not be started.',
    ...reason.split('\n').map((line) => `  ${line}`),
    'The hub tests ran against PGlite only; every test that needs a real PostgreSQL was skipped.',
    "Fix: install PostgreSQL (Debian: `apt-get install -y postgresql`), or set BATON_TEST_DATABASE_URL",
    'to an existing database. Under CI=true this is an error, not a skip.',
  ];
  return ['', bar, ...lines.map((line) => `#  ${line}`), bar, ''].join('\n');
}

export async function setup(project: TestProject): Promise<void> {
  const began = Date.now();
  try {
    const { startTestPostgres } = (await import(
      pathToFileURL(join(ROOT, 'scripts', 'postgres.mjs')).href
    )) as PostgresHelpers;
    started = await startTestPostgres();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (inCI()) {
      throw new Error(
        `CI=true: the hub's real-PostgreSQL tests must run, but PostgreSQL could not be started.\n${reason}`,
        { cause: error },
      );
    }
    process.stderr.write(`${loudWarning(reason)}\n`);
    project.provide('databaseUrl', undefined);
    return;
  }

  if (process.env[ENV_KEY] !== started.url) {
    process.env[ENV_KEY] = started.url;
    envWasSet = true;
  }
  project.provide('databaseUrl', started.url);
  const how = started.external ? `from ${ENV_KEY}` : started.reused ? 'reused a running cluster' : `started in ${Date.now() - began} ms`;
  process.stderr.write(`Real PostgreSQL for hub tests: ${started.url} (${how})\n`);
}

export async function teardown(): Promise<void> {
  const pg = started;
  started = undefined;
  if (envWasSet) {
    delete process.env[ENV_KEY];
    envWasSet = false;
  }
  // A cluster we found running (someone ran `node scripts/postgres.mjs start`) is left running for them.
  if (pg && !pg.reused) await pg.stop();
}
