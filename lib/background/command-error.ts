import type { ProblemCode } from '../result';

/** A command refused: the message is for the person who asked; `field` names the request field at fault. */
export class CommandError extends Error {
  override name = 'CommandError';

  constructor(
    message: string,
    readonly code: ProblemCode = 'invalid',
    readonly field?: string,
  ) {
    super(message);
  }
}
