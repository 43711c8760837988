// Who a subject access export is about: a strategy's person is every strategy linked to it by a
// shared address (as the matcher finds them for one sender), never a namesake; their rows are
// every decision naming one of those strategies or sent from one of those addresses.
import { subjectAccessSaved, subjectAccessTable } from '../../../src/core/register/exports';
import { isAboutPerson, personOf } from '../../../src/core/register/person';
import { newStrategy } from '../../../src/core/strategy';
import { logRecord } from '../../fixtures/strategies';

const first = newStrategy({
  id: 'CS-0101',
  personName: 'Paul Example',
  emailAddresses: ['paul.example@example.com'],
  status: 'active',
});
// A second matter, opened later with a second address beside the first.
const second = newStrategy({
  id: 'CS-0102',
  personName: 'P. Example',
  emailAddresses: ['Paul.Example+complaints@example.com', 'p.example@example.org'],
  status: 'active',
  advocate: { name: 'Ann Advocate', addresses: ['ann.advocate@advocacy.example.org'], required: false },
});
// A third, linked to the first only through the second's other address.
const third = newStrategy({
  id: 'CS-0103',
  personName: 'Paul Example',
  emailAddresses: ['p.example@example.org'],
  status: 'ended',
});
// The same name, another person: no address in common.
const namesake = newStrategy({
  id: 'CS-0200',
  personName: 'Paul Example',
  emailAddresses: ['paul.example@example.net'],
  status: 'active',
});
const all = [first, second, third, namesake];

describe("a strategy's person", () => {
  it('is every strategy linked by a shared address, however indirectly, and never a namesake', () => {
    const person = personOf(first, all);
    expect(person.name).toBe('Paul Example');
    expect(person.strategyIds).toEqual(['CS-0101', 'CS-0102', 'CS-0103']);
    expect([...person.addresses].sort()).toEqual(['p.example@example.org', 'paul.example@example.com']);
    expect(person.advocateAddresses).toEqual(['ann.advocate@advocacy.example.org']);
    expect(personOf(namesake, all).strategyIds).toEqual(['CS-0200']);
    // Asked from another of the person's strategies: the same person.
    expect([...personOf(third, all).strategyIds].sort()).toEqual(['CS-0101', 'CS-0102', 'CS-0103']);
  });

  it("holds rows naming any of their strategies or sent from their addresses, not an advocate's for others", () => {
    const person = personOf(first, all);
    expect(isAboutPerson(person, logRecord({ strategyIds: ['CS-0102'], sender: 'x@example.net' }))).toBe(
      true,
    );
    expect(isAboutPerson(person, logRecord({ strategyIds: [], sender: 'P.Example@example.org' }))).toBe(true);
    expect(
      isAboutPerson(
        person,
        logRecord({ strategyIds: ['CS-0300'], sender: 'ann.advocate@advocacy.example.org' }),
      ),
    ).toBe(false);
    expect(
      isAboutPerson(person, logRecord({ strategyIds: ['CS-0200'], sender: 'paul.example@example.net' })),
    ).toBe(false);
  });
});

describe('a subject access export', () => {
  it('keeps every decision on a message, oldest read first, and the rows of all their strategies', () => {
    const person = personOf(first, all);
    const message = {
      messageKey: 'm-1',
      internetMessageId: '<m-1@example.com>',
      receivedDateTime: '2026-03-03T09:00:00Z',
    };
    const log = [
      logRecord({
        ...message,
        strategyIds: ['CS-0101'],
        entry: 'second-read',
        readAt: '2026-03-04T10:00:00Z',
        reader: 'sam@force.example.police.uk',
      }),
      logRecord({
        ...message,
        strategyIds: ['CS-0101'],
        readAt: '2026-03-03T10:00:00Z',
        reader: 'hana@force.example.police.uk',
      }),
      logRecord({
        strategyIds: ['CS-0103'],
        sender: 'p.example@example.org',
        receivedDateTime: '2026-01-05T09:00:00Z',
      }),
      logRecord({
        strategyIds: ['CS-0200'],
        sender: 'paul.example@example.net',
        internetMessageId: '<namesake@example.net>',
      }),
    ];
    const table = subjectAccessTable(person, log);
    const readBy = table.headers.indexOf('Read by');
    const id = table.headers.indexOf('Message ID');
    expect(table.rows.map((r) => [r[id], r[readBy]])).toEqual([
      [log[2]?.internetMessageId, log[2]?.reader],
      ['<m-1@example.com>', 'hana@force.example.police.uk'],
      ['<m-1@example.com>', 'sam@force.example.police.uk'],
    ]);
  });
});

describe('what the supervisor is told once the export is saved', () => {
  it('names the strategies it covers, and every row that could not be read', () => {
    const base = { file: 'subject-access-CS-0101.csv', personName: 'Paul Example', entries: 1 };
    expect(subjectAccessSaved({ ...base, strategyIds: ['CS-0101'], unreadable: [] })).toBe(
      'Saved subject-access-CS-0101.csv: 1 entry of the contact log about Paul Example (strategy CS-0101).',
    );
    expect(
      subjectAccessSaved({
        ...base,
        entries: 3,
        strategyIds: ['CS-0101', 'CS-0102'],
        unreadable: ['Contact log row 7: FlagCodes: unknown code "X"'],
      }),
    ).toBe(
      'Saved subject-access-CS-0101.csv: 3 entries of the contact log about Paul Example (strategies CS-0101, CS-0102). 1 row about them could not be read and is not in the file (Contact log row 7: FlagCodes: unknown code "X"): ask an administrator to correct it, then export again.',
    );
  });
});
