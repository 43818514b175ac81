import { browser } from 'wxt/browser';
import { getMeta, putMeta } from '../db/meta';
import { getHandoff } from '../db/queries';
import type { Notice } from '../db/schema';
import type { BatonEvent } from '../model/event';
import { STORAGE_KEYS } from '../storage/keys';
import { setItem } from '../storage/store';
import { hubUrl, STREAM_CLOSED_TOO_MANY } from '../sync/hub-client';
import { backoffMs, syncOnce, type SyncReport } from '../sync/sync';
import { managedSyncRefusal } from './managed-policy';
import { afterSendNotice } from './after-send-notices';
import { ruleStartedNoticeFor, watcherNoticeFor } from './watcher-notices';
import { handoffNotificationId } from './notification-ids';
import { showWhatAwaitsMe } from './prompt-push';
import type { Session, WorkspaceService } from './workspace';

const KEEPALIVE_MS = 20_000;

export interface SyncStatus {
  lastSyncAt?: string;
  lastError?: string;
  pending: number;
  live: boolean;
}


/** What a pulled event means for me: a handoff to confirm, gaps to answer, answers to review. */
async function noticeFor(session: Session, event: BatonEvent): Promise<Notice | null> {
  if (event.entity.kind !== 'handoff') return null;
  const handoff = await getHandoff(session.db, event.entity.id);
  if (!handoff) return null;
  // A rule's draft names its sender as actor, yet they did not start it: they and its watchers are told.
  const started = await ruleStartedNoticeFor(session, event, handoff);
  if (started) return { id: event.id, at: event.at, handoffId: handoff.id, ...started };
  if (event.actor === session.me.id) return null;
  const who = (await session.db.get('members', event.actor))?.name ?? 'Someone';
  const base = { id: event.id, at: event.at, handoffId: handoff.id };
  const afterSend = afterSendNotice(event, handoff, session.me.id, who);
  if (afterSend) return { ...base, ...afterSend };
  const watched = await watcherNoticeFor(session, event, handoff);
  if (watched) return { ...base, ...watched };
  if ((event.type === 'handoff.sent' || event.type === 'handoff.reassigned') && handoff.receiverId === session.me.id) {
    return { ...base, title: `${who} handed you a handoff`, message: `${handoff.title}: review it and confirm, or raise gaps.` };
  }
  if (event.type === 'handoff.gaps_raised' && handoff.senderId === session.me.id) {
    return { ...base, title: `${who} raised gaps`, message: `${handoff.title}: answer them before work starts.` };
  }
  if (event.type === 'handoff.gaps_answered' && handoff.receiverId === session.me.id) {
    return { ...base, title: `${who} answered your gaps`, message: `${handoff.title}: confirm receipt when you have enough.` };
  }
  return null;
}

/** A system notification; one about a handoff opens it in the side panel when clicked. */
export async function tell(notice: Pick<Notice, 'id' | 'title' | 'message' | 'handoffId'>): Promise<void> {
  const id = notice.handoffId ? handoffNotificationId(notice.handoffId, notice.id) : notice.id;
  await browser.notifications
    ?.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: notice.title, message: notice.message })
    // Notifications turned off for the browser: the badge, the popup and the in-page prompt still say it.
    .catch(() => undefined);
}

/** What a round of sync means for the user: notifications, the count awaiting them, refused changes. */
async function announce(session: Session, report: SyncReport): Promise<void> {
  const notices: Notice[] = [];
  for (const event of report.pulled) {
    const notice = await noticeFor(session, event);
    if (notice) notices.push(notice);
  }
  // Set aside, not lost: the popup and Settings → Team hub list them with Retry and Discard.
  for (const refused of report.refused) await tell({ id: `refused-${refused.id}`, title: '1 change could not be shared', message: refused.reason });
  if (notices.length > 0) {
    const kept = (await getMeta(session.db, 'notices')) ?? [];
    await putMeta(session.db, 'notices', [...notices, ...kept].slice(0, 50));
    for (const notice of notices) await tell(notice);
  }
}

/** What a round changed, told: notices, then my session and the in-page prompts when the log moved. */
async function settle(workspace: WorkspaceService, session: Session, report: SyncReport): Promise<void> {
  await announce(session, report);
  if (report.pulled.length === 0 && report.refused.length === 0) return;
  await workspace.refresh();
  // A tab that misses this push asks for its prompts when it next loads.
  await showWhatAwaitsMe(workspace).catch(() => undefined);
}

/**
 * Keeps the local store and the hub in step: a round after every local change (debounced), on each
 * live announcement, and every minute by alarm; failures back off with jitter. Nothing it needs lives
 * only in memory: the outbox and the cursor are in IndexedDB, so a stopped worker resumes.
 */
export function createSyncRunner(workspace: WorkspaceService) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  const stream = createLiveStream(workspace, () => request(0));

  const setStatus = (status: SyncStatus) => setItem(STORAGE_KEYS.syncStatus, status);

  async function round(): Promise<void> {
    // A store that cannot open now is reported by the page that needs it; sync tries again on the next alarm.
    const session = await workspace.session().catch(() => null);
    if (!session?.hub) return;
    // A hub joined before IT set another: nothing goes to it or comes from it; the outbox waits, kept.
    const refusal = await managedSyncRefusal(session.hub.url);
    if (refusal) {
      stream.disconnect();
      await setStatus({ lastError: refusal, pending: await session.db.count('outbox'), live: false });
      return;
    }
    const report = await syncOnce(session.db, session.hub);
    const pending = await session.db.count('outbox');
    if (report.problem) {
      failures += 1;
      timer = setTimeout(() => request(0), backoffMs(failures));
    } else {
      failures = 0;
    }
    await setStatus({ lastSyncAt: report.problem ? undefined : new Date().toISOString(), lastError: report.problem?.message, pending, live: stream.live() });
    await settle(workspace, session, report);
  }

  function request(delay = 300): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) {
        again = true;
        return;
      }
      running = round()
        // Never silent: the options page shows what went wrong.
        .catch((error: unknown) => setStatus({ pending: 0, live: false, lastError: error instanceof Error ? error.message : String(error) }))
        .finally(() => {
          running = null;
          if (again) {
            again = false;
            request(0);
          }
        });
    }, delay);
  }

  return {
    request,
    connectStream: stream.connect,
    disconnect: stream.disconnect,
  };
}

export type SyncRunner = ReturnType<typeof createSyncRunner>;

/**
 * The live stream: the hub says "new events" and `onNews` pulls. The keepalive also keeps the worker
 * awake. One stream at a time; a lost one reconnects with backoff, except one that gave way to the
 * member's newer streams (it waits for the alarm).
 */
function createLiveStream(workspace: WorkspaceService, onNews: () => void) {
  let socket: WebSocket | null = null;
  /** Set from the call that opens a stream until it has: a start and an alarm at once open only one. */
  let connecting = false;
  let failures = 0;

  async function connect(): Promise<void> {
    if (socket || connecting || typeof WebSocket === 'undefined') return;
    connecting = true;
    // As for a round: no store now means no stream now; the alarm connects again within a minute.
    // Nor to a hub IT's policy rules out (the round says why); the alarm asks again.
    const session = await workspace
      .session()
      .then(async (open) => (open.hub && !(await managedSyncRefusal(open.hub.url)) ? open : null))
      .catch(() => null)
      .finally(() => (connecting = false));
    if (!session?.hub || socket) return;
    const ws = new WebSocket(hubUrl(session.hub.url, 'v1/stream').replace(/^http/, 'ws'), ['baton', session.hub.token]);
    socket = ws;
    let keepalive: ReturnType<typeof setInterval> | undefined;
    ws.onopen = () => {
      failures = 0;
      keepalive = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('ping'), KEEPALIVE_MS);
      onNews();
    };
    // A failed connection (the hub down or restarting) reports here, then closes: onclose retries.
    // Handled so no runtime treats it as unhandled (Node's ws throws an 'error' nobody listens to).
    ws.onerror = () => undefined;
    ws.onmessage = (message) => {
      if (typeof message.data === 'string' && message.data.includes('"events"')) onNews();
    };
    ws.onclose = (closed) => {
      clearInterval(keepalive);
      // A stream this runner no longer holds (closed by disconnect) leaves the current one alone.
      if (socket !== ws) return;
      socket = null;
      // This member's newer streams took its place: more live browsers than the hub allows would bump
      // each other in a loop. This one pulls each minute instead, and tries the stream on that alarm.
      if (closed.code === STREAM_CLOSED_TOO_MANY) return;
      setTimeout(() => void connect(), backoffMs(++failures));
    };
  }

  return {
    connect,
    live: () => socket?.readyState === 1 /* OPEN */,
    disconnect(): void {
      socket?.close();
      socket = null;
    },
  };
}
