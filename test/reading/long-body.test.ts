// A long body is read in the reading worker, and the verdict made from that reading is the one
// the pane would have made reading it in place: same flags, same phrases, same fingerprint.
import fc from 'fast-check';
import { readBodyFacts } from '../../src/core/body-facts';
import { evaluate, type EvaluateInput } from '../../src/core/evaluate';
import { fingerprintKey } from '../../src/core/repeat';
import type { BodyFacts } from '../../src/core/body-facts';
import { LONG_BODY_CHARS } from '../../src/reading/long-body';
import type { BodyReader } from '../../src/reading/long-body';
import { createHandler } from '../../src/reading/worker-logic';
import { TriageController } from '../../src/taskpane/state/controller';
import type { ShownItem } from '../../src/taskpane/state/types';
import { config, domainStrategy, earlier, message } from '../core/checks.fixtures';
import { nodeLibs } from './libs';
import * as fakes from '../taskpane/fakes';

const NOW = new Date('2025-03-04T10:30:00Z');
const LETTER =
  'I am writing again about case PSD/2024/0117. PC Example punched me at the station and my daughter ' +
  'is frightened. I want the complaint reopened. ';

const PHRASES = [
  'PC Example punched me',
  'my daughter is frightened',
  'I want this reopened',
  'see case PSD/2024/0117',
  'kill myself',
  'the weather is fine',
  'nothing to add',
];

describe('a body read in the worker', () => {
  it('gives the same verdict as reading it in place, for any body and history', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PHRASES), fc.string({ maxLength: 40 })), { maxLength: 30 }),
        fc.boolean(),
        (parts, withHistory) => {
          const body = parts.join(' ');
          const msg = message({ body, subject: 'Again' });
          const input: EvaluateInput = {
            strategies: [domainStrategy()],
            message: msg,
            history: withHistory ? [earlier('2025-03-01T10:00:00Z', { body: LETTER })] : [],
            config: config(),
            now: NOW,
          };
          const inPlace = evaluate(input);
          // Through structured clone, as it comes back from the worker.
          const facts = structuredClone(readBodyFacts('Again', body));
          const fromWorker = evaluate({ ...input, bodyFacts: facts });
          expect(fromWorker.flags).toEqual(inPlace.flags);
          expect(fromWorker.indicators).toEqual(inPlace.indicators);
          expect(fromWorker.fingerprint).toEqual(inPlace.fingerprint);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not use a fingerprint made under another key', () => {
    const key = fingerprintKey('organisation secret');
    const msg = message({ body: LETTER.repeat(3) });
    const facts = readBodyFacts(msg.subject, msg.body); // the public key
    const e = evaluate({
      strategies: [domainStrategy()],
      message: msg,
      history: [],
      config: config(),
      now: NOW,
      fingerprintKey: key,
      bodyFacts: facts,
    });
    expect(e.fingerprint.v).not.toBe(facts.fingerprint.v);
    expect(e.fingerprint).toEqual(
      evaluate({ strategies: [], message: msg, history: [], config: config(), now: NOW, fingerprintKey: key })
        .fingerprint,
    );
  });

  it('the worker reads a body under the organisation secret it is given', async () => {
    const handle = createHandler(nodeLibs);
    const result = await handle({
      type: 'body',
      subject: 'Again',
      body: LETTER,
      fingerprintSecret: 'organisation secret',
    });
    if (result.type !== 'body') throw new Error(`answered ${result.type}`);
    expect(result.facts.scan.indicators.map((i) => i.text)).toContain('PC Example punched');
    expect(result.facts.scan.reopen).not.toBeNull();
    expect(result.facts.matterRefs).toEqual(['PSD/2024/0117']);
    expect(result.facts).toEqual(
      readBodyFacts('Again', LETTER, undefined, fingerprintKey('organisation secret')),
    );
  });
});

describe('the pane and a long body', () => {
  const long = fakes.message({
    body: `${LETTER}${'more of the same words here. '.repeat(LONG_BODY_CHARS / 20)}`,
  });

  function start(reader: BodyReader, settings?: ConstructorParameters<typeof fakes.FakeSettings>[0]) {
    const host = new fakes.FakeHost(long);
    const contactLog = new fakes.FakeContactLog();
    const controller = new TriageController(
      {
        host,
        strategies: new fakes.FakeStrategies([fakes.strategy()], true),
        contactLog,
        settings: new fakes.FakeSettings(settings),
        mail: new fakes.FakeMail(),
        outbox: new fakes.FakeOutbox([], contactLog),
        bodyReader: reader,
      },
      { now: () => NOW, setInterval: () => 0, clearInterval: () => undefined, warmUp: () => undefined },
    );
    return controller;
  }
  const shown = (c: TriageController): ShownItem | null => {
    const s = c.getState();
    return s.phase === 'ready' && s.item.kind === 'shown' ? s.item : null;
  };

  it('says it is reading the message until the worker answers, then shows what the worker found', async () => {
    const answer = fakes.deferred<BodyFacts>();
    const asked: string[] = [];
    const controller = start({
      readBody: (_subject, body) => {
        asked.push(body);
        return answer.promise;
      },
    });
    const started = controller.start();
    await fakes.settle();
    expect(asked).toEqual([long.body]);
    const s = controller.getState();
    expect(s.phase === 'ready' && s.item.kind).toBe('loading');
    // A reading that only the worker could have made: the pane shows it, and scans nothing itself.
    const facts = readBodyFacts(long.subject, long.body);
    answer.resolve({
      ...facts,
      scan: { indicators: [{ code: 'SELF_HARM', start: 0, end: 12, text: 'I am writing' }], reopen: null },
    });
    await started;
    await fakes.settle();
    expect(shown(controller)?.evaluation.indicators.map((i) => i.code)).toEqual(['SELF_HARM']);
    expect(shown(controller)?.evaluation.fingerprint).toEqual(facts.fingerprint);
  });

  it('reads the body in place when the worker fails: slower, still the full verdict', async () => {
    const controller = start({ readBody: () => Promise.reject(new Error('the reading worker stopped')) });
    await controller.start();
    await fakes.settle();
    const codes = shown(controller)?.evaluation.indicators.map((i) => i.code);
    expect(codes).toContain('NEW_ALLEGATION');
  });

  it("hands the worker the organisation's fingerprint secret, and uses the worker's fingerprint made under it", async () => {
    const secret = 'organisation secret, long enough';
    const secrets: Array<string | undefined> = [];
    const controller = start(
      {
        readBody: (subject, body, terms, fingerprintSecret) => {
          secrets.push(fingerprintSecret);
          return Promise.resolve(readBodyFacts(subject, body, terms, fingerprintKey(secret)));
        },
      },
      { ...new fakes.FakeSettings().value, repeatKey: secret },
    );
    await controller.start();
    await fakes.settle();
    expect(secrets).toEqual([secret]);
    const expected = readBodyFacts(long.subject, long.body, undefined, fingerprintKey(secret)).fingerprint;
    expect(shown(controller)?.evaluation.fingerprint).toEqual(expected);
    // Not the public key's: the secret made a difference.
    expect(expected).not.toEqual(readBodyFacts(long.subject, long.body).fingerprint);
  });
});
