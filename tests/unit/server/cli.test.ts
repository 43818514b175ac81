import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../../server/db';
import { HubStore } from '../../../server/store';
import { hubCliForFile } from './hub-harness';

const run = promisify(execFile);
const { cli: builtCli, scratch: scratchDir, root: ROOT } = hubCliForFile('cli');
const hubCli = (dataDir: string, ...args: string[]) => run(process.execPath, [builtCli(), ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', BATON_DATA_DIR: dataDir } });

describe('npm run hub -- …', { timeout: 180_000 }, () => {
  it('prints invite codes, and backs up and restores a hub exactly', async () => {
    const data = join(scratchDir(), 'hub');
    const { stdout } = await hubCli(data, 'invite', '--email', 'Tom@Brightlane.agency', '--name', 'Tom Reyes');
    expect(stdout).toMatch(/Admin invite \(shown once\):\s+bi_\S+/);
    const code = stdout.trim().split('\n').at(-1)!;
    expect(code).toMatch(/^bi_[\w-]{20,}$/);
    const admin = /Admin invite \(shown once\):\s+(\S+)/.exec(stdout)![1]!;

    // Use the hub a little, then copy it.
    const db = await openPglite(data);
    const store = new HubStore(db);
    expect(await store.redeemInvite(admin)).toMatchObject({ member: { role: 'admin' } });
    expect(await store.redeemInvite(code)).toMatchObject({ member: { email: 'tom@brightlane.agency' } });
    const before = await store.pull((await store.workspaces())[0]!.id, 0, 100);
    await db.close();

    const file = join(scratchDir(), 'backup.json');
    // The workspace's creation and its two default rules, then Tom's joining.
    expect((await hubCli(data, 'backup', file)).stdout).toContain('4 events');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'baton-hub-backup', version: 1 });
    const restoredDir = join(scratchDir(), 'restored');
    expect((await hubCli(restoredDir, 'restore', file)).stdout).toContain('Restored 4 events');
    await expect(hubCli(restoredDir, 'restore', file)).rejects.toThrow(/empty hub/);

    const copy = await openPglite(restoredDir);
    const restored = new HubStore(copy);
    const [ws] = await restored.workspaces();
    expect(await restored.pull(ws!.id, 0, 100)).toEqual(before);
    await copy.close();
    await expect(hubCli(join(scratchDir(), 'x'), 'restore', join(ROOT, 'package.json'))).rejects.toThrow(/not a Baton hub backup/);

    // While a hub runs on the embedded database, commands that would open it too are refused.
    writeFileSync(join(data, 'hub.pid'), String(process.pid));
    await expect(hubCli(data, 'invite', '--email', 'sam@brightlane.agency', '--name', 'Sam')).rejects.toThrow(/is running on .* stop the hub/);
    writeFileSync(join(data, 'hub.pid'), '999999999');
    expect((await hubCli(data, 'invite', '--email', 'sam@brightlane.agency', '--name', 'Sam')).stdout).toMatch(/^bi_/);
  });

  it('restores a backup taken before invites had ids and expiry, and an invite still unused in it works for a week', async () => {
    const data = join(scratchDir(), 'old-hub');
    await hubCli(data, 'invite', '--email', 'tom@brightlane.agency', '--name', 'Tom Reyes');
    const file = join(scratchDir(), 'old-backup.json');
    await hubCli(data, 'backup', file);
    // As a hub before migration 3 wrote it: invites without id, expires_at, revoked_at, created_by.
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { data: { invites: Record<string, unknown>[] } };
    const madeAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    backup.data.invites = backup.data.invites.map(({ id: _id, expires_at: _expires, revoked_at: _revoked, created_by: _by, ...older }) => ({ ...older, created_at: madeAt }));
    writeFileSync(file, JSON.stringify(backup));

    const restoredDir = join(scratchDir(), 'old-restored');
    expect((await hubCli(restoredDir, 'restore', file)).stdout).toContain('Restored 0 events');
    const copy = await openPglite(restoredDir);
    try {
      const restored = new HubStore(copy);
      const [ws] = await restored.workspaces();
      const pending = await restored.listInvites(ws!.id);
      expect(pending.map((p) => p.email).sort()).toEqual(['admin@example.com', 'tom@brightlane.agency']);
      for (const invite of pending) expect(Date.parse(invite.expiresAt!)).toBe(Date.parse(madeAt) + 7 * 86_400_000);
    } finally {
      await copy.close();
    }
  });
});
