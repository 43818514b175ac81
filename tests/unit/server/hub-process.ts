// The hub as its own process (`npm run hub`, bundled once per test file), for tests that kill it:
// `kill -9` must find the hub exactly as an operator runs it, not a hub inside the test's process.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Bundles server/cli.ts into the project (so the bundle finds node_modules); returns its path and a remover. */
export async function buildHubCli(name: string): Promise<{ cli: string; remove(): void }> {
  const cli = join(ROOT, '.output', `test-hub-${name}-${process.pid}`, 'cli.mjs');
  await build({ entryPoints: [join(ROOT, 'server/cli.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: cli, logLevel: 'error' });
  return { cli, remove: () => rmSync(join(cli, '..'), { recursive: true, force: true }) };
}

/**
 * Runs the hub CLI with `env`; resolves once it serves (or, with `args`, once the command exited).
 * `out` keeps everything the process printed, for the test's messages.
 */
export function runCli(cli: string, env: Record<string, string>, args: string[] = []): Promise<{ out: () => string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start within 60 s: ${out}`)), 60_000);
    const check = () => {
      if (args.length > 0 ? child.exitCode !== null : /Baton hub on http/.test(out)) {
        clearTimeout(timer);
        resolve({ out: () => out, child });
      } else if (args.length === 0 && child.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`hub exited with ${child.exitCode}: ${out}`));
      } else setTimeout(check, 50);
    };
    check();
  });
}

/** Kills the process without warning (SIGKILL) and waits until it is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Stops the process the way an operator does (SIGTERM), and waits until it is gone. */
export async function stopGently(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A loopback port nobody listens on now, so a restarted hub can come back at the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
