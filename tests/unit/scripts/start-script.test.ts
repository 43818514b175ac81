// `npm start` on a machine without a display: the instructions read cleanly (no JSON log lines among
// them, the right words for the toolbar button), and stopping it stops the hub it started.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../server/hub-process';

const root = join(import.meta.dirname, '..', '..', '..');

/** Whether something accepts connections on the loopback port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('npm start without a display', { timeout: 90_000 }, () => {
  it('prints the steps without log lines, and Ctrl+C stops the hub too', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'baton-start-'));
    const extensionDir = join(scratch, 'chrome-mv3');
    const dataDir = join(scratch, 'hub');
    writeFileSync(join(scratch, 'placeholder'), '');
    await import('node:fs/promises').then((fs) => fs.mkdir(extensionDir, { recursive: true }));
    writeFileSync(join(extensionDir, 'manifest.json'), '{"manifest_version":3,"name":"Baton","version":"0.0.0"}');
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, BATON_SKIP_BUILD: '1', BATON_EXTENSION_DIR: extensionDir, BATON_DATA_DIR: dataDir, BATON_HUB_PORT: String(port) };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    delete env.DATABASE_URL;

    const start = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    start.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    start.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => start.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => out, { timeout: 60_000, interval: 200 }).toContain(`Baton hub on http://127.0.0.1:${port}`);
      // A request the hub logs: its line goes to the log file, not among the instructions.
      await fetch(`http://127.0.0.1:${port}/`).then((r) => r.arrayBuffer());
      await expect.poll(() => readFileSync(join(dataDir, 'hub.log'), 'utf8'), { timeout: 10_000, interval: 200 }).toMatch(/^\{.*\}$/m);
      expect(out.split('\n').filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
      expect(out).toContain('click the Baton icon in the toolbar, then "Open side panel"');
      expect(out).not.toContain('click the Baton icon to open the side panel');

      start.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(await listening(port)).toBe(false);
    } finally {
      if (start.exitCode === null) start.kill('SIGKILL');
    }
  });
});
