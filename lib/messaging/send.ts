import { browser } from 'wxt/browser';
import type { Result, Request, RequestType, Response } from './protocol';

/**
 * Sends one request to the background. Never throws: a missing receiver (the worker is starting, the
 * extension was reloaded) comes back as an `unavailable` error value.
 */
export async function sendRequest<T extends RequestType>(request: Request<T>): Promise<Result<Response<T>>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Result<Response<T>> | undefined;
    return reply ?? { ok: false, problem: { code: 'unavailable', message: 'Baton did not answer. Try again in a moment.' } };
  } catch (error) {
    return { ok: false, problem: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
  }
}
