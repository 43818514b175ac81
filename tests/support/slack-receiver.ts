// A local stand-in for Slack's incoming webhooks, written from Slack's published docs: a POST of JSON
// with `text` (and optional `blocks`) to a webhook's URL is answered 200 `ok`; a payload Slack would
// refuse (not JSON, no text, a section over 3,000 characters, over 50 blocks) 400 `invalid_payload`; a
// URL that names no webhook 404 `no_service`. Tests can make it answer 429 (with Retry-After), 500 or
// another refusal for the next requests, as Slack does when rate limiting or failing.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Posted {
  path: string;
  text: string;
  blocks: unknown[];
}

export interface Forced {
  status: number;
  body: string;
  retryAfter?: number;
}

const MAX_TEXT = 40_000;
const MAX_SECTION = 3000;
const MAX_BLOCKS = 50;

function invalidReason(raw: string, contentType: string | undefined): string | undefined {
  if (!contentType?.startsWith('application/json')) return 'invalid_payload';
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    return 'invalid_payload';
  }
  const { text, blocks = [] } = (payload ?? {}) as { text?: unknown; blocks?: unknown };
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT) return 'invalid_payload';
  if (!Array.isArray(blocks) || blocks.length > MAX_BLOCKS) return 'invalid_blocks';
  for (const block of blocks as { type?: string; text?: { type?: string; text?: unknown } }[]) {
    if (block.type !== 'section' || block.text?.type !== 'mrkdwn' || typeof block.text.text !== 'string' || block.text.text.length > MAX_SECTION) return 'invalid_blocks';
  }
  return undefined;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** A receiver with webhooks at each of `paths` (e.g. `/services/T1/B1/abc`). */
export async function startSlackReceiver(paths: string[]) {
  const posted: Posted[] = [];
  const refused: { path: string; status: number; body: string }[] = [];
  const forced: Forced[] = [];
  const server = createServer((req, res) => {
    void read(req).then((raw) => {
      const path = req.url ?? '/';
      const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
        if (status !== 200) refused.push({ path, status, body });
        res.writeHead(status, { 'Content-Type': 'text/plain', ...headers }).end(body);
      };
      if (req.method !== 'POST') return answer(405, 'invalid_method');
      if (!paths.includes(path)) return answer(404, 'no_service');
      const next = forced.shift();
      if (next) return answer(next.status, next.body, next.retryAfter === undefined ? {} : { 'Retry-After': String(next.retryAfter) });
      const invalid = invalidReason(raw, req.headers['content-type']);
      if (invalid) return answer(400, invalid);
      const payload = JSON.parse(raw) as { text: string; blocks?: unknown[] };
      posted.push({ path, text: payload.text, blocks: payload.blocks ?? [] });
      answer(200, 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path: string) => `${base}${path}`,
    posted,
    refused,
    /** The next requests (to any webhook) get these answers instead of being read. */
    answerNext(...answers: Forced[]) {
      forced.push(...answers);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
