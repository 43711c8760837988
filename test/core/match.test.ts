import fc from 'fast-check';
import { normaliseAddress } from '../../src/core/address';
import { GENERIC_LOCAL_PARTS, addressSkeleton, nameKey, skeleton } from '../../src/core/evasion';
import { buildIndex, matchExact, matchSender } from '../../src/core/match';
import { newStrategy } from '../../src/core/strategy';
import type { Mailbox, Strategy } from '../../src/core/types';

const paulMatter1 = newStrategy({
  id: 'CS-0042',
  personName: 'Paul Example',
  emailAddresses: ['paul.example@example.com'],
  status: 'active',
  matterRefs: ['CO/01234/24'],
  advocate: { name: 'Ann Advocate', addresses: ['ann@advocacy.example.org'], required: true },
});
const paulMatter2 = newStrategy({
  id: 'CS-0043',
  personName: 'Paul Example',
  emailAddresses: ['paul.example@example.com', 'p.example@example.net'],
  status: 'active',
  matterRefs: ['CO/05555/25'],
});
const ended = newStrategy({
  id: 'CS-0010',
  personName: 'Edna Ended',
  emailAddresses: ['edna@example.org'],
  status: 'ended',
});
const draft = newStrategy({
  id: 'CS-0011',
  personName: 'Dan Draft',
  emailAddresses: ['dan@example.org'],
  status: 'draft',
});
const index = buildIndex([paulMatter1, paulMatter2, ended, draft]);

describe('matchSender', () => {
  it('matches a person with several strategies to all of them', () => {
    expect(matchSender(index, { name: 'Paul Example', address: 'paul.example@example.com' })).toEqual({
      matches: [
        { strategyId: 'CS-0042', via: 'sender' },
        { strategyId: 'CS-0043', via: 'sender' },
      ],
      evasions: [],
    });
  });

  it('matches case, whitespace, +tag and display-name variants of the address', () => {
    for (const address of [
      'PAUL.Example@Example.COM',
      ' paul.example+complaint@example.com ',
      'Paul <paul.example@example.com>',
    ]) {
      expect(matchSender(index, { address }).matches.map((m) => m.strategyId)).toEqual([
        'CS-0042',
        'CS-0043',
      ]);
    }
  });

  it('matches an address only one strategy lists to that strategy, and warns for the other', () => {
    const result = matchSender(index, { name: 'Paul Example', address: 'p.example@example.net' });
    expect(result.matches).toEqual([{ strategyId: 'CS-0043', via: 'sender' }]);
    expect(result.evasions).toEqual([
      { strategyId: 'CS-0042', kind: 'same-display-name', resembles: 'Paul Example' },
    ]);
  });

  it('matches the advocate as via advocate, not as the person', () => {
    expect(matchSender(index, { name: 'Ann Advocate', address: 'Ann@Advocacy.example.org' })).toEqual({
      matches: [{ strategyId: 'CS-0042', via: 'advocate' }],
      evasions: [],
    });
  });

  it('matches a person listed as their own advocate as the person', () => {
    const self = newStrategy({
      id: 'CS-0100',
      personName: 'Sue Self',
      emailAddresses: ['sue@example.org'],
      status: 'active',
      advocate: { name: 'Sue Self', addresses: ['sue@example.org'], required: false },
    });
    expect(matchSender(buildIndex([self]), { address: 'sue@example.org' }).matches).toEqual([
      { strategyId: 'CS-0100', via: 'sender' },
    ]);
  });

  it('still matches ended and draft strategies (the checks say they are not active)', () => {
    expect(matchSender(index, { address: 'edna@example.org' }).matches).toEqual([
      { strategyId: 'CS-0010', via: 'sender' },
    ]);
    expect(matchSender(index, { address: 'dan@example.org' }).matches).toEqual([
      { strategyId: 'CS-0011', via: 'sender' },
    ]);
  });

  it('gives a sender with no strategy no matches and no warnings', () => {
    expect(matchSender(index, { name: 'Someone Else', address: 'someone@example.com' })).toEqual({
      matches: [],
      evasions: [],
    });
  });

  it('warns, never matches, for a look-alike address', () => {
    expect(matchSender(index, { address: 'раul.example@example.com' })).toEqual({
      matches: [],
      evasions: [
        { strategyId: 'CS-0042', kind: 'confusable-address', resembles: 'paul.example@example.com' },
        { strategyId: 'CS-0043', kind: 'confusable-address', resembles: 'paul.example@example.com' },
      ],
    });
  });

  it('still checks the display name when the address is malformed', () => {
    expect(matchSender(index, { name: 'Paul Example', address: '/o=ExchangeLabs/cn=paul' })).toEqual({
      matches: [],
      evasions: [
        { strategyId: 'CS-0042', kind: 'same-display-name', resembles: 'Paul Example' },
        { strategyId: 'CS-0043', kind: 'same-display-name', resembles: 'Paul Example' },
      ],
    });
  });

  it('lists each strategy once even if ids repeat or an address is listed twice', () => {
    const twice = newStrategy({
      id: 'CS-0200',
      personName: 'Tess Twice',
      emailAddresses: ['tess@example.org', 'TESS@example.org'],
      status: 'active',
    });
    const idx = buildIndex([twice, { ...twice }]);
    expect(matchSender(idx, { address: 'tess@example.org' }).matches).toEqual([
      { strategyId: 'CS-0200', via: 'sender' },
    ]);
    expect(idx.byId.get('CS-0200')).toBe(twice);
  });
});

describe('matchExact', () => {
  it('looks up a normalised address only, and nothing for null', () => {
    expect(matchExact(index, 'paul.example@example.com').map((m) => m.strategyId)).toEqual([
      'CS-0042',
      'CS-0043',
    ]);
    expect(matchExact(index, 'ann@advocacy.example.org')).toEqual([
      { strategyId: 'CS-0042', via: 'advocate' },
    ]);
    expect(matchExact(index, 'PAUL.EXAMPLE@example.com')).toEqual([]);
    expect(matchExact(index, null)).toEqual([]);
  });
});

describe('matchSender properties', () => {
  const anyCodeUnits = fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  });
  const anyText = fc.oneof(fc.string({ unit: 'binary' }), anyCodeUnits, fc.string());
  const local = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,15}$/);
  const domain = fc.stringMatching(/^[a-z0-9-]{1,10}\.(com|org|example)$/);

  it('never throws on any address or name, and only matches strategies it indexed', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (address, name) => {
        const result = matchSender(index, name === undefined ? { address } : { name, address });
        for (const m of result.matches) expect(index.byId.has(m.strategyId)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws when the strategies hold any text, and matches exactly on the normalised address', () => {
    fc.assert(
      fc.property(
        fc.array(anyText, { maxLength: 3 }),
        anyText,
        anyText,
        fc.boolean(),
        (addresses, name, other, own) => {
          const sender = own && addresses[0] !== undefined ? addresses[0] : other;
          const idx = buildIndex([
            newStrategy({
              id: 'CS-X',
              personName: name,
              emailAddresses: addresses,
              status: 'active',
              knownNames: [name],
            }),
          ]);
          const result = matchSender(idx, { name, address: sender });
          const normalised = normaliseAddress(sender);
          const listed = normalised !== null && addresses.some((a) => normaliseAddress(a) === normalised);
          expect(result.matches.length > 0).toBe(listed);
          // A matched strategy is never also a possible evasion.
          if (listed) expect(result.evasions).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('matches every +tag and case variant of a strategy address, and never as an evasion', () => {
    fc.assert(
      fc.property(local, domain, fc.stringMatching(/^[a-z0-9-]{0,8}$/), fc.boolean(), (l, d, tag, upper) => {
        const idx = buildIndex([
          newStrategy({
            id: 'CS-P',
            personName: 'Pat Property',
            emailAddresses: [`${l}@${d}`],
            status: 'active',
          }),
        ]);
        const variant = `${l}+${tag}@${d}`;
        const sent = upper ? variant.toUpperCase() : variant;
        expect(matchSender(idx, { name: 'Pat Property', address: sent })).toEqual({
          matches: [{ strategyId: 'CS-P', via: 'sender' }],
          evasions: [],
        });
      }),
    );
  });
});

describe('matchSender against a scan of every strategy (the index changes nothing)', () => {
  // The rules written the obvious way: every strategy, every address, every time.
  function reference(strategies: readonly Strategy[], from: Mailbox) {
    const address = normaliseAddress(from.address);
    const matches: Array<{ strategyId: string; via: 'sender' | 'advocate' }> = [];
    for (const s of strategies) {
      if (matches.some((m) => m.strategyId === s.id)) continue;
      if (address !== null && s.emailAddresses.some((a) => normaliseAddress(a) === address))
        matches.push({ strategyId: s.id, via: 'sender' });
    }
    for (const s of strategies) {
      if (matches.some((m) => m.strategyId === s.id)) continue;
      if (address !== null && (s.advocate?.addresses ?? []).some((a) => normaliseAddress(a) === address))
        matches.push({ strategyId: s.id, via: 'advocate' });
    }
    const matched = new Set(matches.map((m) => m.strategyId));
    const evasions: Array<{ strategyId: string; kind: string; resembles: string }> = [];
    const warn = (strategyId: string, kind: string, resembles: string): void => {
      if (matched.has(strategyId) || (kind !== 'same-display-name' && resembles === address)) return;
      if (evasions.some((w) => w.strategyId === strategyId && w.kind === kind)) return;
      evasions.push({ strategyId, kind, resembles });
    };
    const split = (skel: string) => ({
      local: skel.slice(0, skel.lastIndexOf('@')),
      domain: skel.slice(skel.lastIndexOf('@') + 1),
    });
    const check = (skel: string | null): void => {
      if (skel === null) return;
      for (const s of strategies) {
        for (const a of [...s.emailAddresses, ...(s.advocate?.addresses ?? [])]) {
          const n = normaliseAddress(a);
          if (n !== null && addressSkeleton(n) === skel) warn(s.id, 'confusable-address', n);
        }
      }
      const mine = split(skel);
      const generic = [...GENERIC_LOCAL_PARTS].map((g) => skeleton(g).replace(/\./gu, ''));
      if (mine.local.length < 3 || generic.includes(mine.local)) return;
      for (const s of strategies) {
        for (const a of s.emailAddresses) {
          const n = normaliseAddress(a);
          const theirs = n === null ? null : addressSkeleton(n);
          if (theirs === null || n === null) continue;
          const t = split(theirs);
          if (t.local === mine.local && t.domain !== mine.domain) warn(s.id, 'same-local-part', n);
        }
      }
    };
    const normalisedSkeleton = address === null ? null : addressSkeleton(address);
    check(normalisedSkeleton);
    const asWritten = addressSkeleton(from.address);
    if (address === null || asWritten !== normalisedSkeleton) check(asWritten);
    const key = typeof from.name === 'string' ? nameKey(from.name) : null;
    for (const s of strategies) {
      for (const name of [s.personName, ...s.knownNames]) {
        if (key !== null && nameKey(name) === key) warn(s.id, 'same-display-name', name);
      }
    }
    return { matches, evasions };
  }

  const locals = ['paul.example', 'p.example', 'info', 'jo', 'megan1', 'li.mei', 'ann'];
  const domains = ['example.com', 'example.org', 'mail.example.net'];
  const names = ['Paul Example', 'Example, Paul', 'Mr Paul Example', 'Megan', 'Li Mei', 'Ann Advocate'];
  const address = fc
    .tuple(fc.constantFrom(...locals), fc.constantFrom(...domains))
    .map(([l, d]) => `${l}@${d}`);
  const strategyArb = fc.record({
    emailAddresses: fc.array(address, { minLength: 1, maxLength: 2 }),
    personName: fc.constantFrom(...names),
    advocate: fc.option(address, { nil: undefined }),
  });
  const strategies = fc.array(strategyArb, { minLength: 1, maxLength: 6 }).map((rs) =>
    rs.map((r, i) =>
      newStrategy({
        id: `CS-${i}`,
        personName: r.personName,
        emailAddresses: r.emailAddresses,
        status: 'active',
        ...(r.advocate ? { advocate: { name: 'Advocate', addresses: [r.advocate], required: false } } : {}),
      }),
    ),
  );
  // A sender: one of those addresses, disguised or not.
  const disguise = fc.constantFrom(
    (a: string) => a,
    (a: string) => a.toUpperCase(),
    (a: string) => a.replace('@', '+tag@'),
    (a: string) => a.replace('.', ''),
    (a: string) => a.replace('l', 'I'),
    (a: string) => a.replace('m', 'rn'),
    (a: string) => a.replace('a', '\u0430'),
    (a: string) => a.replace('e', '\u00e9'),
    (a: string) => `Someone <${a}>`,
    (a: string) => a.replace('@', '@@'),
    (a: string) => a.replace('example', 'exarnple'),
  );
  const sender = fc.record({
    address: fc.tuple(address, disguise).map(([a, d]) => d(a)),
    name: fc.option(fc.constantFrom(...names, 'P Example', 'Ρaul Εxample'), { nil: undefined }),
  });

  it('finds the same matches and warnings, in the same order', () => {
    fc.assert(
      fc.property(strategies, fc.array(sender, { minLength: 1, maxLength: 5 }), (list, senders) => {
        const idx = buildIndex(list);
        for (const from of senders) {
          const mailbox: Mailbox = from.name === undefined ? { address: from.address } : from;
          expect(matchSender(idx, mailbox)).toEqual(reference(list, mailbox));
        }
      }),
      { numRuns: 300 },
    );
  });
});
