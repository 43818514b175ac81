// Reads what a fixture page is known to contain from `tests/fixtures/sites/<name>.expected.json`
// (`{ "url": ..., "expected": <PageContext-like> }`), so specs never hard-code ids.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR } from './fixture-server.ts';

export interface ExpectedIdentifier {
  kind: string;
  value: string;
}

export interface ExpectedFixture {
  url: string;
  expected: {
    site?: string;
    identifiers?: (ExpectedIdentifier | string)[];
    thread?: { id?: string; legacyId?: string; subject?: string };
    task?: { id?: string; name?: string; projectId?: string; workspaceId?: string };
    account?: { id?: string; name?: string };
    [key: string]: unknown;
  };
}

export function readExpected(name: string): ExpectedFixture {
  const file = join(FIXTURE_DIR, `${name}.expected.json`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as ExpectedFixture;
  if (typeof data.url !== 'string' || typeof data.expected !== 'object' || data.expected === null) {
    throw new Error(`${file}: expected { "url": string, "expected": {...} }`);
  }
  return data;
}

/** The value of the first identifier of `kind` the fixture is known to carry. */
export function identifierOf(fixture: ExpectedFixture, kind: string): string {
  for (const item of fixture.expected.identifiers ?? []) {
    if (typeof item === 'string') {
      const at = item.indexOf(':');
      if (item.slice(0, at) === kind) return item.slice(at + 1);
    } else if (item.kind === kind) {
      return item.value;
    }
  }
  throw new Error(`fixture ${fixture.url} lists no identifier of kind ${kind}`);
}

/** A browser tab of either driver (Playwright in Chromium, puppeteer in Firefox). */
interface Tab {
  goto(url: string): Promise<{ status(): number } | null>;
}

/**
 * Opens a fixture page at its real URL (from its .expected.json) in `tab`: the fixture server serves
 * `<fixture>.html` for that host. Throws when the server did not serve it.
 */
export async function openFixture<T extends Tab>(server: { setFixture(host: string, fixture: string): void }, fixture: string, tab: T): Promise<{ page: T; site: ExpectedFixture }> {
  const site = readExpected(fixture);
  server.setFixture(new URL(site.url).hostname, fixture);
  const status = (await tab.goto(site.url))?.status();
  if (status !== 200) throw new Error(`fixture ${fixture} was not served for ${site.url} (status ${String(status)})`);
  return { page: tab, site };
}
