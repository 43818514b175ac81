// Matcher figures at agency scale: index build and lookup with 10,000 clients × 6 identifiers.
// Bundled and run by scripts/bench.mjs; prints one JSON line.
import { buildClientIndex, matchClient } from '../lib/match';
import type { MatchableClient as Client } from '../lib/match';
import type { PageContext } from '../lib/sites/types';

const CLIENTS = 10_000;

function makeClients(): Client[] {
  const clients: Client[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const n = String(i).padStart(5, '0');
    clients.push({
      id: `client-${n}`,
      name: `Client ${n}`,
      identifiers: [
        { kind: 'email-domain', value: `client${n}.com` },
        { kind: 'email', value: `owner@client${n}.com` },
        { kind: 'google-ads-ocid', value: `78${n}000` },
        { kind: 'meta-ad-account', value: `1202${n}0001` },
        { kind: 'asana-project', value: `12018${n}59895` },
        { kind: 'ga4-property', value: `3${n}1` },
      ],
    });
  }
  return clients;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

const clients = makeClients();
const buildMs: number[] = [];
let index = buildClientIndex(clients);
for (let run = 0; run < 15; run++) {
  const start = performance.now();
  index = buildClientIndex(clients);
  buildMs.push(performance.now() - start);
}

// A Gmail thread: the thread id, eight participants across the agency, the client and a freelancer.
const context: PageContext = {
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2',
  accountEmail: 'jane.doe@brightlane.agency',
  identifiers: [
    { kind: 'gmail-thread', value: '195198d4e5f0a3b2' },
    { kind: 'email', value: 'owner@client04242.com' },
    { kind: 'email', value: 'cmo@client04242.com' },
    { kind: 'email', value: 'tom@brightlane.agency' },
    { kind: 'email', value: 'freelance.designer@gmail.com' },
    { kind: 'email-domain', value: 'client04242.com' },
    { kind: 'email-domain', value: 'brightlane.agency' },
    { kind: 'email-domain', value: 'gmail.com' },
  ],
};
const options = { ownDomains: ['brightlane.agency'] };
const check = matchClient(context, index, options);
if (check.status !== 'matched' || check.client.name !== 'Client 04242') throw new Error('benchmark context did not match');

const BATCH = 1_000;
const lookupUs: number[] = [];
for (let i = 0; i < 200; i++) {
  const start = performance.now();
  for (let j = 0; j < BATCH; j++) matchClient(context, index, options);
  lookupUs.push(((performance.now() - start) * 1000) / BATCH);
}

console.log(
  JSON.stringify({
    clients: CLIENTS,
    identifiersPerClient: 6,
    indexBuildMs: stats(buildMs.slice(3)),
    lookupUs: stats(lookupUs.slice(20)),
    pageIdentifiers: context.identifiers.length,
  }),
);
