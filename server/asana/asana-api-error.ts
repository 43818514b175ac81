/**
 * An Asana call that did not succeed: Asana's own reason (`errors[].message`), the HTTP status (0 when
 * Asana could not be reached or did not answer in time) and, on a 429, how long Asana asks us to wait.
 */
export class AsanaApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Seconds from `Retry-After` on a 429. */
    readonly retryAfterSeconds?: number,
    /** The error body's other members (the Events API's 412 carries a fresh `sync` token). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AsanaApiError';
  }

  /** Worth trying again later: rate limited, Asana's own fault, or not reached. */
  get transient(): boolean {
    return this.status === 429 || this.status === 0 || this.status >= 500;
  }
}
