import { describe, expect, it } from 'vitest';
import { MAX_BUFFERED_BYTES } from '../../../server/live-streams';
import { EVENTS_CHANNEL } from '../../../server/store';
import { startHub } from '../../../server/server';
import { databases, freshDb, join } from '../server/hub-harness';
import { eventually, openRawStream } from '../server/stream-socket';

/** Announcements sent per round: PGlite overflows its stack on far more NOTIFYs in one statement. */
const PER_ROUND = 5000;
/** Well past what the kernel's socket buffers absorb on loopback (a few MB, ~30 bytes an announcement). */
const MAX_ROUNDS = 100;

/**
 * A member whose browser stops reading its live stream while the workspace is busy: the hub must not
 * queue announcements for it without bound (that is how one member took the hub to 1.4 GB), and the
 * member next door must get every announcement meanwhile. The busy workspace is simulated at the
 * source of announcements, NOTIFY on the database, as other hub processes (or this one) send them.
 */
describe.each(databases())('a slow live-stream consumer on $kind', { timeout: 180_000 }, ({ kind, url }) => {
  it('is cut off once its unsent bytes reach the bound, while a healthy member gets every announcement; it reconnects and pulls all', async () => {
    const { db } = await freshDb(kind, url);
    const hub = await startHub(db, { port: 0 });
    try {
      const workspaceId = await hub.store.createWorkspace('Brightlane');
      const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
      const tom = await join(hub, await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' }));
      const healthy = await openRawStream(hub, jane.token);
      const slow = await openRawStream(hub, tom.token);
      slow.stopReading();

      let announced = 0;
      for (let round = 0; round < MAX_ROUNDS && hub.connections() === 2; round++) {
        await db.query(`select pg_notify($1, $2 || ':' || g) from generate_series($3::int, $4::int) g`, [EVENTS_CHANNEL, workspaceId, announced + 1, announced + PER_ROUND]);
        announced += PER_ROUND;
        // Between rounds the healthy reader reads (PGlite answers without ever yielding to I/O).
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(await eventually(() => hub.connections() === 1)).toBe(true);
      expect(hub.streams()).toMatchObject({ open: 1, closed: { slow: 1 } });
      expect(hub.streams().peakBufferedBytes).toBeLessThanOrEqual(MAX_BUFFERED_BYTES);
      slow.resumeReading();
      expect((await slow.closed).code).toBe(1006);
      console.log(`slow consumer cut off on ${kind} after ${announced} announcements; most bytes left unsent for one stream: ${hub.streams().peakBufferedBytes}`);

      // Jane heard every one of them, and hears the next push.
      expect(await eventually(() => healthy.announcements.count === announced, 30_000)).toBe(true);
      const [pushed] = await jane.push(jane.event('client.created', 'client-acme', { name: 'Acme' }));
      expect(await eventually(() => healthy.announcements.lastSeq === pushed.seq)).toBe(true);
      expect(healthy.socket.readyState).toBe(healthy.socket.OPEN);

      // Tom's browser reconnects and pulls: nothing was lost with the announcements he missed.
      const again = await openRawStream(hub, tom.token);
      const pulled = await tom.call('/v1/events?after=0');
      expect(pulled.body.events.map((e: { event: { id: string } }) => e.event.id)).toContain(pushed.id);
      again.socket.close();
      healthy.socket.close();
    } finally {
      await hub.close();
    }
  });
});
