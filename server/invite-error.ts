/** An invite that cannot be used (yet): the message is for the person holding it. */
export class InviteError extends Error {
  override name = 'InviteError';
}
