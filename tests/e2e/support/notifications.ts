// The system notifications a browser's service worker shows, recorded (Chrome's getAll gives only ids).
import type { Worker } from '@playwright/test';
import type { Baton } from './baton.ts';

export interface Shown {
  title: string;
  message: string;
}

/** Records the notifications `baton`'s worker shows from now on; the function returns them so far. */
export async function recordNotifications(baton: Baton): Promise<() => Promise<Shown[]>> {
  const [worker] = baton.context.serviceWorkers() as Worker[];
  await worker!.evaluate(() => {
    type Api = { notifications: { create(id: string, options: { title: string; message: string }): Promise<string> } };
    const g = globalThis as unknown as { chrome: Api; shown?: { title: string; message: string }[] };
    g.shown = [];
    const create = g.chrome.notifications.create.bind(g.chrome.notifications);
    g.chrome.notifications.create = (id, options) => {
      g.shown!.push({ title: options.title, message: options.message });
      return create(id, options);
    };
  });
  return () => worker!.evaluate(() => (globalThis as unknown as { shown: Shown[] }).shown);
}
