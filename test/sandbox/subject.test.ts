import fc from 'fast-check';
import { prefixSubject, type SubjectKind } from '../../sandbox/compose/subject';

const kinds = fc.constantFrom<SubjectKind>('reply', 'forward');
/** Subjects built from the pieces that matter here: prefixes in any case and spacing, and text. */
const subjects = fc
  .array(
    fc.oneof(
      fc.constantFrom('RE: ', 'Re:', 're : ', 'FW: ', 'Fwd: ', 'fw:', ' ', 'Reply', 'CO/01234/24'),
      fc.string(),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

describe('prefixSubject', () => {
  it('gives a reply one RE:, whatever the original had', () => {
    expect(prefixSubject('reply', 'CO/01234/24')).toBe('RE: CO/01234/24');
    expect(prefixSubject('reply', 'RE: CO/01234/24')).toBe('RE: CO/01234/24');
    expect(prefixSubject('reply', 'Re: CO/01234/24')).toBe('RE: CO/01234/24');
    expect(prefixSubject('reply', 're:RE: CO/01234/24')).toBe('RE: CO/01234/24');
    expect(prefixSubject('reply', 'FW: CO/01234/24')).toBe('RE: FW: CO/01234/24');
    expect(prefixSubject('reply', 'Reply needed')).toBe('RE: Reply needed');
    expect(prefixSubject('reply', '')).toBe('RE: ');
  });

  it('gives a forward one FW:, taking Fwd: as the same', () => {
    expect(prefixSubject('forward', 'FW: x')).toBe('FW: x');
    expect(prefixSubject('forward', 'Fwd: x')).toBe('FW: x');
    expect(prefixSubject('forward', 'RE: x')).toBe('FW: RE: x');
  });

  it('is idempotent: prefixing twice is prefixing once', () => {
    fc.assert(
      fc.property(kinds, subjects, (kind, subject) => {
        const once = prefixSubject(kind, subject);
        expect(prefixSubject(kind, once)).toBe(once);
      }),
    );
  });

  it('starts with its one prefix and keeps the rest of the subject as it was', () => {
    fc.assert(
      fc.property(kinds, subjects, (kind, subject) => {
        const result = prefixSubject(kind, subject);
        const written = kind === 'reply' ? 'RE: ' : 'FW: ';
        expect(result.startsWith(written)).toBe(true);
        expect(subject.endsWith(result.slice(written.length))).toBe(true);
      }),
    );
  });
});
