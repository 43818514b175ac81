// An invite link carries the hub's address and the one-time code in one string a person can paste:
// `<hub>/join#<code>`. The code sits in the fragment, which browsers never send to a server: opening
// the link shows the hub's /join page without handing the code to anyone's logs.
import { failure, type Result, succeed } from '../result';

/** What an invite code looks like (`bi_` and the base64url of 18 random bytes). */
const CODE = /^bi_[A-Za-z0-9_-]{20,100}$/;
/** A pasted email line is short; a megabyte of text is not an invite. */
const MAX_TEXT = 10_000;
/** What may trail a link pasted from a sentence or an email: never part of a code. */
const TRAILING = /[.,;:!?)\]}>'"’”»]+$/;
/** What surrounds a link in an email line (`<…>`, quotes, brackets): a link contains none of these. */
const SEPARATORS = /[\s<>"'“”‘’«»()[\]{}]+/;

/** The link a person pastes into Baton: the hub's address without a trailing slash, then `/join#` and the code. */
export function inviteLink(hubUrl: string, code: string): string {
  return `${hubUrl.replace(/\/+$/, '')}/join#${code}`;
}

/** The hub's address and the code in a pasted invite link, or why the text is not one. */
export function readInviteLink(text: string): Result<{ url: string; code: string }> {
  if (text.length > MAX_TEXT) return failure('bad-request', 'That is far too long for an invite link: paste only the link you were sent.');
  const candidates = text.split(SEPARATORS).filter((piece) => /^https?:\/\//i.test(piece) && piece.includes('/join#'));
  if (candidates.length === 0) {
    const bare = text.trim();
    if (CODE.test(bare)) return failure('bad-request', 'That is an invite code, not a link: paste the whole link (https://…/join#bi_…), or enter the address and code instead.');
    return failure('bad-request', 'Paste the whole invite link you were sent: it looks like https://hub.example.com/join#bi_….');
  }
  const links = [...new Set(candidates.map((piece) => piece.replace(TRAILING, '')))];
  if (links.length > 1) return failure('bad-request', 'That text holds more than one invite link: paste just one.');
  return parseOne(links[0]!);
}

function parseOne(link: string): Result<{ url: string; code: string }> {
  const at = link.lastIndexOf('/join#');
  const base = link.slice(0, at);
  const code = link.slice(at + '/join#'.length);
  if (!CODE.test(code)) return failure('bad-request', 'The code at the end of that link is cut short or changed: copy the whole link again.');
  const url = URL.canParse(base) ? new URL(base) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return failure('bad-request', 'That link does not start with a hub’s address (https://…).');
  if (url.username || url.password) return failure('bad-request', 'That link carries a user name or password: an invite link never does. Ask your admin for the link again.');
  if (/[?#]/.test(base)) return failure('bad-request', 'That link’s address has extra parts (? or #): copy the whole link again.');
  return succeed({ url: url.href.replace(/\/+$/, ''), code });
}

/** The hub's address and the code in a pasted invite link; null when the text is not one (readInviteLink says why). */
export function parseInviteLink(text: string): { url: string; code: string } | null {
  const read = readInviteLink(text);
  return read.ok ? read.data : null;
}
