import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AsanaApiError } from '../../../server/asana/asana-api-error';
import { AsanaClient, retryAfterSeconds } from '../../../server/asana/client';
import { webhookBase } from '../../../server/asana/config';
import { startLocalAsana, type LocalAsana } from '../../support/local-asana';

// The hub's own Asana client against the local Asana: `data` unwrapped, pagination, Asana's error
// bodies as messages, 429 with Retry-After surfaced (never slept through), a per-request timeout.

let asana: LocalAsana | undefined;
let hanging: Server | undefined;
afterEach(async () => {
  await asana?.close();
  hanging?.closeAllConnections();
  await new Promise<void>((resolve) => (hanging ? hanging.close(() => resolve()) : resolve()));
  asana = hanging = undefined;
});

describe('the hub’s Asana client', () => {
  it('unwraps data, reads every page of a list, and names Asana’s reason and Retry-After when refused', async () => {
    asana = await startLocalAsana();
    const client = new AsanaClient({ baseUrl: asana.url, token: asana.token });
    expect(await client.me()).toMatchObject({ name: 'Baton bot', email: 'baton-bot@agency.example' });
    const project = asana.control.createProject('Many sections');
    for (let i = 0; i < 130; i++) asana.control.createSection(project.gid, `Section ${i}`);
    const sections = await client.sections(project.gid);
    expect(sections).toHaveLength(130);
    expect(sections.at(-1)?.name).toBe('Section 129');
    expect(asana.control.requests().filter((r) => r.path === `/projects/${project.gid}/sections`).map((r) => r.query)).toEqual([expect.stringContaining('limit=100'), expect.stringMatching(/offset=/)]);

    const missing = await client.task('999999999').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AsanaApiError);
    expect(missing).toMatchObject({ status: 404, transient: false, message: expect.stringContaining('Unknown object: 999999999') });
    asana.control.rateLimit({ requests: 1, retryAfterSeconds: 7 });
    const limited = await client.me().catch((e: unknown) => e);
    expect(limited).toMatchObject({ status: 429, retryAfterSeconds: 7, transient: true });
    const first = await client.events(project.gid, undefined);
    expect(first).toMatchObject({ reset: true, sync: expect.any(String) });
  });

  it('gives up on a call Asana does not answer in time', async () => {
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging!.listen(0, '127.0.0.1', resolve));
    const client = new AsanaClient({ baseUrl: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`, token: 't', timeoutMs: 200 });
    const started = Date.now();
    const error = await client.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, transient: true, message: expect.stringContaining('did not answer in time') });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reads Retry-After as seconds or a date, at least a second', () => {
    expect(retryAfterSeconds('30')).toBe(30);
    expect(retryAfterSeconds('0')).toBe(1);
    expect(retryAfterSeconds(new Date(Date.now() + 10_500).toUTCString())).toBeGreaterThanOrEqual(9);
    expect(retryAfterSeconds(null)).toBe(60);
  });

  it('makes webhooks only on an address Asana accepts: https, not localhost or private', () => {
    expect(webhookBase('https://hub.agency.example/', false)).toBe('https://hub.agency.example');
    expect(webhookBase('http://hub.agency.example', false)).toBeUndefined();
    for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '192.168.0.9', '172.20.0.1', '[::1]']) expect(webhookBase(`https://${host}:8787`, false)).toBeUndefined();
    expect(webhookBase(undefined, false)).toBeUndefined();
    expect(webhookBase('http://127.0.0.1:8787', true)).toBe('http://127.0.0.1:8787');
  });
});
