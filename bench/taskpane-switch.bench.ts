// Item switch in the pinned taskpane: from ItemChanged to the verdict in state, with the
// snapshot and the person's history warm (the path a handler walks down a folder). The target is
// "instant" (≤ 50 ms, docs/office-platform.md). Baseline, same run: the naive pane that rebuilds the
// strategy index for every message (evaluate without `index`).
import { performance } from 'node:perf_hooks';
import { evaluate } from '../src/core/evaluate';
import type { Strategy } from '../src/core/types';
import { configFrom, TriageController } from '../src/taskpane/state/controller';
import {
  FakeContactLog,
  FakeHost,
  FakeMail,
  FakeOutbox,
  FakeSettings,
  FakeStrategies,
  NOW,
  SETTINGS,
  message,
  strategy,
} from '../test/taskpane/fakes';

const STRATEGIES = 2_000;
const SWITCHES = 400;

function strategies(): Strategy[] {
  return Array.from({ length: STRATEGIES }, (_, i) =>
    strategy({
      id: `CS-${String(i).padStart(4, '0')}`,
      personName: `Person ${i} Example`,
      knownNames: [],
      emailAddresses: [`person.${i}@example.com`, `p${i}.alt@example.org`],
      contactLimit: { max: 2, periodDays: 7 },
    }),
  );
}

function messages() {
  const body = 'I am writing again about my complaint CO/01234/24. '.repeat(40);
  return Array.from({ length: 20 }, (_, i) =>
    message({
      internetMessageId: `<bench-${i}@example.com>`,
      from: { address: i % 4 === 0 ? 'stranger@example.net' : `person.${i * 37}@example.com` },
      body,
    }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

export default async function bench(): Promise<Record<string, unknown>> {
  const all = strategies();
  const msgs = messages();
  const host = new FakeHost(msgs[0]!);
  const controller = new TriageController(
    {
      host,
      strategies: new FakeStrategies(all),
      contactLog: new FakeContactLog(),
      settings: new FakeSettings(SETTINGS),
      mail: new FakeMail(),
      outbox: new FakeOutbox(),
    },
    { now: () => NOW, setInterval: () => 0, clearInterval: () => undefined },
  );
  await controller.start();

  // Warm every person's history once, as a handler's first pass would.
  for (const m of msgs) {
    host.select(m);
    await new Promise((r) => setTimeout(r, 0));
  }

  const switchMs: number[] = [];
  for (let i = 0; i < SWITCHES; i++) {
    const m = msgs[i % msgs.length]!;
    const t0 = performance.now();
    host.current = m; // what Outlook has selected; loadItem is what ItemChanged runs
    await controller.loadItem();
    switchMs.push(performance.now() - t0);
  }

  const config = configFrom(SETTINGS);
  const naiveMs: number[] = [];
  for (let i = 0; i < SWITCHES; i++) {
    const m = msgs[i % msgs.length]!;
    const t0 = performance.now();
    evaluate({ strategies: all, message: m, history: [], config, now: NOW });
    naiveMs.push(performance.now() - t0);
  }
  controller.dispose();

  return {
    strategies: STRATEGIES,
    switches: SWITCHES,
    switchMedianMs: +median(switchMs).toFixed(3),
    switchP95Ms: +p95(switchMs).toFixed(3),
    naiveRebuildIndexMedianMs: +median(naiveMs).toFixed(3),
    ratioNaiveOverSwitch: +(median(naiveMs) / median(switchMs)).toFixed(1),
    withinInstantTarget50ms: p95(switchMs) <= 50,
  };
}
