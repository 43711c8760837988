import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { makeFlag } from '../../src/core/checks/flag';
import {
  answer,
  confirmOpened,
  decide,
  readingFinished,
  startGate,
  type Answered,
  type Reading,
} from '../../src/core/gate';
import { buildLogRecord, decisionKey, logKey, normaliseMessageId, sha256Hex } from '../../src/core/log';
import { READ_QUESTIONS, type Evaluation } from '../../src/core/types';
import { message, strategy } from './checks.fixtures';

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on any text, including non-ASCII and block-boundary lengths', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
    );
    for (const n of [55, 56, 63, 64, 65, 119, 120]) {
      const s = 'x'.repeat(n);
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });
});

describe('logKey', () => {
  it('is 32 hex digits and the same for the same Message-ID however it is bracketed or cased', () => {
    const k = logKey(message({ internetMessageId: '<ABC@example.com>' }));
    expect(k).toMatch(/^[0-9a-f]{32}$/);
    expect(logKey(message({ internetMessageId: ' abc@example.com ', subject: 'other' }))).toBe(k);
    expect(normaliseMessageId('<Id@X>')).toBe('id@x');
  });

  it('differs between messages', () => {
    expect(logKey(message({ internetMessageId: '<a@example.com>' }))).not.toBe(
      logKey(message({ internetMessageId: '<b@example.com>' })),
    );
  });

  it('falls back to sender + received + subject when there is no Message-ID, stably', () => {
    const a = logKey(message({ internetMessageId: '' }));
    expect(logKey(message({ internetMessageId: '', from: { address: 'Paul.Example+x@Example.com' } }))).toBe(
      a,
    );
    expect(logKey(message({ internetMessageId: '', receivedDateTime: '2025-03-04T10:15:00.000Z' }))).toBe(a);
    expect(logKey(message({ internetMessageId: '', subject: 'Another subject' }))).not.toBe(a);
    expect(logKey(message({ internetMessageId: '', receivedDateTime: '2025-03-04T10:16:00Z' }))).not.toBe(a);
  });
});

describe('decisionKey', () => {
  it('is one key per decision: another reader or another instant on the same message is another row', () => {
    const m = logKey(message({ internetMessageId: '<a@example.com>' }));
    const k = decisionKey(m, 'alex@force.example.police.uk', '2025-03-04T10:42:00Z');
    expect(k).toMatch(/^[0-9a-f]{32}$/);
    expect(decisionKey(m, ' Alex@Force.example.police.uk', '2025-03-04T10:42:00.000Z')).toBe(k);
    expect(decisionKey(m, 'sam@force.example.police.uk', '2025-03-04T10:42:00Z')).not.toBe(k);
    expect(decisionKey(m, 'alex@force.example.police.uk', '2025-03-04T10:50:00Z')).not.toBe(k);
    expect(k).not.toBe(m);
  });
});

describe('buildLogRecord', () => {
  const body = 'SECRET BODY TEXT that must never reach the log';
  const msg = message({
    body,
    to: [{ address: 'Contact.Strategy@force.example.police.uk' }],
    cc: [{ address: 'psd@force.example.police.uk' }, { address: 'PSD@force.example.police.uk' }],
  });
  const evaluation: Pick<Evaluation, 'matches' | 'flags' | 'indicators' | 'fingerprint'> = {
    matches: [{ strategyId: 'CS-0042', via: 'sender' }],
    flags: [
      makeFlag('READ_NOT_RESPOND', 'CS-0042', 'responsePolicy', 'RBNR'),
      makeFlag('NOT_SPOC', 'CS-0042', 'spoc', 'not spoc'),
    ],
    indicators: [
      { code: 'NEW_COMPLAINT', start: 0, end: 6, text: 'SECRET' },
      { code: 'NEW_COMPLAINT', start: 7, end: 11, text: 'BODY' },
    ],
    fingerprint: { v: 'test-1', sig: 'AAAA', n: 9 },
  };
  let s: Reading | Answered = startGate();
  for (const q of READ_QUESTIONS) s = answer(s, q, false);
  const decided = decide(s as Answered, { flags: evaluation.flags, rbnrFolder: 'RBNR' });

  const record = buildLogRecord({
    message: msg,
    evaluation,
    strategies: [strategy({ responsePolicy: 'read-not-respond' })],
    decided,
    reader: 'handler@force.example.police.uk',
    readAt: new Date('2025-03-04T11:00:00Z'),
  });

  it('records how many attachments there were and how many the add-in read', () => {
    expect(record.attachments).toBeUndefined();
    let g: Reading | Answered = startGate({ kind: 'reading' });
    for (const q of READ_QUESTIONS) g = answer(g, q, false);
    g = confirmOpened(readingFinished(g, { attachments: 3, attachmentsRead: 1, bodyUnread: false }), true);
    const withFiles = buildLogRecord({
      message: msg,
      evaluation,
      strategies: [],
      decided: decide(g as Answered, { flags: [], rbnrFolder: 'RBNR' }),
      reader: 'handler@force.example.police.uk',
      readAt: new Date('2025-03-04T11:00:00Z'),
    });
    expect(withFiles.attachments).toEqual({ total: 3, read: 1 });
  });

  it('records identity, people, codes, answers, reader, disposition and folder', () => {
    expect(record).toEqual({
      key: decisionKey(logKey(msg), 'handler@force.example.police.uk', '2025-03-04T11:00:00Z'),
      messageKey: logKey(msg),
      entry: 'decision',
      internetMessageId: '<abc@example.com>',
      receivedDateTime: '2025-03-04T10:15:00Z',
      sender: 'paul.example@example.com',
      recipients: ['contact.strategy@force.example.police.uk', 'psd@force.example.police.uk'],
      strategyIds: ['CS-0042'],
      personNames: ['Paul Example'],
      flagCodes: ['READ_NOT_RESPOND', 'NOT_SPOC'],
      indicatorCodes: ['NEW_COMPLAINT'],
      answers: {
        newComplaintOrAllegation: false,
        criminalMatter: false,
        safeguardingOrRisk: false,
        otherAction: false,
      },
      reader: 'handler@force.example.police.uk',
      readAt: '2025-03-04T11:00:00.000Z',
      disposition: 'auto-file',
      folder: 'RBNR',
      fingerprint: { v: 'test-1', sig: 'AAAA', n: 9 },
    });
  });

  it('records the immediate-risk instruction shown, word for word, and nothing when none was shown', () => {
    const words = 'If there is an immediate risk to life, call the force control room on 01632 960000.';
    const shown = buildLogRecord({
      message: msg,
      evaluation,
      strategies: [],
      decided,
      reader: 'h',
      readAt: new Date(0),
      immediateRiskShown: words,
    });
    expect(shown.immediateRiskShown).toBe(words);
    const none = buildLogRecord({
      message: msg,
      evaluation,
      strategies: [],
      decided,
      reader: 'h',
      readAt: new Date(0),
      immediateRiskShown: null,
    });
    expect(none).not.toHaveProperty('immediateRiskShown');
    expect(record).not.toHaveProperty('immediateRiskShown');
  });

  it('never copies body text, not even through indicator snippets', () => {
    const json = JSON.stringify(record);
    expect(json).not.toContain('SECRET');
    expect(json).not.toContain('BODY');
  });

  it('has no folder unless the message was filed', () => {
    const escalated = decide(answer(s as Answered, 'criminalMatter', true) as Answered, {
      flags: [],
      rbnrFolder: 'RBNR',
    });
    const r = buildLogRecord({
      message: msg,
      evaluation,
      strategies: [],
      decided: escalated,
      reader: 'h',
      readAt: new Date(0),
    });
    expect(r.disposition).toBe('escalate');
    expect(r).not.toHaveProperty('folder');
    expect(r.personNames).toEqual([]);
  });
});
