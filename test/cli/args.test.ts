import { parseArgs } from '../../src/cli/args';

describe('parseArgs', () => {
  it('reads the documented command line, in any order and with --opt=value', () => {
    expect(
      parseArgs(['--message=m.json', 'evaluate', '--strategies', 's.json', '--now', '2025-06-01T09:00:00Z']),
    ).toEqual({
      kind: 'evaluate',
      options: { strategies: 's.json', message: 'm.json', now: '2025-06-01T09:00:00Z' },
    });
  });

  it('asks for help with -h or --help, whatever else is there', () => {
    expect(parseArgs(['evaluate', '--bogus', '-h'])).toEqual({ kind: 'help' });
  });

  it('does not take the next option as a missing value', () => {
    expect(parseArgs(['evaluate', '--strategies', '--message', 'm.json'])).toEqual({
      kind: 'error',
      error: '--strategies needs a value',
    });
    expect(parseArgs(['evaluate', '--strategies=', '--message', 'm.json'])).toEqual({
      kind: 'error',
      error: '--strategies needs a value',
    });
  });

  it('rejects a single-dash option it does not know', () => {
    expect(parseArgs(['evaluate', '-s', 's.json'])).toEqual({
      kind: 'error',
      error: 'unknown option "-s" (see --help)',
    });
  });
});
