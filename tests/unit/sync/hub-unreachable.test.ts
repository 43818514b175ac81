// What a person reads when the team hub does not answer at all: a sentence, never the browser's "(Failed to fetch)".
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { call } from '../../../lib/sync/hub-client';

/** A local port that was just open and is now closed: nothing answers there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a hub that cannot be reached', () => {
  it('says where Baton tried, what to check and that changes wait, in plain words', async () => {
    const port = await closedPort();
    const reply = await call(`http://127.0.0.1:${port}/v1/events?after=0`);
    expect(reply).toMatchObject({ ok: false, status: 0, problem: { code: 'hub-unreachable' } });
    const message = reply.ok ? '' : reply.problem.message;
    expect(message).toBe(
      `Baton cannot reach the team hub at http://127.0.0.1:${port}: check the address and your connection; changes wait on this browser and are sent when it answers.`,
    );
    expect(message).not.toMatch(/fetch/i);
  });
});
