// The hub's container image, checked by running its own steps: no container runtime can pull node:20-slim
// on this machine, so deploy/Dockerfile's COPY, RUN, ENV, WORKDIR and CMD run in clean folders (see
// dockerfile-steps.ts), and the result starts on PostgreSQL (as in compose.yaml) and on PGlite (a bare
// `docker run`), answering /readyz and its own HEALTHCHECK.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDb } from '../server/hub-harness';
import { freePort, ROOT, stopGently } from '../server/hub-process';
import { runDockerfile, type RanImage } from './dockerfile-steps';

const scratch = mkdtempSync(join(tmpdir(), 'baton-image-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The host's environment minus every setting of the hub's, as a fresh container has none. */
const hostEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('BATON_') && key !== 'DATABASE_URL'));

let image: RanImage;
beforeAll(() => {
  image = runDockerfile(join(ROOT, 'deploy', 'Dockerfile'), ROOT, scratch, hostEnv);
}, 180_000);

/** Starts the image's CMD with `env` added (as `docker run -e`); resolves once /readyz says ready. */
async function startImage(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; out(): string }> {
  const port = await freePort();
  const [command = '', ...args] = image.cmd;
  const child = spawn(command, args, { cwd: image.workdir, env: { ...hostEnv, ...image.env, BATON_HUB_PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the image's CMD exited with ${child.exitCode}:\n${out}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { child, port, out: () => out };
    if (Date.now() > deadline) throw new Error(`/readyz was not ready within 45 s:\n${out}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs the image's HEALTHCHECK command against a hub on `port`; its exit code. */
function healthcheck(port: number): number | null {
  const [command = '', ...args] = image.healthcheck;
  return spawnSync(command, args, { cwd: image.workdir, env: { ...hostEnv, ...image.env, BATON_HUB_PORT: String(port) }, timeout: 15_000 }).status;
}

describe('the hub image’s own steps, in a clean folder', { timeout: 120_000 }, () => {
  it('build a non-root Node 20 image holding the bundle and only the packages it imports', () => {
    const dockerfile = readFileSync(join(ROOT, 'deploy', 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM node:20-slim\b/gm)).toHaveLength(2);
    expect(image.user).toBe('node');
    expect(image.exposed).toEqual(['8787']);
    expect(image.env.BATON_HUB_HOST).toBe('0.0.0.0');
    expect(image.cmd).toEqual(['node', 'cli.mjs']);
    const installed = readdirSync(join(image.workdir, 'node_modules'));
    const wanted = Object.keys((JSON.parse(readFileSync(join(image.workdir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    expect(wanted).toEqual(expect.arrayContaining(['@electric-sql/pglite', 'pg', 'ws', 'hono']));
    for (const name of wanted) expect(existsSync(join(image.workdir, 'node_modules', name, 'package.json')), name).toBe(true);
    // No build or test tooling in the runtime: the extension's toolchain stays out.
    for (const devOnly of ['esbuild', 'wxt', 'vitest', 'typescript', '@playwright', 'react']) expect(installed).not.toContain(devOnly);
    // Every package installed is the very version (and checksum) the repository's lock names.
    type Lock = { packages: Record<string, { version?: string; integrity?: string }> };
    const repoLock = (JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock).packages;
    const imageLock = Object.entries((JSON.parse(readFileSync(join(image.workdir, 'package-lock.json'), 'utf8')) as Lock).packages).filter(([path]) => path !== '');
    expect(imageLock.length).toBeGreaterThanOrEqual(wanted.length);
    for (const [path, entry] of imageLock) expect({ path, version: entry.version, integrity: entry.integrity }).toEqual({ path, version: repoLock[path]?.version, integrity: repoLock[path]?.integrity });
    // The runtime folder holds the bundle, not the source.
    expect(existsSync(join(image.workdir, 'server'))).toBe(false);
  });

  it('start on PostgreSQL (compose.yaml’s way): ready, healthy, the admin invite printed, stopped by SIGTERM', async ({ skip }) => {
    const url = inject('databaseUrl');
    if (!url) return skip('no PostgreSQL here');
    const { db, url: databaseUrl } = await freshDb('postgres', url);
    await db.close();
    const hub = await startImage({ DATABASE_URL: databaseUrl!, BATON_PUBLIC_URL: 'https://hub.brightlane.agency' });
    try {
      expect(await (await fetch(`http://127.0.0.1:${hub.port}/readyz`)).json()).toMatchObject({ ready: true });
      expect(healthcheck(hub.port)).toBe(0);
      expect(hub.out()).toMatch(/\bbi_[\w-]+/);
      // One JSON log line per event on stdout.
      expect(hub.out()).toMatch(/^\{"time":"[^"]+","level":"info","msg":"hub listening",.*"database":"postgres"/m);
    } finally {
      await stopGently(hub.child);
    }
    expect(hub.child.exitCode).toBe(0);
    expect(healthcheck(hub.port)).toBe(1);
  });

  it('start on the embedded PGlite in BATON_DATA_DIR (a bare `docker run`)', async () => {
    const hub = await startImage({});
    try {
      expect(healthcheck(hub.port)).toBe(0);
      expect(readdirSync(image.env.BATON_DATA_DIR!).length).toBeGreaterThan(0);
    } finally {
      await stopGently(hub.child);
    }
  });
});
