/** A command refused: the message is for the person who asked. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid' | 'not-found' | 'forbidden' | 'unavailable' = 'invalid',
  ) {
    super(message);
  }
}
