// Asana's error shape (https://developers.asana.com/docs/errors): an HTTP status and a JSON body
// `{ errors: [{ message, help?, phrase? }] }`; `phrase` only on 500s.

export interface AsanaErrorBody {
  errors: { message: string; help?: string; phrase?: string }[];
}

export class AsanaError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra top-level members of the body (the 412 of /events carries a fresh `sync`). */
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): AsanaErrorBody & Record<string, unknown> {
    return { errors: [{ message: this.message, help: HELP }], ...this.extra };
  }
}

const HELP = 'For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors';

/** 400 for a missing parameter; the documented example is `workspace: Missing input`. */
export function missingInput(param: string): AsanaError {
  return new AsanaError(400, `${param}: Missing input`);
}

/**
 * 400 for a parameter naming no object. Not spelled out in the docs; we answer 400 (a malformed
 * parameter, per the status table) and name the parameter as the documented messages do.
 */
export function notRecognized(param: string, gid: string): AsanaError {
  return new AsanaError(400, `${param}: Not a recognized ID: ${gid}`);
}

export function invalidParam(param: string, why: string): AsanaError {
  return new AsanaError(400, `${param}: ${why}`);
}

/** 404: "the object specified by the request does not exist" (docs/errors status table). */
export function unknownObject(kind: string, gid: string): AsanaError {
  return new AsanaError(404, `${kind}: Unknown object: ${gid}`);
}
