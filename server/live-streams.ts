import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import { STREAM_CLOSED_TOO_MANY } from '../lib/sync/hub-client';

/**
 * Bytes a stream may leave queued and unsent. An announcement is only "there is news up to seq N", so
 * a reader this far behind loses nothing by being cut off: it reconnects and pulls.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;
/** Frames a client may send at once; its only legitimate frame is a "ping" every 20 s (and pongs to ours). */
export const CLIENT_FRAME_BURST = 10;
/** One more client frame is allowed every this many milliseconds. */
export const CLIENT_FRAME_REFILL_MS = 2000;
/** The largest client frame read: a keepalive is four bytes. */
export const MAX_CLIENT_FRAME_BYTES = 4096;
/** How often the hub pings each stream; a stream that has not answered the previous ping is cut off. */
export const KEEPALIVE_MS = 20_000;
/** Streams one member may hold: several browsers, and a reconnect before a half-open one is noticed. */
export const DEFAULT_MAX_STREAMS_PER_MEMBER = 10;
/** Close codes a client sees. */
export const CLOSE_POLICY_VIOLATION = 1008;
export const CLOSE_TOO_MANY_STREAMS = STREAM_CLOSED_TOO_MANY;
/** A client that does not answer a close frame (it may not be reading at all) is cut off after this. */
const CLOSE_GRACE_MS = 1000;
const PONG = Buffer.from('pong');

export interface StreamFigures {
  /** Open streams. */
  open: number;
  /** The most bytes ever left queued for one stream after a send: never above MAX_BUFFERED_BYTES. */
  peakBufferedBytes: number;
  /** Streams the hub closed, by why. */
  closed: { slow: number; flooding: number; overMemberLimit: number; unresponsive: number };
}

export interface LiveStreamsOptions {
  keepaliveMs: number;
  maxStreamsPerMember: number;
  log: (entry: Record<string, unknown>) => void;
}

interface Stream {
  ws: WebSocket;
  workspaceId: string;
  memberId: string;
  /** Client frames left in this stream's bucket, as of `refilledAt`. */
  frames: number;
  refilledAt: number;
  /** The payload of the hub's outstanding ping: only a pong carrying it proves the client alive. */
  awaitedPong: Buffer | null;
  keepalive?: NodeJS.Timeout;
  /** Closed or cut off by the hub (or by the client): nothing more is sent to it or read from it. */
  gone: boolean;
}

/**
 * The open live streams (`/v1/stream`) and the limits that keep one member from exhausting the hub:
 * a bound on each stream's unsent bytes, a token bucket on client frames, liveness proven only by
 * pongs to the hub's own pings, and a cap on streams per member (the oldest gives way).
 */
export class LiveStreams {
  private readonly byWorkspace = new Map<string, Set<Stream>>();
  private readonly byMember = new Map<string, Stream[]>();
  private readonly counts: StreamFigures = { open: 0, peakBufferedBytes: 0, closed: { slow: 0, flooding: 0, overMemberLimit: 0, unresponsive: 0 } };

  constructor(private readonly options: LiveStreamsOptions) {}

  /** Serves a newly opened stream; `onKeepalive` runs at each keepalive (the hub re-checks the token there). */
  add(ws: WebSocket, caller: { workspaceId: string; memberId: string }, onKeepalive: () => void = () => undefined): void {
    const stream: Stream = { ws, workspaceId: caller.workspaceId, memberId: caller.memberId, frames: CLIENT_FRAME_BURST, refilledAt: Date.now(), awaitedPong: null, gone: false };
    stream.keepalive = setInterval(() => this.keepalive(stream, onKeepalive), this.options.keepaliveMs);
    const peers = this.byWorkspace.get(caller.workspaceId) ?? new Set();
    this.byWorkspace.set(caller.workspaceId, peers.add(stream));
    this.byMember.set(caller.memberId, [...(this.byMember.get(caller.memberId) ?? []), stream]);
    this.counts.open += 1;
    this.listenTo(stream);
    this.sendText(stream, Buffer.from(JSON.stringify({ type: 'hello', workspaceId: caller.workspaceId })));
    this.enforceMemberCap(caller.memberId);
  }

  /** Tells every stream of the workspace there is news up to `seq` (serialised once for all of them). */
  announce(workspaceId: string, seq: number): void {
    const streams = this.byWorkspace.get(workspaceId);
    if (!streams) return;
    const message = Buffer.from(JSON.stringify({ type: 'events', seq }));
    for (const stream of streams) this.sendText(stream, message);
  }

  /** Workspaces with at least one open stream. */
  workspaces(): string[] {
    return [...this.byWorkspace.keys()];
  }

  figures(): StreamFigures {
    return { ...this.counts, closed: { ...this.counts.closed } };
  }

  closeAll(code: number, reason: string): void {
    for (const streams of [...this.byWorkspace.values()]) {
      for (const stream of streams) {
        this.forget(stream);
        stream.ws.close(code, reason);
      }
    }
  }

  private listenTo(stream: Stream): void {
    const { ws } = stream;
    ws.on('message', (data, isBinary) => {
      // The client's keepalive keeps its service worker awake: answered while within its allowance.
      if (this.charge(stream) && !isBinary && data.toString() === 'ping') this.sendText(stream, PONG);
    });
    // The protocol says a ping is answered (autoPong is off); the bucket says how often.
    ws.on('ping', (data) => this.charge(stream) && this.deliver(stream, data.length, () => ws.pong(data)));
    ws.on('pong', (data) => {
      if (stream.awaitedPong?.equals(data)) stream.awaitedPong = null;
      // An unsolicited pong proves nothing, and costs a frame like any other.
      else this.charge(stream);
    });
    ws.on('close', () => this.forget(stream));
  }

  private keepalive(stream: Stream, onKeepalive: () => void): void {
    if (stream.awaitedPong) return this.cutOff(stream, 'unresponsive');
    const payload = randomBytes(8);
    stream.awaitedPong = payload;
    this.deliver(stream, payload.length, () => stream.ws.ping(payload));
    onKeepalive();
  }

  /** Takes one frame from the stream's bucket; a stream out of frames is closed as a policy violation. */
  private charge(stream: Stream): boolean {
    if (stream.gone) return false;
    const now = Date.now();
    stream.frames = Math.min(CLIENT_FRAME_BURST, stream.frames + (now - stream.refilledAt) / CLIENT_FRAME_REFILL_MS);
    stream.refilledAt = now;
    if (stream.frames >= 1) {
      stream.frames -= 1;
      return true;
    }
    const reason = `Too many frames: at most ${CLIENT_FRAME_BURST} at once, then one every ${CLIENT_FRAME_REFILL_MS / 1000} s.`;
    this.closeFor(stream, 'flooding', CLOSE_POLICY_VIOLATION, reason);
    return false;
  }

  /** The member's streams beyond the cap close with 4008, oldest first: a new stream is never refused. */
  private enforceMemberCap(memberId: string): void {
    const own = this.byMember.get(memberId) ?? [];
    const { maxStreamsPerMember } = this.options;
    const reason = `Too many live streams for one member (at most ${maxStreamsPerMember}): the oldest is closed.`;
    while (own.length > maxStreamsPerMember) this.closeFor(own[0]!, 'overMemberLimit', CLOSE_TOO_MANY_STREAMS, reason);
  }

  /** Sends unless that would leave more than the bound unsent: then the reader is too slow and is cut off. */
  private deliver(stream: Stream, bytes: number, send: () => void): void {
    const { ws } = stream;
    if (stream.gone || ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount + bytes > MAX_BUFFERED_BYTES) return this.cutOff(stream, 'slow');
    send();
    this.counts.peakBufferedBytes = Math.max(this.counts.peakBufferedBytes, ws.bufferedAmount);
  }

  private sendText(stream: Stream, message: Buffer): void {
    this.deliver(stream, message.length, () => stream.ws.send(message, { binary: false }));
  }

  private cutOff(stream: Stream, why: 'slow' | 'unresponsive'): void {
    if (!this.forget(stream)) return;
    this.counts.closed[why] += 1;
    this.options.log({ level: 'warn', msg: `live stream cut off: ${why}`, memberId: stream.memberId });
    // No close frame: it would only queue behind what the client is not reading.
    stream.ws.terminate();
  }

  private closeFor(stream: Stream, why: 'flooding' | 'overMemberLimit', code: number, reason: string): void {
    if (!this.forget(stream)) return;
    this.counts.closed[why] += 1;
    this.options.log({ level: 'warn', msg: `live stream closed: ${reason}`, memberId: stream.memberId });
    // Read nothing more from it: its close answer is not needed, and a flood costs nothing from here on.
    stream.ws.pause();
    stream.ws.close(code, reason);
    setTimeout(() => stream.ws.terminate(), CLOSE_GRACE_MS).unref();
  }

  /** Takes the stream out of every index at once; false when it was already gone. */
  private forget(stream: Stream): boolean {
    if (stream.gone) return false;
    stream.gone = true;
    clearInterval(stream.keepalive);
    const peers = this.byWorkspace.get(stream.workspaceId);
    peers?.delete(stream);
    if (peers?.size === 0) this.byWorkspace.delete(stream.workspaceId);
    const own = this.byMember.get(stream.memberId) ?? [];
    own.splice(own.indexOf(stream), 1);
    if (own.length === 0) this.byMember.delete(stream.memberId);
    this.counts.open -= 1;
    return true;
  }
}
