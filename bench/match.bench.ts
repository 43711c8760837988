// Sender matching against 10,000 strategies: microseconds per matchSender call for senders who
// are under a strategy (hits, written with other case and a +tag), senders who are not (misses,
// the common case) and look-alikes (one Cyrillic letter: must warn, never match). Each beside a
// naive baseline measured in the same run: a linear scan of every strategy per lookup,
// normalising each address (and, for look-alikes, computing each address's skeleton).
// Ratio = naive / ours, both medians of several runs.
import { seededRandom, type Random } from '../emulator/prng';
import { normaliseAddress } from '../src/core/address';
import { addressSkeleton } from '../src/core/evasion';
import { buildIndex, matchExact, matchSender } from '../src/core/match';
import { newStrategy } from '../src/core/strategy';
import type { Mailbox, Strategy } from '../src/core/types';

const STRATEGIES = 10_000;
const RUNS = 7;
const LOOKUPS = 20_000;
const NAIVE_LOOKUPS = 40;

const FIRST = ['paul', 'jane', 'amir', 'chloe', 'dmitri', 'grace', 'ifeoma', 'lars', 'megan', 'oisin'];
const LAST = ['example', 'sample', 'tester', 'placeholder', 'specimen', 'model', 'pattern', 'instance'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'post.example.org'];

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function makeStrategies(random: Random): Strategy[] {
  return Array.from({ length: STRATEGIES }, (_, i) => {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    return newStrategy({
      id: `CS-${String(i).padStart(5, '0')}`,
      personName: `${first} ${last} ${i}`,
      emailAddresses: [
        `${first}.${last}${i}@${pick(random, DOMAINS)}`,
        `${first[0]}${last}${i}@${pick(random, DOMAINS)}`,
      ],
      status: 'active',
      ...(i % 10 === 0 && {
        advocate: { name: `Advocate ${i}`, addresses: [`advocate${i}@advocacy.example.org`], required: true },
      }),
    });
  });
}

// Replace the first Latin a/e/o/p/c with its Cyrillic twin: looks the same, is another address.
const CYRILLIC: Record<string, string> = { a: '\u0430', e: '\u0435', o: '\u043e', p: '\u0440', c: '\u0441' };
function lookAlike(address: string): string {
  return address.replace(/[aeopc]/u, (ch) => CYRILLIC[ch] ?? ch);
}

function senders(random: Random, strategies: readonly Strategy[]) {
  const some = (n: number) => Array.from({ length: n }, () => pick(random, strategies));
  const hits: Mailbox[] = some(1000).map((s) => {
    const [local, domain] = (s.emailAddresses[0] ?? '').split('@');
    return { name: s.personName, address: `${(local ?? '').toUpperCase()}+complaint@${domain}` };
  });
  const misses: Mailbox[] = Array.from({ length: 1000 }, (_, i) => ({
    name: `Someone Else ${i}`,
    address: `unrelated.sender${i}@${pick(random, DOMAINS)}`,
  }));
  const confusables: Mailbox[] = some(1000).map((s) => ({ address: lookAlike(s.emailAddresses[0] ?? '') }));
  return { hits, misses, confusables };
}

/** The obvious implementation without an index: every strategy, every address, every time. */
function naiveExact(strategies: readonly Strategy[], from: Mailbox): string[] {
  const address = normaliseAddress(from.address);
  const ids: string[] = [];
  for (const s of strategies) {
    const mine = s.emailAddresses.some((a) => normaliseAddress(a) === address);
    const advocate = s.advocate?.addresses.some((a) => normaliseAddress(a) === address) ?? false;
    if (address !== null && (mine || advocate)) ids.push(s.id);
  }
  return ids;
}

function naiveConfusable(strategies: readonly Strategy[], from: Mailbox): string[] {
  const skeleton = addressSkeleton(from.address);
  const own = normaliseAddress(from.address);
  return strategies
    .filter((s) => s.emailAddresses.some((a) => a !== own && addressSkeleton(a) === skeleton))
    .map((s) => s.id);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The mean microseconds per call in each of RUNS runs, cycling through the senders. */
function microsPerCall(
  lookups: number,
  senders: readonly Mailbox[],
  call: (from: Mailbox) => unknown,
): number[] {
  const perRun: number[] = [];
  let sink = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < lookups; i += 1) {
      if (call(senders[i % senders.length] as Mailbox)) sink += 1;
    }
    perRun.push(Number(process.hrtime.bigint() - start) / 1000 / lookups);
  }
  if (sink < 0) throw new Error('unreachable: keeps the calls from being optimised away');
  return perRun;
}

function row(ours: number, naive: number) {
  return {
    oursMicros: Number(ours.toFixed(2)),
    naiveMicros: Number(naive.toFixed(1)),
    ratio: Math.round(naive / ours),
  };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const random = seededRandom(42);
  const strategies = makeStrategies(random);
  const buildStart = process.hrtime.bigint();
  const index = buildIndex(strategies);
  const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  const { hits, misses, confusables } = senders(random, strategies);

  // The figures only mean something if both ways give the same answers.
  for (const from of [...hits.slice(0, 20), ...misses.slice(0, 20)]) {
    const ours = matchSender(index, from).matches.map((m) => m.strategyId);
    if (ours.join() !== naiveExact(strategies, from).join()) throw new Error(`mismatch for ${from.address}`);
  }
  for (const from of confusables.slice(0, 20)) {
    const { matches, evasions } = matchSender(index, from);
    const warned = evasions.filter((e) => e.kind === 'confusable-address').map((e) => e.strategyId);
    if (matches.length > 0 || warned.join() !== naiveConfusable(strategies, from).join()) {
      throw new Error(`look-alike not warned as the naive scan would: ${from.address}`);
    }
  }

  const ours = (set: readonly Mailbox[]) =>
    median(microsPerCall(LOOKUPS, set, (from) => matchSender(index, from)));
  const naive = (set: readonly Mailbox[], scan: typeof naiveExact) =>
    median(microsPerCall(NAIVE_LOOKUPS, set, (from) => scan(strategies, from)));

  const exactOnly = median(
    microsPerCall(LOOKUPS, hits, (from) => matchExact(index, normaliseAddress(from.address)).length),
  );
  const naiveHit = naive(hits, naiveExact);
  return {
    strategies: STRATEGIES,
    runs: RUNS,
    buildIndexMs: Number(buildMs.toFixed(1)),
    exactLookupHit: row(exactOnly, naiveHit),
    hit: row(ours(hits), naiveHit),
    miss: row(ours(misses), naive(misses, naiveExact)),
    confusableNearMiss: row(ours(confusables), naive(confusables, naiveConfusable)),
    note: 'µs per call, medians: exactLookupHit is normalise + hash lookup (matchExact); the others are whole matchSender calls (exact match and every evasion check); naive is a linear scan of all strategies per lookup',
  };
}
