import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { CLIENT_FRAME_BURST, MAX_BUFFERED_BYTES } from '../../../server/live-streams';
import { startHub, type HubOptions } from '../../../server/server';
import { databases, freshDb, join } from './hub-harness';
import { eventually, openRawStream, type RawStream } from './stream-socket';

/** A hub with a workspace, its admin Jane and a member Tom, started with `options`; closed by `done`. */
async function teamWith(kind: 'pglite' | 'postgres', url: string | undefined, options: HubOptions = {}) {
  const { db } = await freshDb(kind, url);
  const hub = await startHub(db, { port: 0, ...options });
  const workspaceId = await hub.store.createWorkspace('Brightlane');
  const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
  const tom = await join(hub, await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' }));
  return { hub, jane, tom };
}

describe.each(databases())('live stream limits on $kind', { timeout: 30_000 }, ({ kind, url }) => {
  const floods = {
    // The keepalive a browser sends every 20 s; each one used to be answered, unread, without limit.
    'text "ping" keepalives': (socket: WebSocket) => socket.send('ping'),
    'protocol pings with the largest payload': (socket: WebSocket) => socket.ping(randomBytes(125)),
  };
  it.each(Object.entries(floods))('closes a stream that floods %s without reading, with 1008, and never holds more than the bound unsent for it', async (_, flood) => {
    const { hub, jane, tom } = await teamWith(kind, url);
    try {
      const healthy = await openRawStream(hub, jane.token);
      const flooder = await openRawStream(hub, tom.token);
      flooder.stopReading();
      for (let i = 0; i < 2000; i++) flood(flooder.socket);
      expect(await eventually(() => hub.connections() === 1)).toBe(true);
      expect(hub.streams()).toMatchObject({ open: 1, closed: { flooding: 1, slow: 0 } });
      expect(hub.streams().peakBufferedBytes).toBeLessThanOrEqual(MAX_BUFFERED_BYTES);
      flooder.resumeReading();
      expect(await flooder.closed).toEqual({ code: 1008, reason: expect.stringMatching(/^Too many frames: at most 10 at once/) });

      // The member next door is served as before.
      const [pushed] = await jane.push(jane.event('client.created', 'client-acme', { name: 'Acme' }));
      expect(await eventually(() => healthy.announcements.lastSeq === pushed.seq)).toBe(true);
      healthy.socket.close();
    } finally {
      await hub.close();
    }
  });

  it('answers the keepalive "ping" while it is within its allowance', async () => {
    const { hub, tom } = await teamWith(kind, url);
    try {
      const stream = await openRawStream(hub, tom.token);
      const pongs: string[] = [];
      stream.socket.on('message', (data) => data.toString() === 'pong' && pongs.push('pong'));
      for (let i = 0; i < CLIENT_FRAME_BURST; i++) stream.socket.send('ping');
      expect(await eventually(() => pongs.length === CLIENT_FRAME_BURST)).toBe(true);
      expect(stream.socket.readyState).toBe(stream.socket.OPEN);
      stream.socket.close();
    } finally {
      await hub.close();
    }
  });

  it('cuts off a stream that answers no ping of the hub’s, however many unsolicited pongs it sends; one that answers stays', async () => {
    const { hub, jane, tom } = await teamWith(kind, url, { keepaliveMs: 150 });
    try {
      const answering = await openRawStream(hub, jane.token);
      // A dead peer's stand-in: it never answers the hub's pings, but claims to be alive with pongs of its own.
      const pretender = await openRawStream(hub, tom.token, { autoPong: false });
      const claims = setInterval(() => pretender.socket.pong(randomBytes(8)), 100);
      try {
        expect(await eventually(() => hub.connections() === 1, 3000)).toBe(true);
        expect((await pretender.closed).code).toBe(1006);
      } finally {
        clearInterval(claims);
      }
      // Several keepalives later, the stream whose client answers (as browsers do) is still served.
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(answering.socket.readyState).toBe(answering.socket.OPEN);
      expect(hub.streams()).toMatchObject({ open: 1, closed: { unresponsive: 1, flooding: 0 } });
      answering.socket.close();
    } finally {
      await hub.close();
    }
  });

  it('closes a member’s oldest stream with 4008 when they open an 11th; other members are untouched', async () => {
    const { hub, jane, tom } = await teamWith(kind, url);
    try {
      const janes = await openRawStream(hub, jane.token);
      const toms: RawStream[] = [];
      for (let i = 0; i < 11; i++) toms.push(await openRawStream(hub, tom.token));
      expect(await eventually(() => hub.connections() === 11)).toBe(true);
      expect(await toms[0]!.closed).toEqual({ code: 4008, reason: 'Too many live streams for one member (at most 10): the oldest is closed.' });
      expect(hub.connections()).toBe(11);
      expect(hub.streams().closed.overMemberLimit).toBe(1);

      const [pushed] = await tom.push(tom.event('client.created', 'client-acme', { name: 'Acme' }));
      expect(await eventually(() => [janes, ...toms.slice(1)].every((s) => s.announcements.lastSeq === pushed.seq))).toBe(true);
      expect([janes, ...toms.slice(1)].every((s) => s.socket.readyState === s.socket.OPEN)).toBe(true);
      for (const s of [janes, ...toms]) s.socket.close();
    } finally {
      await hub.close();
    }
  });
});

describe('the stream cap per member is configurable', { timeout: 30_000 }, () => {
  it('reads BATON_MAX_STREAMS_PER_MEMBER once at start, and refuses a value that is not a whole number from 1', async () => {
    process.env.BATON_MAX_STREAMS_PER_MEMBER = '2';
    try {
      const { hub, tom } = await teamWith('pglite', undefined);
      try {
        const first = await openRawStream(hub, tom.token);
        await openRawStream(hub, tom.token);
        await openRawStream(hub, tom.token);
        expect(await eventually(() => hub.connections() === 2)).toBe(true);
        expect((await first.closed).code).toBe(4008);
      } finally {
        await hub.close();
      }
      process.env.BATON_MAX_STREAMS_PER_MEMBER = '0';
      const { db } = await freshDb('pglite');
      await expect(startHub(db, { port: 0 })).rejects.toThrow('BATON_MAX_STREAMS_PER_MEMBER: a whole number from 1, not "0".');
      await db.close();
    } finally {
      delete process.env.BATON_MAX_STREAMS_PER_MEMBER;
    }
  });
});
