// Golden fingerprints: the contact log keeps fingerprints, and a fingerprint made after any change
// to how it is computed must compare with those already stored. These values were taken from the
// code as it stood before the fingerprint was made faster (issue 11's bench work), over what the
// product meets: long ASCII mail, Unicode mail (accents, look-alike widths, invisible characters,
// curly apostrophes), replies with quoted copies, texts around the size floor, and two keys.
import {
  fingerprint,
  fingerprintKey,
  PUBLIC_KEY,
  shingleText,
  type FingerprintKey,
} from '../../src/core/repeat';
import { hex, sha256 } from '../../src/core/repeat/hmac';
import { minima, oneBitSignature } from '../../src/core/repeat/minhash';
import { PEOPLE } from './repeat-pairs.fixtures';
import {
  DEMAND,
  DEMAND_HEAVILY_REWORDED,
  DEMAND_REWORDED,
  SECOND_DEMAND,
  SECOND_DEMAND_REWORDED,
  UNRELATED,
} from './repeat.fixtures';

const ORGANISATION = fingerprintKey('organisation secret 7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c1e');

const LETTERS: readonly string[] = [
  DEMAND,
  DEMAND_REWORDED,
  DEMAND_HEAVILY_REWORDED,
  SECOND_DEMAND,
  SECOND_DEMAND_REWORDED,
  ...UNRELATED,
  ...PEOPLE.flatMap((p) => [p.demand, p.reworded, p.unrelated]),
];

/** A deterministic long body: the letters' sentences in a fixed pseudo-random order. */
function longBody(bytes: number): string {
  let state = 0x2545f491;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const sentences = LETTERS.flatMap((l) => l.split(/(?<=[.?!])\s+/u));
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const s = sentences[Math.floor(next() * sentences.length)] ?? '';
    const part = next() < 0.1 ? `${s}\n\n` : `${s} `;
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, bytes);
}

const UNICODE: readonly string[] = [
  'Café owner said the officer’s report was wrong. I’ve asked fourteen times — naïve of me — for the ＦＯＯＴＡＧＥ and the re\u00ADport, Pa\u200Bul said.',
  'Ich verlange die Aufnahme sofort! Die Polizei hat gelogen; der Beamte schlug meinen Sohn. Ｗｉｅｄｅｒ und wieder: keine Antwort, keine Entschuldigung, nichts.',
  'Зачем полиция молчит? I demand the CCTV (camera 3) from 14th March… the constable’s “apology” isn’t one. Ｉ ｗａｎｔ ａｎ ａｎｓｗｅｒ ｎｏｗ ｐｌｅａｓｅ.',
  `${DEMAND.replace(/e/gu, 'é').replace(/o/gu, 'ö')}\u2028${SECOND_DEMAND.replace(/'/gu, '’')}`,
];

const REPLY = `${SECOND_DEMAND}\r\n\r\nOn Mon, 3 Mar 2025 at 09:12, Complaints Team <psd@force.example.police.uk> wrote:\r\n> ${DEMAND.split('\n').join('\r\n> ')}`;
const QUOTED_LINES = `${DEMAND_REWORDED}\n> ${UNRELATED[1] ?? ''}\n-- \nA. Person\nsigned off`;

/** Every fingerprint of a list of texts under a key, reduced to one digest. */
function digest(texts: readonly string[], key: FingerprintKey): string {
  return hex(sha256(JSON.stringify(texts.map((t) => fingerprint(t, key))))).slice(0, 32);
}

describe('golden fingerprints (stored rows must keep comparing)', () => {
  it('gives a 100 KB body the fingerprint it always had, under the public and an organisation key', () => {
    const body = longBody(100 * 1024);
    expect(fingerprint(body)).toEqual(GOLDEN.long100Public);
    expect(fingerprint(body, ORGANISATION)).toEqual(GOLDEN.long100Organisation);
  });

  it('gives Unicode mail, replies and quoted lines the fingerprints they always had', () => {
    expect(UNICODE.map((t) => fingerprint(t, ORGANISATION))).toEqual(GOLDEN.unicode);
    expect(fingerprint(REPLY)).toEqual(GOLDEN.reply);
    expect(fingerprint(QUOTED_LINES, ORGANISATION)).toEqual(GOLDEN.quotedLines);
  });

  it('gives every fixture letter, and long bodies of many sizes, the fingerprints they always had', () => {
    const sizes = [40, 120, 300, 1024, 4096, 20_000, 60_000].map((n) => longBody(n));
    expect(digest([...LETTERS, ...sizes], PUBLIC_KEY)).toBe(GOLDEN.lettersPublic);
    expect(digest([...LETTERS, ...sizes], ORGANISATION)).toBe(GOLDEN.lettersOrganisation);
  });

  it('keeps the full minima and the one-bit signature of a feature set as they were', () => {
    const features = shingleText(longBody(8000), ORGANISATION).shingles;
    expect(hex(sha256(Array.from(minima(features)).join(',')))).toBe(GOLDEN.minima);
    expect(hex(sha256(Array.from(oneBitSignature(features)).join(',')))).toBe(GOLDEN.signature);
    expect(Array.from(oneBitSignature(Uint32Array.of(0, 1, 0xffffffff)))).toEqual(GOLDEN.tinySignature);
  });
});

const GOLDEN = {
  long100Public: {
    v: 'mh2-b1-1024-f1-k0e54588e599a',
    sig: '20VNy0a/hsWc1Hpk+3OxdUmpAhBlv9bv45r/bMVbHuSbEEVJEkypqLBB4Vwbsks/tDwcJns3ivzPGyvZxUwrRS5dzeq7Agb0FrfKcv2uk7XP+IjNSanFWurBkAcUiXtH/VqUxLy63VxeOhiSpO7kgVohRShQkok86hCWtMFZKJ8=',
    n: 1916,
  },
  long100Organisation: {
    v: 'mh2-b1-1024-f1-k38de33b7f903',
    sig: '6vjf71IPkq6MA9oaSMz3S1k+16sT7hmCmqk7ESCrZFjU5YexGbc0shbWzRNJ3Fgq7mobpXu88M2/A0W/SpT88kV1r2GjVNfWdXzUNy5mgclTkNhAhJ1ASNsfocoQn2AkqLct4jEDKRpPzwiXHlyaRGDuyr3okfZyhvlEpueA2OA=',
    n: 1916,
  },
  unicode: [
    {
      v: 'mh2-b1-1024-f1-k38de33b7f903',
      sig: 'XFzX/lIGQvYbq74vYEDOnHMKDFm2PJUN3Rw2PJkT8lh1IzfTBpTc042ZVrx87pa8r0waAt7kAatcj1Q6NjaiHDFjsAce4APZMqGwOBL2r8dVD0p69fU1iunwEKht6yVEhh4mbMQjw6THtdTGXcnDsGkEnfrwNk3hH0z+YdwGLAs=',
      n: 21,
    },
    {
      v: 'mh2-b1-1024-f1-k38de33b7f903',
      sig: '4UJ6LD7Rm4ryh/5d5aq8KvrBRgE7oT60C/4xApf+0nzJGgw3UVSfh2WMF11CsjO3HTDeWVMqp8g2gRTKKkQ0B4+LHYA0WAKzxHk5OLvaWdHMhgT8tXLmlBvMlEZrszMyBJke7fyAN2QVRMIcktaKRMtvj3JZzvqtBommbt2Ccmk=',
      n: 33,
    },
    {
      v: 'mh2-b1-1024-f1-k38de33b7f903',
      sig: 'i1iZTxKM8IPG2qMGsUL8kdcuRgKNGhpXo7SwPV1fC/p+5ybX/sMtHQ0HQrBy74g8TJoW0QGaF9eKlQkxR5fP+Vm9zUeObkelZkMMtnSWtuMYzsqiRzY6NnFjyKM/4thC1tQPrhQb56TnnFEUHeFJineiPXYJbJuc22zyHcd/Y0U=',
      n: 22,
    },
    {
      v: 'mh2-b1-1024-f1-k38de33b7f903',
      sig: 'itMLf3JfXLXPX+saucEBA3gcQfxSbPAI8JPvKKVzHGlUFAYTXbbo8iWSxJdz9XteJPI+H5hdU2FFllyvOYH0HRKqmUo9YutrDtUdWtlXzkTCmPgpDZ1QUt7NbxP8hLsKu2UlIzTSv/3uUBFFlgI6QbW31LUs4r7Qg3MTC+4FUow=',
      n: 228,
    },
  ],
  reply: {
    v: 'mh2-b1-1024-f1-k0e54588e599a',
    sig: 'Vnppc5YSK30Mokvk9WvnnWjResF1TaVm5qkqMNdYjU1/gYe2xFyvh/WkrK5+X/qD9FYd385sOdgt7F1xXjYch1xO3zQaGAS6Wla/9XfC/QT9jt3tEAQHwqJ2QXvRTrbdfJvmXv4Y4/aHtGtM25SW5hycHOF7NUUx5joWhz2vjBQ=',
    n: 102,
  },
  quotedLines: {
    v: 'mh2-b1-1024-f1-k38de33b7f903',
    sig: 'atGLcmZ+zJGHBqlaueDhQ+QcUa1AAXgJoJQ/PodllPmUIaczXaJpUGKQ47X7JQl/s/A2HyBNI3Fh0s92AYGkPwRiCEu07PNoDLQTUv1mzkiIyNipZIkGGd4LJxu8gICseHEMo7zRPdn+STBFlqWcI7aWRLUpfjqSG1MSa2yHeJQ=',
    n: 241,
  },
  lettersPublic: '61b817ce28ca93a8cc249bded4974eb9',
  lettersOrganisation: '760c569144fbdcd1a0a7f38a77ac1cdb',
  minima: '032a37e8b414597a901df9282c422e0ca8dc034daaebbc5d04ad0ad381de28dc',
  signature: 'a11e59adba71ecf5e02c2189943e4fe22970d8ebaf41e4d4c0f7add49c43ab87',
  tinySignature: [
    1192275527, 1965121322, 2533137600, 217429372, 4066591849, 874465711, 275198160, 1875586425, 2011649057,
    337922159, 1533557840, 126333199, 3613854997, 2528236959, 571181789, 484858733, 2282425141, 1291065924,
    3856418673, 216698478, 3485686188, 1546099652, 1720126510, 2927221001, 1594419472, 2926206221, 2752448434,
    2369520719, 1944008311, 397247692, 2417495374, 3356033199,
  ],
};
