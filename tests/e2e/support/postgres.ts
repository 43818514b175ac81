// A real PostgreSQL for end-to-end tests: scripts/postgres.mjs's throwaway cluster (port BATON_TEST_PG_PORT),
// and a fresh database in it per test, so a hub starts as on a new server.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { ROOT } from './baton.ts';

interface TestPostgres {
  url: string;
  stop(): Promise<void>;
  reused: boolean;
}

/** scripts/postgres.mjs is plain JS (shared with the npm scripts and CI); give it a type here. */
interface PostgresHelpers {
  startTestPostgres(): Promise<TestPostgres>;
}

/** A new, empty database on the test cluster (started when none runs); `stop` stops a cluster this call started. */
export async function freshPostgresDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const { startTestPostgres } = (await import(pathToFileURL(join(ROOT, 'scripts', 'postgres.mjs')).href)) as PostgresHelpers;
  const cluster = await startTestPostgres();
  const name = `baton_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return { url: url.toString(), stop: () => (cluster.reused ? Promise.resolve() : cluster.stop()) };
}
