// deploy/ kept true to the code: every setting the hub reads is explained in .env.example (and nothing
// there is unknown), the Caddyfile is valid for Caddy itself and points where compose.yaml runs the hub,
// compose.yaml's pieces exist and wait for a healthy PostgreSQL, and the systemd unit verifies and stays
// hardened (systemd's own exposure score).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CADDY, caddyAvailable } from '../../e2e/support/caddy';
import { ROOT } from '../server/hub-process';

const DEPLOY = join(ROOT, 'deploy');
const read = (file: string) => readFileSync(join(DEPLOY, file), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'baton-deploy-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Settings read by compose.yaml (and Caddy through it), not by the hub. */
const COMPOSE_ONLY = ['BATON_DOMAIN', 'POSTGRES_PASSWORD'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Every environment variable the hub's code names: BATON_* and DATABASE_URL in server/ and scripts/hub.mjs. */
function settingsTheHubReads(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...filesUnder(join(ROOT, 'server')), join(ROOT, 'scripts', 'hub.mjs')]) {
    if (!/\.(ts|mjs)$/.test(file)) continue;
    for (const [name] of readFileSync(file, 'utf8').matchAll(/\b(?:BATON_[A-Z0-9_]*[A-Z0-9]|DATABASE_URL)\b/g)) found.set(name, relative(ROOT, file));
  }
  return found;
}

/** The names .env.example sets or shows commented out (`NAME=` or `#NAME=`). */
function documentedSettings(): Set<string> {
  return new Set([...read('.env.example').matchAll(/^#?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
}

describe('deploy/.env.example', () => {
  it('explains every setting the hub reads, and nothing unknown', () => {
    const documented = documentedSettings();
    const hubReads = settingsTheHubReads();
    for (const [name, file] of hubReads) expect(documented.has(name), `${name} (read in ${file}) is missing from deploy/.env.example`).toBe(true);
    for (const name of COMPOSE_ONLY) expect(documented.has(name), name).toBe(true);
    for (const name of documented) expect(hubReads.has(name) || COMPOSE_ONLY.includes(name), `${name} in .env.example is read by nothing`).toBe(true);
    // Each setting comes with its explanation: the line above it is a comment.
    const lines = read('.env.example').split('\n');
    for (const [i, line] of lines.entries()) if (/^#?[A-Z][A-Z0-9_]*=/.test(line)) expect(lines[i - 1], line).toMatch(/^#/);
  });

  it('reads the same in a shell as in compose and systemd (docs/deploy.md runs CLI commands with `set -a; . hub.env`)', () => {
    const ran = spawnSync('sh', ['-c', `set -a; . '${join(DEPLOY, '.env.example')}'; printf '%s|%s' "$BATON_WORKSPACE_NAME" "$BATON_ADMIN_EMAIL"`], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toBe('Our agency|admin@example.com');
  });
});

describe('deploy/compose.yaml', () => {
  const compose = read('compose.yaml');
  /** The lines of one top-level service, by its two-space-indented name. */
  const service = (name: string) => new RegExp(`^  ${name}:\\n((?:    .*\\n|\\s*\\n)+)`, 'm').exec(compose)?.[1] ?? '';

  it('builds the hub from deploy/Dockerfile, waits for a healthy PostgreSQL, and puts Caddy with this Caddyfile in front', () => {
    expect(service('hub')).toMatch(/context: \.\.\n\s+dockerfile: deploy\/Dockerfile/);
    expect(existsSync(join(DEPLOY, '..', 'deploy', 'Dockerfile'))).toBe(true);
    expect(service('hub')).toMatch(/depends_on:\n\s+postgres:\n\s+condition: service_healthy/);
    expect(service('hub')).toMatch(/env_file: \.env/);
    expect(service('hub')).toMatch(/BATON_TRUST_PROXY: "1"/);
    expect(service('postgres')).toMatch(/image: postgres:15/);
    expect(service('postgres')).toMatch(/healthcheck:\n\s+test: \["CMD-SHELL", "pg_isready -U baton -d baton"\]/);
    expect(service('postgres')).toMatch(/- postgres-data:\/var\/lib\/postgresql\/data/);
    expect(service('caddy')).toMatch(/image: caddy:2/);
    expect(service('caddy')).toMatch(/- \.\/Caddyfile:\/etc\/caddy\/Caddyfile:ro/);
    // Caddy starts once the hub's own HEALTHCHECK (deploy/Dockerfile) passes.
    expect(service('caddy')).toMatch(/depends_on:\n\s+hub:\n\s+condition: service_healthy/);
    // The port the hub listens on in the image is the one compose exposes and Caddy proxies to.
    expect(read('Dockerfile')).toMatch(/^EXPOSE 8787$/m);
    expect(service('hub')).toMatch(/expose:\n\s+- "8787"/);
  });

  it('sends the image build only what the Dockerfile copies (deploy/Dockerfile.dockerignore), and all of it', () => {
    const ignore = read('Dockerfile.dockerignore').split('\n').filter((line) => line && !line.startsWith('#'));
    expect(ignore[0]).toBe('*');
    const allowed = ignore.filter((line) => line.startsWith('!')).map((line) => line.slice(1));
    const sources = [...read('Dockerfile').matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(allowed, source).toContain(source);
    for (const path of allowed) expect(sources, path).toContain(path);
  });

  it('uses only settings .env.example explains', () => {
    const documented = documentedSettings();
    for (const [, name] of compose.matchAll(/\$\{([A-Z0-9_]+)/g)) expect(documented.has(name!), name).toBe(true);
  });
});

describe.skipIf(!caddyAvailable())('deploy/Caddyfile, read by Caddy itself', () => {
  /** Caddy's JSON for the Caddyfile with `env`; fails the test with Caddy's message when it does not adapt. */
  function adapt(env: Record<string, string>, command: 'adapt' | 'validate' = 'adapt'): string {
    const ran = spawnSync(CADDY, [command, '--config', join(DEPLOY, 'Caddyfile'), '--adapter', 'caddyfile'], {
      env: { PATH: process.env.PATH, HOME: scratch, XDG_DATA_HOME: join(scratch, 'data'), XDG_CONFIG_HOME: join(scratch, 'config'), ...env },
      encoding: 'utf8',
    });
    expect(ran.status, ran.stderr).toBe(0);
    return ran.stdout;
  }

  it('serves BATON_DOMAIN over HTTPS and proxies to the hub service, or to BATON_UPSTREAM on a VM', () => {
    const config = JSON.parse(adapt({ BATON_DOMAIN: 'hub.brightlane.agency' })) as { apps: { http: { servers: Record<string, { listen: string[]; routes: unknown[] }> } } };
    const [server] = Object.values(config.apps.http.servers);
    expect(server!.listen).toEqual([':443']);
    const routes = JSON.stringify(server!.routes);
    expect(routes).toContain('"host":["hub.brightlane.agency"]');
    expect(routes).toContain('"upstreams":[{"dial":"hub:8787"}]');
    expect(adapt({ BATON_DOMAIN: 'hub.brightlane.agency', BATON_UPSTREAM: '127.0.0.1:8787' })).toContain('"upstreams":[{"dial":"127.0.0.1:8787"}]');
    adapt({ BATON_DOMAIN: 'hub.brightlane.agency' }, 'validate');
  });
});

/** systemd's own checks run where systemd-analyze is, and always under CI=true (.ci/run installs it). */
const systemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0 || (Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0');

describe.skipIf(!systemdAnalyze)('deploy/baton-hub.service', () => {
  const unit = join(DEPLOY, 'baton-hub.service');

  it('verifies cleanly, and systemd rates it well hardened', () => {
    const verified = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8', cwd: scratch });
    expect(verified.status).toBe(0);
    // Unknown keys and bad values are only warnings to systemd: none at all.
    expect(verified.stderr + verified.stdout).toBe('');
    // Exposure 0 (locked down) to 10 (unprotected); threshold in tenths: fails above 2.0.
    const security = spawnSync('systemd-analyze', ['security', '--offline=true', '--threshold=20', unit], { encoding: 'utf8', cwd: scratch });
    expect(security.status, security.stdout.split('\n').slice(-3).join('\n')).toBe(0);
  });

  it('runs the installed bundle as a dynamic user with its state in /var/lib/baton and settings from an environment file', () => {
    const text = readFileSync(unit, 'utf8');
    for (const line of ['DynamicUser=yes', 'StateDirectory=baton', 'Environment=BATON_DATA_DIR=/var/lib/baton', 'EnvironmentFile=/etc/baton/hub.env', 'NoNewPrivileges=yes', 'ProtectSystem=strict', 'WorkingDirectory=/opt/baton', 'ExecStart=/usr/bin/node /opt/baton/cli.mjs']) {
      expect(text.split('\n')).toContain(line);
    }
    // What deploy/build.sh names the bundle, the unit starts.
    expect(read('build.sh')).toMatch(/--outfile="\$out\/cli\.mjs"/);
  });
});
