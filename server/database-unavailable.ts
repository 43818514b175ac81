// An error that means the database cannot be reached right now (PostgreSQL restarting, down or cutting
// connections), as opposed to a fault in the request or in the hub: the client should wait and retry.

/** Socket errors, and SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutdown, cannot connect now). */
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|08...|57P0[123])$/;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
  // node-postgres reports a connection the server dropped without a code.
  // A pool that waited too long for a connection, or a statement the server never answered, says so in words.
  return /^Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|Query read timeout/i.test(error.message);
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'The hub’s database is unavailable right now. Nothing was lost: your changes wait in Baton and are sent once it is back.';
