import fc from 'fast-check';
import {
  DEFAULT_REPEAT_THRESHOLD,
  FINGERPRINT_VERSION,
  MIN_SHINGLES,
  findRepeats,
  fingerprint,
  mostSimilar,
  similarity,
} from '../../src/core/repeat';
import { stripQuoted } from '../../src/core/repeat/quotes';
import { mix32, shingleSet } from '../../src/core/repeat/shingles';
import {
  DEMAND,
  DEMAND_HEAVILY_REWORDED,
  DEMAND_REWORDED,
  SECOND_DEMAND,
  SECOND_DEMAND_REWORDED,
  UNRELATED,
} from './repeat.fixtures';

const fp = fingerprint;

describe('repeat detection on realistic letters', () => {
  it.each([
    ['the same demand reworded a week later', DEMAND, DEMAND_REWORDED],
    ['the same demand reworded harder a month later', DEMAND, DEMAND_HEAVILY_REWORDED],
    ['two rewordings of the same demand', DEMAND_REWORDED, DEMAND_HEAVILY_REWORDED],
    ['another person’s demand reworded', SECOND_DEMAND, SECOND_DEMAND_REWORDED],
  ])('%s scores at or above the default threshold', (_name, a, b) => {
    expect(similarity(fp(a), fp(b))).toBeGreaterThanOrEqual(DEFAULT_REPEAT_THRESHOLD);
  });

  // Every pair of different letters: same subject matter, same vocabulary, different content.
  const distinct = [DEMAND, SECOND_DEMAND, ...UNRELATED];
  const pairs = distinct.flatMap((a, i) =>
    distinct.slice(i + 1).map((b, j) => [i, i + 1 + j, a, b] as const),
  );
  it.each(pairs)('letters %i and %i (different content) score well below the threshold', (_i, _j, a, b) => {
    expect(similarity(fp(a), fp(b))).toBeLessThan(DEFAULT_REPEAT_THRESHOLD / 4);
  });

  it('an identical resend scores 1', () => {
    expect(similarity(fp(DEMAND), fp(DEMAND))).toBe(1);
  });

  it('case, accents, line wrapping and punctuation do not hide a repeat', () => {
    const shouted = DEMAND.toUpperCase().replace(/e/gi, 'É').replace(/ /g, '\n').replace(/,/g, '');
    expect(similarity(fp(DEMAND), fp(shouted))).toBeGreaterThan(0.9);
  });
});

describe('findRepeats', () => {
  const earlier = [
    { id: 'unrelated-1', fingerprint: fp(UNRELATED[0] ?? '') },
    { id: 'first-demand', fingerprint: fp(DEMAND) },
    { id: 'unrelated-2', fingerprint: fp(UNRELATED[1] ?? '') },
    { id: 'reworded', fingerprint: fp(DEMAND_REWORDED) },
  ];

  it('names the earlier messages the new one repeats, most similar first', () => {
    const found = findRepeats(fp(DEMAND_REWORDED), earlier);
    expect(found.map((r) => r.id)).toEqual(['reworded', 'first-demand']);
    expect(found[0]?.similarity).toBe(1);
    expect(found[1]?.similarity).toBeGreaterThanOrEqual(DEFAULT_REPEAT_THRESHOLD);
  });

  it('honours an organisation threshold', () => {
    expect(findRepeats(fp(DEMAND_HEAVILY_REWORDED), earlier, 0.99)).toEqual([]);
    expect(findRepeats(fp(DEMAND_HEAVILY_REWORDED), earlier, 0.3).map((r) => r.id)).toEqual(
      expect.arrayContaining(['first-demand', 'reworded']),
    );
  });

  it('finds nothing for a new, different letter', () => {
    expect(findRepeats(fp(SECOND_DEMAND), earlier)).toEqual([]);
  });

  it('skips earlier fingerprints of another version or with a damaged signature', () => {
    const good = fp(DEMAND);
    const damaged = [
      { id: 'old-version', fingerprint: { ...good, v: 'mh0-64-w3' } },
      { id: 'truncated', fingerprint: { ...good, sig: good.sig.slice(10) } },
      { id: 'not-base64', fingerprint: { ...good, sig: '!'.repeat(good.sig.length) } },
      { id: 'no-count', fingerprint: { ...good, n: Number.NaN } },
    ];
    expect(findRepeats(good, damaged)).toEqual([]);
  });
});

describe('what is not compared', () => {
  it('short notes are too small to compare, even with themselves', () => {
    const note = fp('Any update on my complaint? Regards, Paul');
    expect(note.n).toBeLessThan(MIN_SHINGLES);
    expect(similarity(note, note)).toBe(0);
    expect(findRepeats(note, [{ id: 'same', fingerprint: note }])).toEqual([]);
  });

  it('a reply that quotes the earlier demand below a new short message is not a repeat', () => {
    const reply = `Thank you for your letter. I will wait to hear from the investigator about the dates for my interview next week and will bring the documents you asked for.

On Tue, 4 Mar 2025 at 10:15, Paul Example <paul.example@example.com> wrote:
${DEMAND}`;
    const quoted = `Please see below, which I sent last month and which still has not been answered properly by anyone at all in your office.\n\n${DEMAND.split(
      '\n',
    )
      .map((l) => `> ${l}`)
      .join('\n')}`;
    const outlook = `I am attaching the receipt for the bicycle and the screenshot of the advert, as promised on the phone this morning to your colleague.\n\nFrom: Paul Example\nSent: 04 March 2025 10:15\nTo: PSD\n${DEMAND}`;
    for (const text of [reply, quoted, outlook]) {
      expect(similarity(fp(text), fp(DEMAND))).toBeLessThan(DEFAULT_REPEAT_THRESHOLD / 4);
    }
  });

  it('the same signature block under two different notes is not a repeat', () => {
    const signature = `--\nPaul Example\nChair, Mill Lane Residents Association\nThis email and any attachments are confidential and intended solely for the addressee. If you have received it in error please tell the sender and delete it. Views expressed are my own.`;
    const a = `Please confirm you have received the documents I sent on Monday about the incident at the station. I need to know they arrived safely.\n${signature}`;
    const b = `I will be away from 10 to 24 June and cannot attend an interview in that period. Any other date in June or July would suit me well.\n${signature}`;
    expect(similarity(fp(a), fp(b))).toBeLessThan(DEFAULT_REPEAT_THRESHOLD / 4);
  });
});

describe('the fingerprint', () => {
  it('is compact, tagged with its version and holds none of the words', () => {
    const f = fp(DEMAND);
    expect(f.v).toBe(FINGERPRINT_VERSION);
    expect(f.sig.length).toBeLessThanOrEqual(700);
    const stored = JSON.stringify(f).toLowerCase();
    for (const word of ['complaint', 'example', 'cctv', 'lane', 'investigator', 'petrol']) {
      expect(stored).not.toContain(word);
    }
  });
});

describe('properties', () => {
  // Any code points, and any UTF-16 code units (lone surrogates included).
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 2000 }),
    fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      maxLength: 2000,
    }),
  );
  const words = fc.constantFrom(
    ...'the officer complaint said would not please reply I my you station review evidence footage letter'.split(
      ' ',
    ),
  );
  const sentence = fc.array(words, { minLength: 3, maxLength: 12 }).map((w) => `${w.join(' ')}.`);
  const letter = fc.array(sentence, { minLength: 8, maxLength: 30 }).map((s) => s.join(' '));

  it('never throws, on any text, and always yields a well-formed fingerprint', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const f = fp(text);
        expect(f.v).toBe(FINGERPRINT_VERSION);
        expect(Number.isInteger(f.n) && f.n >= 0).toBe(true);
        expect(similarity(f, f)).toBe(f.n >= MIN_SHINGLES ? 1 : 0);
      }),
    );
  });

  it('is deterministic and a text is fully similar to itself', () => {
    fc.assert(
      fc.property(letter, (text) => {
        const a = fp(text);
        expect(fp(text)).toEqual(a);
        if (a.n >= MIN_SHINGLES) expect(similarity(a, a)).toBe(1);
      }),
    );
  });

  it('similarity is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(letter, letter, (x, y) => {
        const s = similarity(fp(x), fp(y));
        expect(s).toBe(similarity(fp(y), fp(x)));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a handful of word changes in a long letter keeps it a repeat', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 25, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        (sentences, picks) => {
          const original = sentences.join(' ');
          const changed = [...sentences];
          for (const p of picks) changed[p % changed.length] = `something quite different was written here.`;
          fc.pre(fp(original).n >= 40);
          expect(similarity(fp(original), fp(changed.join(' ')))).toBeGreaterThanOrEqual(
            DEFAULT_REPEAT_THRESHOLD,
          );
        },
      ),
    );
  });
});

describe('the one-pass shingle reader', () => {
  // The definition, written the slow and obvious way (as fingerprints were first computed): fold
  // the whole text (NFKD, accents off, lower case), split it with a regular expression, hash
  // words with FNV-1a and shingles through murmur3's finaliser from the fixed salt.
  const TOKEN = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*|[.!?]+(?=\s|$)|\n[^\S\n]*\n/gu;
  const SALT = 0x5c0ffee5;
  const wordHash = (word: string): number => {
    let h = 0x811c9dc5;
    for (const unit of word.replace(/['\u2019]/gu, '')) {
      for (let i = 0; i < unit.length; i++) h = Math.imul(h ^ unit.charCodeAt(i), 0x01000193);
    }
    return h >>> 0;
  };
  const shingleHash = (words: number[]): number => words.reduce((h, w) => mix32(h ^ w), SALT);
  function referenceShingles(text: string): number[] {
    const folded = stripQuoted(text)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    const shingles = new Set<number>();
    let sentence: number[] = [];
    const end = (): void => {
      if (sentence.length > 0 && sentence.length < 3) shingles.add(shingleHash(sentence));
      for (let i = 0; i + 3 <= sentence.length; i++) shingles.add(shingleHash(sentence.slice(i, i + 3)));
      sentence = [];
    };
    for (const [token] of folded.matchAll(TOKEN)) {
      if (/^[.!?\n]/u.test(token)) end();
      else sentence.push(wordHash(token));
    }
    end();
    return [...shingles].sort((a, b) => a - b);
  }
  const read = (text: string): number[] => [...shingleSet(stripQuoted(text))].sort((a, b) => a - b);

  // Words, inner and outer apostrophes, sentence ends, blank and wrapped lines, accents (precomposed
  // and combining), ligatures, full-width and styled letters, an ellipsis, Greek capitals (whose
  // sigma lower-cases by context), a letter outside the BMP, a lone surrogate.
  const piece = fc.constantFrom(
    ...'the officer said would not reply I my station review footage letter Officer CCTV'.split(' '),
    "don't",
    'don’t',
    "dogs'",
    "o''clock",
    ' ',
    ' ',
    ' ',
    '  ',
    '\t',
    '\u00a0',
    '\n',
    '\r\n',
    '\n\n',
    '\n \n',
    '.',
    '. ',
    '!? ',
    '...',
    ', ',
    ';',
    '-',
    'café',
    'cafe\u0301',
    'CAFÉ',
    'ﬁne',
    'ＣＣＴＶ',
    '𝐀ll',
    '…',
    'ΟΔΟΣ',
    'ΣΟΦΟΣ',
    '\u03f9',
    '2024',
    '\ud800',
  );
  const messy = fc.array(piece, { maxLength: 120 }).map((p) => p.join(''));

  it('finds exactly the shingles of the definition', () => {
    fc.assert(
      fc.property(messy, (text) => {
        expect(read(text)).toEqual(referenceShingles(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a long text as the definition does', () => {
    const long = Array.from({ length: 400 }, (_, i) => `${DEMAND} ${i}`).join('\n\n');
    expect(read(long)).toEqual(referenceShingles(long));
  });

  it('gives the fingerprints stored by earlier releases, so the contact log stays comparable', () => {
    // Computed by the first, regular-expression implementation.
    expect(fp(DEMAND)).toEqual({ v: 'mh1-128-s3', sig: DEMAND_SIG, n: 169 });
    expect(fp(MESSY)).toEqual({ v: 'mh1-128-s3', sig: MESSY_SIG, n: 26 });
  });
});

const MESSY =
  "ΟΔΟΣ ΣΟΦΟΣ said the officer. Café CAFÉ cafe\u0301 ﬁne ＣＣＴＶ…\n\n𝐀ll don't don’t o''clock dogs' 2024! The officer said it would not reply to my letter about the station review footage?\r\n\r\nThe officer said it would not reply. Ϲ and 𝚺 too.";
const DEMAND_SIG =
  'PgIYAzVnJwFLEugApkUzCqV1kwJMghYAOE28AJymOgMfCV8ATX1cABBc2gIW7hYBDk6LAVcYAgA36NsEcdxQATRPwgS1M1AB' +
  'ayUYAZGJYQAQcjoArIw0BPt8CAJ1WoYAyEcnASr0kQASCucDFFX4ACBRMgF2/7wBXKTvAHU8twA0hhUBgJ8XBQ5uhQLw5EgD' +
  'kSpIAD8iTwNy4yQBT+S+A0nYRAIwEvABfRBzAJubZwBVQ6AAHppRBL1BmASA+rwAkBKtAA/jKAL8OtEA5wxeAO67jQAUd2sD' +
  'fjpVAUa8PAGSze4A2a8NAPld+ADkiggA1u4QAKpdtQGcoxsB+o4eADsgYgAHbFMCNGoxAaQWNQDnaAUI7pYQAMM6mABfZ80A' +
  'aJfJAZc60AHmsdQBK1kJAHOccANJEkcC0jEQAXDmeAB6MQ8CoKY4AXrTigATHssBQNzQAuclogIuuDEA24lgABx9MABaGS0B' +
  'h0wCAMyiYACCh9MAqww+AelaWADyJhQArFozAXPucQLqn4AAtXZ5AagwrwyPGRYAa011AFKyjgKyOEwC8vjxAFPINgCQOBMA' +
  'j7n8AINOPQDi5gMA5o0xAKRKpgNT9LIBbXjiAKzouAClR1oAOnhHAFaWwwE7/2wAL7AuAWcQSACVamIAay7qBOBy9gLzHNoB' +
  'jedoALZBFgA=';
const MESSY_SIG =
  'JdxAAljquAKauUYXMaTpB6apSwrPOOoGZ6PaBjSmVg00x/YD9GjxBxGwfgET0o0WCZ1oEe/JPg6ApVcETQLUBi6ZaQ7rBLYJ' +
  '26y8B92tWQYOCqsI3wwIClHaawBwjfMXRQkSARdVUgtgFvILRgC6NcA5AALrq1cE3hqWAEzVwRC35SUAwSQkAQoC/Q4WL4YB' +
  'S3k0Btx7WAGDV1wUZ4XIAu05VAR1GgYEAa2aBENTshPJRDwHrqTfAPswfh0p52MAa3IyB0jGySGNt+gK8W+AISocXQ7cN8kL' +
  'PmA/DaXWrhZxV20GLU1nCsrORQT1nm8B7zREAiQdJgVdMnYKJ/ekC690rwqD3OwTGH9lIXwFaRbDt4AG6oesDf8qXA6eFYIE' +
  'woT0BOadoQCKpCQJhRizAz6fzQMJE5MA/m0qAtmDBQKwR+0BD2eAAWYRzwyqVy0CjTgKCJWymQDRECAAKlziB/UtHgV4HycG' +
  'LPwVBhrc/At/N4cCeP4TIPSLQQeS2hYjz6N6Akee4xaMRukC2OR2AoyhKgT7G94A9/S3HacwmwmKSmsD/I5iAkYmDABP860M' +
  'vNLjBloSUA1XrCwGTbC0Bn3ELg+6QOsa8CSqBOzFPgaTksIJQdjCGUV8fARrgZgF7lOOBLgdJgMkLYQHKOuxC7yUcAHVZRkG' +
  'RI59CDQIGgM=';

describe('mostSimilar', () => {
  const texts = [
    DEMAND,
    DEMAND_REWORDED,
    DEMAND_HEAVILY_REWORDED,
    SECOND_DEMAND,
    SECOND_DEMAND_REWORDED,
    ...UNRELATED,
  ];
  const prints = texts.map((t, i) => ({ id: `m${i}`, fingerprint: fp(t) }));
  const pick = fc.array(fc.nat({ max: prints.length - 1 }), { maxLength: 20 });

  it('names what findRepeats names first, with the same similarity', () => {
    fc.assert(
      fc.property(
        pick,
        fc.nat({ max: prints.length - 1 }),
        fc.double({ min: 0, max: 1.1, noNaN: true }),
        (order, q, t) => {
          const earlier = order.map((i) => prints[i] as (typeof prints)[number]);
          const mine = prints[q]?.fingerprint ?? fp('');
          const first = findRepeats(mine, earlier, t)[0];
          const best = mostSimilar(mine, earlier, (e) => e.fingerprint, t);
          expect(best && { id: best.item.id, similarity: best.similarity }).toEqual(first ?? null);
          if (best) expect(best.item).toBe(earlier.find((e) => e.id === first?.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('cutting quoted material', () => {
  // Lines with and without the marks of a quoted copy, and every kind of line break.
  const line = fc.constantFrom(
    'Please reply to my letter',
    'the officer said',
    '> quoted',
    'On Tue, 4 Mar 2025, Paul wrote:',
    'On Tue, 4 Mar 2025, Paul <paul@example.com>',
    'wrote:',
    'From: Paul Example',
    'Sent: 04 March 2025',
    '-----Original Message-----',
    '-- ',
    'a - dash -- or two',
    '',
  );
  const breaks = fc.constantFrom('\n', '\r\n', '\r', '\n\n');
  const text = fc.array(fc.tuple(line, breaks), { maxLength: 12 }).map((p) => p.flat().join(''));

  it('gives a text with no sign of quoting back as it is, as reading it line by line would', () => {
    fc.assert(
      fc.property(text, (t) => {
        // A quoted line put first changes nothing but makes the text be read line by line.
        expect(stripQuoted(t)).toBe(stripQuoted(`>\n${t}`));
      }),
      { numRuns: 500 },
    );
  });
});
