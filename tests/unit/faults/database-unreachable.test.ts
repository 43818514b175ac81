import { createServer, Socket, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../../server/db';
import { startHub } from '../../../server/server';
import { databases, freshDb, join, teamsClosedAfterEach } from '../server/hub-harness';

const { closeAfter } = teamsClosedAfterEach();
const postgres = databases().find((d) => d.kind === 'postgres');

/**
 * A TCP relay between the hub and PostgreSQL whose wire can be cut without closing it: bytes are
 * swallowed both ways, as when a network drops packets (no RST, no FIN: the hub hears nothing).
 */
async function cuttableRelay(target: URL): Promise<{ port: number; cut(): void; mend(): void; close(): Promise<void> }> {
  let cut = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((inbound) => {
    const outbound = new Socket().connect(Number(target.port || 5432), target.hostname);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    inbound.on('data', (chunk) => cut || outbound.write(chunk));
    outbound.on('data', (chunk) => cut || inbound.write(chunk));
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut: () => (cut = true),
    // Mended: what was cut stays dead (its bytes are lost); new connections work.
    mend: () => {
      cut = false;
      for (const s of sockets) s.destroy();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(!postgres)('a PostgreSQL that stops answering (the network cut, nothing refused)', { timeout: 60_000 }, () => {
  it('answers pushes 503 within the timeouts instead of hanging, and takes them again once the network is back', async () => {
    const { db: setup, url } = await freshDb('postgres', postgres!.url);
    await setup.close();
    const target = new URL(url!);
    const relay = await cuttableRelay(target);
    const viaRelay = new URL(url!);
    viaRelay.host = `127.0.0.1:${relay.port}`;
    try {
      const hub = closeAfter(await startHub(await openPostgres(viaRelay.toString(), { connectMs: 1_000, queryMs: 2_000 }), { port: 0 }));
      const workspaceId = await hub.store.createWorkspace('Brightlane');
      const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
      const [first] = await jane.push(jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }));
      expect(first.status).toBe('accepted');

      relay.cut();
      const started = Date.now();
      const during = await jane.call('/v1/events', { method: 'POST', body: JSON.stringify({ events: [jane.event('client.created', 'acme', { name: 'Acme' })] }) });
      expect(during.status).toBe(503);
      expect(during.body.error).toMatch(/database is unavailable right now/);
      // Bounded by the timeouts (a 1 s connect, a 2 s statement), not by TCP's minutes.
      expect(Date.now() - started).toBeLessThan(15_000);

      relay.mend();
      const again = jane.event('client.created', 'globex', { name: 'Globex' });
      await expect.poll(async () => (await jane.call('/v1/events', { method: 'POST', body: JSON.stringify({ events: [again] }) })).status, { timeout: 20_000, interval: 500 }).toBe(200);
      const { body } = await jane.call('/v1/events?after=0&limit=100');
      const ids = body.events.map((e: { event: { id: string } }) => e.event.id);
      expect(ids.filter((id: string) => id === again.id)).toHaveLength(1);
    } finally {
      await relay.close();
    }
  });
});
