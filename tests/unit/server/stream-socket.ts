import WebSocket, { type ClientOptions } from 'ws';
import type { Hub } from '../../../server/server';

export interface RawStream {
  socket: WebSocket;
  /** How the stream ended, as the client saw it (1006 when the hub cut it off without a close frame). */
  closed: Promise<{ code: number; reason: string }>;
  /** Announcements received so far, and the seq the latest one carried. */
  announcements: { count: number; lastSeq: number };
  /** Stops reading from the socket, as a client that never reads does (it still writes). */
  stopReading(): void;
  resumeReading(): void;
}

/** A member's live stream at the ws level (to misbehave as a browser never would), open once the hub said hello. */
export async function openRawStream(hub: Hub, token: string, options: ClientOptions = {}): Promise<RawStream> {
  const socket = new WebSocket(`${hub.url.replace('http', 'ws')}/v1/stream`, ['baton', token], options);
  const announcements = { count: 0, lastSeq: 0 };
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  // A cut-off connection may reset; how it ended is what `closed` says.
  socket.on('error', () => undefined);
  const hello = new Promise<void>((resolve, reject) => {
    socket.on('message', (data) => {
      // The answer to a keepalive is the one message that is not JSON.
      if (data.toString() === 'pong') return;
      const message = JSON.parse(data.toString()) as { type: string; seq?: number };
      if (message.type === 'hello') resolve();
      if (message.type !== 'events') return;
      announcements.count += 1;
      announcements.lastSeq = message.seq ?? 0;
    });
    socket.once('error', reject);
  });
  await hello;
  // The socket under ws: pausing it is a client whose reads stall (the hub's writes back up).
  const raw = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  return { socket, closed, announcements, stopReading: () => raw.pause(), resumeReading: () => raw.resume() };
}

/** Waits until `done()` holds, checking every 20 ms; false when it did not within `ms`. */
export async function eventually(done: () => boolean, ms = 5000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
