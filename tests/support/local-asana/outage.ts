// Asana unavailable (https://developers.asana.com/docs/errors): "503 Service Unavailable — Either the
// upstream service is unavailable to the API, or the API has been intentionally shut off", with the
// usual error body. On demand: the next N requests whose path matches answer it.
import { AsanaError } from './errors';

export const UNAVAILABLE_MESSAGE = 'Service Unavailable';

export class Outage {
  private remaining = 0;
  private path: RegExp = /.*/;

  start(requests: number, path: RegExp = /.*/): void {
    this.remaining = requests;
    this.path = path;
  }

  /** Throws the 503 when this request falls in the outage. */
  check(path: string): void {
    if (this.remaining <= 0 || !this.path.test(path)) return;
    this.remaining -= 1;
    throw new AsanaError(503, UNAVAILABLE_MESSAGE);
  }
}
