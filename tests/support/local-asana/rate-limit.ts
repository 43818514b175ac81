// Rate limits (https://developers.asana.com/docs/rate-limits): a request over a limit gets
// 429 Too Many Requests, `Retry-After: <seconds>` and the documented body. Two sources here:
// - storms on demand (`control.rateLimit`): the next N requests, whoever sends them;
// - opt-in, the standard limiter: at most `requestsPerMinute` per token in any minute ("Limits are
//   allocated per authorization token"; Asana's windows are a minute long: 150 free, 1,500 paid).
import { AsanaError } from './errors';

export const RATE_LIMIT_MESSAGE = "You've made too many requests and hit a rate limit. Please retry after the given amount of time.";
const WINDOW_MS = 60_000;

export class RateLimiter {
  private storm = { remaining: 0, retryAfterSeconds: 30 };
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly requestsPerMinute: number | undefined) {}

  startStorm(requests: number, retryAfterSeconds: number): void {
    this.storm = { remaining: requests, retryAfterSeconds };
  }

  /** Throws the 429 when this request is over a limit; counts it otherwise. */
  check(token: string | undefined, now = Date.now()): void {
    if (this.storm.remaining > 0) {
      this.storm.remaining -= 1;
      throw tooMany(this.storm.retryAfterSeconds);
    }
    if (this.requestsPerMinute === undefined || token === undefined) return;
    const times = (this.recent.get(token) ?? []).filter((t) => t > now - WINDOW_MS);
    if (times.length >= this.requestsPerMinute) {
      this.recent.set(token, times);
      throw tooMany(Math.max(1, Math.ceil((times[0]! + WINDOW_MS - now) / 1000)));
    }
    times.push(now);
    this.recent.set(token, times);
  }
}

function tooMany(retryAfterSeconds: number): AsanaError {
  return new AsanaError(429, RATE_LIMIT_MESSAGE, {}, { 'Retry-After': String(retryAfterSeconds) });
}
