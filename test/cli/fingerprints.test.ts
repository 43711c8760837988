import { run, type Io } from '../../src/cli/triage';
import { fingerprint } from '../../src/core/repeat';
import { purgeStaleFingerprints } from '../../src/core/repeat/purge';
import { DEMAND } from '../core/repeat.fixtures';

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const fake: Io = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readText: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    writeText: (path, text) => {
      files[path] = text;
    },
    clock: () => new Date('2025-03-05T00:00:00Z'),
  };
  return { fake, out, err };
}

const current = fingerprint(DEMAND);
const rows = [
  { id: 'r1', sender: 'paul.example@example.com', fingerprint: { v: 'mh1-128-s3', sig: 'AAAA', n: 60 } },
  { id: 'r2', sender: 'paul.example@example.com', fingerprint: current },
  { id: 'r3', sender: 'jo@example.net' },
  { id: 'r4', fingerprint: 'garbled' },
];

describe('purging fingerprints of an earlier format', () => {
  it('removes only stale fingerprints, keeping every row and every other field', () => {
    const result = purgeStaleFingerprints(rows);
    expect(result.rows).toEqual([
      { id: 'r1', sender: 'paul.example@example.com' },
      rows[1],
      rows[2],
      { id: 'r4' },
    ]);
    expect(result.purged).toEqual({ 'mh1-128-s3': 1, unreadable: 1 });
    expect(result.kept).toBe(1);
    // Run again, nothing more goes.
    expect(purgeStaleFingerprints(result.rows).rows).toEqual(result.rows);
  });

  it('`triage fingerprints` writes the purged log and says what it removed', () => {
    const files: Record<string, string> = { 'log.json': `\uFEFF${JSON.stringify(rows)}` };
    const { fake, out, err } = io(files);
    expect(run(['fingerprints', '--history', 'log.json', '--out', 'clean.json'], fake)).toBe(0);
    expect(err).toEqual([]);
    expect(JSON.parse(files['clean.json'] ?? '')).toHaveLength(4);
    expect(files['clean.json']).not.toContain('mh1');
    expect(out.join('')).toBe(
      '4 rows: 1 current fingerprints kept; removed 1 mh1-128-s3, 1 unreadable. Written to clean.json.\n',
    );
  });

  it.each([
    [['fingerprints', '--history', 'log.json'], 'triage: --history <file> and --out <file> are required\n'],
    [['fingerprints', '--history', 'missing.json', '--out', 'x'], /^triage: missing\.json: ENOENT/u],
    [
      ['fingerprints', '--history', 'bad.json', '--out', 'x'],
      'triage: bad.json: expected a JSON list of contact-log rows\n',
    ],
    [['fingerprints', '--wat', 'x'], 'triage: unknown argument "--wat" (see --help)\n'],
  ])('bad input %j gets one sentence and exit status 2, writing nothing', (argv, message) => {
    const files: Record<string, string> = { 'log.json': '[]', 'bad.json': '{}' };
    const { fake, err } = io(files);
    expect(run(argv, fake)).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(Object.keys(files)).toEqual(['log.json', 'bad.json']);
  });
});
