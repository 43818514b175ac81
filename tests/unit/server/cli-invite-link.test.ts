import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseInviteLink } from '../../../lib/sync/invite-link';
import { hubCliForFile } from './hub-harness';

const run = promisify(execFile);
const { cli, scratch, root } = hubCliForFile('cli-link');
const hubCli = (dataDir: string, env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, [cli(), ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', BATON_DATA_DIR: dataDir, ...env } });

describe('npm run hub -- invite', { timeout: 180_000 }, () => {
  it('prints the invite link beside the bare code: in the first-start banner, on stderr, or alone with --link', async () => {
    const data = join(scratch(), 'hub');
    const first = await hubCli(data, { BATON_PUBLIC_URL: 'https://hub.brightlane.agency/' }, 'invite', '--email', 'tom@brightlane.agency', '--name', 'Tom Reyes');
    const admin = /Admin invite \(shown once\):\s+(bi_\S+)/.exec(first.stdout)![1]!;
    expect(first.stdout).toContain(`Invite link: https://hub.brightlane.agency/join#${admin}`);
    const code = first.stdout.trim().split('\n').at(-1)!;
    expect(first.stderr).toContain(`Invite link for Tom Reyes: https://hub.brightlane.agency/join#${code}`);

    const linked = await hubCli(data, { BATON_HUB_HOST: '0.0.0.0', BATON_HUB_PORT: '9911' }, 'invite', '--email', 'sam@brightlane.agency', '--name', 'Sam', '--link');
    expect(parseInviteLink(linked.stdout)).toEqual({ url: 'http://127.0.0.1:9911', code: expect.stringMatching(/^bi_/) });
    expect(linked.stdout.trim().split('\n')).toHaveLength(1);
  });
});
