/**
 * An invite that cannot be used: the message is for the person holding it. `status`: 409 when it
 * cannot be used yet or here, 410 when it is gone for good (expired or revoked).
 */
export class InviteError extends Error {
  override name = 'InviteError';

  constructor(
    message: string,
    readonly status: 409 | 410 = 409,
  ) {
    super(message);
  }
}
