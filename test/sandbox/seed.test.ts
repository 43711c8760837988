import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createEngine } from '../../emulator';
import { evaluate } from '../../src/core/evaluate';
import { fingerprint } from '../../src/core/repeat';
import { parseStrategy } from '../../src/core/strategy';
import { FLAG_SEVERITY, type FlagCode, type HistoryEntry, type Strategy } from '../../src/core/types';
import { fieldsToHistoryEntry, fieldsToRawStrategy } from '../../src/graph/schema';
import { settingsFromRows } from '../../src/graph/settings';
import { buildSeed, loadSamples, shiftSamples, type Samples } from '../../sandbox/seed';
import { sampleConfig } from '../fixtures/sample-config';

const SAMPLES = loadSamples();
const REF = Date.parse(SAMPLES.organisation.referenceInstant);
const ALL_FLAGS = Object.keys(FLAG_SEVERITY) as FlagCode[];
const DAY = 86_400_000;

// Built once: the indicator scanner compiles its term lists per configuration.
const CONFIG = sampleConfig(SAMPLES);

/** Each sample as the taskpane would see it at `now`: flag and indicator codes. */
function verdicts(samples: Samples, strategies: Strategy[], history: HistoryEntry[], now: Date) {
  const config = CONFIG;
  return samples.messages.map((m) => {
    const e = evaluate({ strategies, message: m.message, history, config, now });
    return {
      sample: m,
      flags: new Set(e.flags.map((f) => f.code)),
      indicators: new Set(e.indicators.map((i) => i.code)),
      matched: e.matches.length > 0,
    };
  });
}

function historyOf(samples: Samples): HistoryEntry[] {
  return samples.history.map(({ internetMessageId, receivedDateTime, from, strategyId }) => ({
    internetMessageId,
    receivedDateTime,
    from,
    ...(strategyId ? { strategyId } : {}),
  }));
}

describe('the sandbox samples', () => {
  it('show every flag code in the spec, each sample the flags it is documented for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 * DAY }), (offset) => {
        const now = new Date(REF + offset);
        const { samples } = shiftSamples(SAMPLES, now);
        // Bodies of earlier contacts are not in the log: repeats are found from fingerprints.
        const history = historyOf(samples).map((h, i) => ({
          ...h,
          fingerprint: fingerprint(samples.history[i]?.body ?? ''),
        }));
        const seen = new Set<FlagCode>();
        for (const v of verdicts(samples, samples.strategies, history, now)) {
          for (const code of v.sample.shows)
            expect([v.sample.key, code, v.flags.has(code)]).toEqual([v.sample.key, code, true]);
          for (const code of v.sample.indicates ?? [])
            expect([v.sample.key, code, v.indicators.has(code)]).toEqual([v.sample.key, code, true]);
          v.flags.forEach((c) => seen.add(c));
        }
        expect([...seen].sort()).toEqual([...ALL_FLAGS].sort());
      }),
      { numRuns: 12 },
    );
  });

  it('are all in the past once moved to the current week, keeping their weekday and local time', () => {
    const now = new Date(REF + 400 * DAY + 5 * 3600_000);
    const { samples, weeks } = shiftSamples(SAMPLES, now);
    expect(weeks).toBe(Math.floor((400 * DAY + 5 * 3600_000) / (7 * DAY)));
    for (const m of samples.messages) {
      expect(Date.parse(m.message.receivedDateTime)).toBeLessThanOrEqual(now.getTime());
      expect(now.getTime() - Date.parse(m.message.receivedDateTime)).toBeLessThan(14 * DAY);
    }
    const london = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso));
    const before =
      SAMPLES.messages.find((m) => m.key === 'paul-outside-time')?.message.receivedDateTime ?? '';
    const after = samples.messages.find((m) => m.key === 'paul-outside-time')?.message.receivedDateTime ?? '';
    expect(london(after)).toBe(london(before));
  });

  it('include the samples the sandbox promises: RBNR, evasion, no strategy, hostile HTML, self-harm', () => {
    const now = new Date(REF + DAY);
    const byKey = new Map(
      verdicts(SAMPLES, SAMPLES.strategies, historyOf(SAMPLES), now).map((v) => [v.sample.key, v]),
    );
    expect(byKey.get('casey-rbnr')?.flags.has('READ_NOT_RESPOND')).toBe(true);
    expect(SAMPLES.messages.find((m) => m.key === 'paul-evasion')?.message.from.address).toContain('\u0440');
    expect(byKey.get('paul-evasion')?.matched).toBe(false);
    expect(byKey.get('no-strategy')?.matched).toBe(false);
    expect(byKey.get('morgan-via-advocate')?.matched).toBe(true);
    expect(byKey.get('casey-self-harm')?.indicators.has('SELF_HARM')).toBe(true);
    const hostile = SAMPLES.messages.find((m) => m.key === 'hostile-html');
    expect(hostile?.bodyType).toBe('html');
    expect(hostile?.message.body).toMatch(/<script>[\s\S]*<img[^>]*onerror=/);
  });
});

describe('the emulator seed', () => {
  it('is accepted by the emulator and reads back, through the add-in’s own schema, as the samples', async () => {
    const now = new Date(REF + 10 * DAY);
    const { seed, info, samples } = buildSeed(SAMPLES, now);
    const engine = await createEngine({ seed });
    const store = engine.store.reader();
    const siteId = store.siteId(info.site.hostname, info.site.path) ?? '';

    const strategies = store.listItems(siteId, 'Contact Strategies').map((row) => {
      const parsed = parseStrategy(fieldsToRawStrategy(row.fields));
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value;
    });
    expect(strategies).toEqual(samples.strategies);

    // The log rows carry fingerprints, not bodies, and still show the repeat and the limit.
    const log = store.listItems(siteId, 'Contact Log');
    expect(JSON.stringify(log)).not.toContain('body worn video');
    const history = log.map((row) => fieldsToHistoryEntry(row.fields));
    const riley = verdicts(samples, strategies, history, now).find((v) => v.sample.key === 'riley-repeat');
    expect(riley && [...riley.flags]).toEqual(
      expect.arrayContaining(['CONTACT_LIMIT_EXCEEDED', 'REPEATED_CONTENT']),
    );

    const settings = settingsFromRows(
      store.listItems(siteId, 'Triage Settings').map((row) => ({ itemId: row.id, fields: row.fields })),
    );
    expect(settings.rejected).toEqual([]);
    expect(settings.settings.supervisors).toEqual(['sam.supervisor@force.example.police.uk']);

    const shared = store.messages(info.sharedMailbox.upn);
    const sharedSamples = samples.messages.filter((m) => !m.mailbox).length;
    expect(shared).toHaveLength(sharedSamples + samples.history.length);
    expect(store.messages('alex.handler@force.example.police.uk').map((m) => m.subject)).toEqual([
      expect.stringContaining('CO/06666/23'),
    ]);
    expect(store.masterCategories(info.sharedMailbox.upn).map((c) => c.displayName)).toContain('CST: Read');
    // As in a real tenant: a user's own list is the pane's to fill, the shared one an administrator's.
    expect(store.masterCategories('alex.handler@force.example.police.uk')).toEqual([]);
  });
});

describe('docs/sandbox.md', () => {
  it('lists every sample with the flags it shows', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'sandbox.md'), 'utf8');
    for (const m of SAMPLES.messages) {
      const row = doc.split('\n').find((line) => line.startsWith('|') && line.includes(`\`${m.key}\``));
      expect([m.key, row !== undefined]).toEqual([m.key, true]);
      for (const code of m.shows) expect([m.key, code, row?.includes(code)]).toEqual([m.key, code, true]);
    }
  });
});
