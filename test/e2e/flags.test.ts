// Every flag code in the specification, seen in the real taskpane: each sample docs/sandbox.md
// names for a flag is opened in the sandbox and the pane must show that flag, with the sentence
// the core gives for it, under its severity. Driven by the same sample → flags table as
// test/sandbox/seed.test.ts (`shows` in sandbox/samples/messages.json, which the doc test pins to
// the table in docs/sandbox.md), so the three cannot drift apart.
import { evaluate } from '../../src/core/evaluate';
import { fingerprint } from '../../src/core/repeat';
import { FLAG_SEVERITY, type Flag, type FlagCode, type Severity } from '../../src/core/types';
import type { Samples } from '../../sandbox/seed';
import { sampleConfig } from '../fixtures/sample-config';
import { SAMPLES, open, useHarness } from './harness';

const h = useHarness();
// Known flake, not understood yet: once in a whole-suite run the casey-scan sample's history
// check waited out the 30 s Graph attempt limit (it passes alone in under a second). One retry
// keeps CI honest about real failures while it is investigated; see the closing note.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

/** The headings a handler sees above each group of checks. */
const GROUP: Record<Severity, string> = {
  breach: 'Breaches',
  warning: 'Warnings',
  info: 'For information',
};

/** What the core says about a sample as the sandbox seeded it, at `now`. */
function coreFlags(samples: Samples, key: string, now: Date): Flag[] {
  const sample = samples.messages.find((m) => m.key === key);
  if (!sample) throw new Error(`no sample ${key}`);
  const config = sampleConfig(samples);
  // The contact log holds fingerprints of earlier contacts, never their bodies.
  const history = samples.history.map(({ internetMessageId, receivedDateTime, from, strategyId, body }) => ({
    internetMessageId,
    receivedDateTime,
    from,
    ...(strategyId ? { strategyId } : {}),
    fingerprint: fingerprint(body),
  }));
  return evaluate({
    strategies: samples.strategies,
    message: sample.message,
    history,
    config,
    now,
  }).flags;
}

interface PaneView {
  checks: Array<{ code: string; text: string; group: string }>;
  verdict: string;
  adjustments: string[];
}

const WITH_FLAGS = SAMPLES.messages.filter((m) => m.shows.length > 0);

describe('flags in the taskpane', () => {
  it('the samples the table names cover every flag code in the specification', () => {
    const covered = new Set(WITH_FLAGS.flatMap((m) => m.shows));
    expect([...covered].sort()).toEqual(Object.keys(FLAG_SEVERITY).sort());
  });

  it.each(WITH_FLAGS.map((m) => [m.key, m.shows.join(', ')]))('%s shows %s', async (key) => {
    const frame = await open(h.page, key);
    // Contact-limit and repeat flags arrive with the person's history, after the first verdict.
    await frame.waitForFunction(() => !document.body.textContent?.includes('Checking earlier contacts'));
    const view: PaneView = await frame.evaluate(() => ({
      checks: [...document.querySelectorAll('li[data-flag]')].map((li) => ({
        code: li.getAttribute('data-flag') ?? '',
        text: li.textContent ?? '',
        group: (li.closest('div')?.querySelector('h3')?.textContent ?? '').replace(/\s*\(\d+\)$/, ''),
      })),
      verdict: document.querySelector('[aria-labelledby="verdict-heading"]')?.textContent ?? '',
      adjustments: [...document.querySelectorAll('[aria-labelledby="adjustments-heading"] li')].map(
        (li) => li.textContent ?? '',
      ),
    }));
    const expected = coreFlags(h.sandbox.samples, key, new Date());
    const sample = h.sandbox.samples.messages.find((m) => m.key === key);
    for (const code of sample?.shows ?? []) {
      const flags = expected.filter((f) => f.code === code);
      expect([key, code, flags.length > 0]).toEqual([key, code, true]);
      if (code === 'REASONABLE_ADJUSTMENTS') {
        // Shown in their own block, first, rather than among the checks.
        const descriptions = h.sandbox.samples.strategies
          .filter((s) => flags.some((f) => f.strategyId === s.id))
          .flatMap((s) => s.reasonableAdjustments.map((a) => a.description));
        expect(descriptions.length).toBeGreaterThan(0);
        for (const d of descriptions)
          expect(view.adjustments).toEqual(expect.arrayContaining([expect.stringContaining(d)]));
      } else if (code === 'POSSIBLE_EVASION') {
        // Shown in the verdict, naming the strategy the sender resembles.
        expect(view.verdict).toContain('Possible evasion');
        for (const f of flags) expect(view.verdict).toContain(`strategy ${f.strategyId}`);
      } else {
        expect(view.checks.filter((c) => c.code === code)).toEqual(
          flags.map((f) => ({ code, text: f.message, group: GROUP[FLAG_SEVERITY[code as FlagCode]] })),
        );
      }
    }
  });
});
