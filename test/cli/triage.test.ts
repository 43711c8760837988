// The `triage` command as a user runs it: `node bin/triage.mjs …` in a child process.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../../src/core/evaluate';
import { parseConfig, parseHistory, parseMessage } from '../../src/core/parse';
import { parseStrategies } from '../../src/core/strategy';
import { toOutput } from '../../src/cli/triage';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'triage.mjs');
const FIX = 'test/fixtures/cli';
const EX = 'examples';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function triage(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const full = [
  'evaluate',
  '--strategies',
  `${EX}/strategies.json`,
  '--message',
  `${EX}/message.json`,
  '--history',
  `${EX}/history.json`,
  '--config',
  `${EX}/config.json`,
  '--now',
  '2025-03-07T09:00:00Z',
];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'triage-cli-'));
  writeFileSync(join(tmp, 'invalid.json'), '[\n  { "id": "CS-0042",\n');
  writeFileSync(join(tmp, 'empty.json'), '');
  // Saved by Windows Notepad: a byte-order mark before the JSON.
  writeFileSync(
    join(tmp, 'bom-message.json'),
    `\uFEFF${readFileSync(join(ROOT, EX, 'message.json'), 'utf8')}`,
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function json(path: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

describe('triage evaluate: good input', () => {
  it('prints the verdict for the README example: the match, every breach, the indicators, and the read', async () => {
    const { code, stdout, stderr } = await triage(...full);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.matches).toEqual([{ strategyId: 'CS-0042', via: 'sender' }]);
    expect(out.readRequired).toBe(true);
    expect(out.flags.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining([
        'WRONG_ADDRESS',
        'NOT_SPOC',
        'MULTIPLE_RECIPIENTS',
        'ADVOCATE_REQUIRED',
        'OUTSIDE_PERMITTED_TIME',
        'CONTACT_LIMIT_EXCEEDED',
        'REOPEN_DEMAND',
        'OTHER_MATTER',
        'REASONABLE_ADJUSTMENTS',
      ]),
    );
    // As the README says: email is a permitted channel, so that is the one breach not raised.
    expect(out.flags.map((f: { code: string }) => f.code)).not.toContain('CHANNEL_NOT_PERMITTED');
    expect(out.indicators.map((i: { code: string }) => i.code)).toContain('NEW_COMPLAINT');
    expect(Object.keys(out).sort()).toEqual(['evasions', 'flags', 'indicators', 'matches', 'readRequired']);
  });

  it('prints exactly what evaluate returns for the same files', async () => {
    const { stdout } = await triage(...full);
    const strategies = parseStrategies(json(`${EX}/strategies.json`)).strategies;
    const message = parseMessage(json(`${EX}/message.json`));
    const history = parseHistory(json(`${EX}/history.json`));
    const config = parseConfig(json(`${EX}/config.json`));
    if (!message.ok || !history.ok || !config.ok) throw new Error('examples must parse');
    const expected = evaluate({
      strategies,
      message: message.value,
      history: history.value,
      config: config.value,
      now: new Date('2025-03-07T09:00:00Z'),
    });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(toOutput(expected))));
  });

  it('gives a sender with no strategy no match, no flags, and still requires the read', async () => {
    const { code, stdout } = await triage(
      'evaluate',
      '--strategies',
      `${EX}/strategies.json`,
      '--message',
      `${FIX}/message-no-strategy.json`,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      matches: [],
      evasions: [],
      flags: [],
      indicators: [],
      readRequired: true,
    });
  });

  it('works without --now (the current time), with --opt=value, and with a byte-order mark', async () => {
    const { code, stdout } = await triage(
      'evaluate',
      `--strategies=${EX}/strategies.json`,
      `--message=${join(tmp, 'bom-message.json')}`,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).matches).toEqual([{ strategyId: 'CS-0042', via: 'sender' }]);
  });

  it('prints the usage with --help', async () => {
    const { code, stdout } = await triage('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: triage evaluate --strategies <file> --message <file>/u);
  });
});

describe('triage evaluate: bad input is one line on stderr naming the file and field, exit 2', () => {
  const S = ['--strategies', `${EX}/strategies.json`];
  const M = ['--message', `${EX}/message.json`];
  it.concurrent.each<[string, () => string[], RegExp]>([
    ['no arguments', () => [], /^triage: no command given: expected "evaluate"/u],
    ['an unknown command', () => ['check', ...S, ...M], /^triage: unknown command "check"/u],
    [
      'an unknown option',
      () => ['evaluate', ...S, ...M, '--verbose'],
      /^triage: unknown option "--verbose"/u,
    ],
    ['a missing --strategies', () => ['evaluate', ...M], /^triage: --strategies <file> is required/u],
    ['a missing --message', () => ['evaluate', ...S], /^triage: --message <file> is required/u],
    [
      'an option without its value',
      () => ['evaluate', ...S, '--message'],
      /^triage: --message needs a value/u,
    ],
    ['an option given twice', () => ['evaluate', ...S, ...S, ...M], /^triage: --strategies is given twice/u],
    ['an extra argument', () => ['evaluate', 'extra', ...S, ...M], /^triage: unexpected argument "extra"/u],
    [
      'a file that does not exist',
      () => ['evaluate', '--strategies', 'nope.json', ...M],
      /^triage: nope\.json: cannot read the file: no such file/u,
    ],
    [
      'a folder instead of a file',
      () => ['evaluate', '--strategies', FIX, ...M],
      /^triage: test\/fixtures\/cli: cannot read the file: is a folder/u,
    ],
    [
      'invalid JSON',
      () => ['evaluate', '--strategies', join(tmp, 'invalid.json'), ...M],
      /^triage: .*invalid\.json: not valid JSON: /u,
    ],
    [
      'an empty file',
      () => ['evaluate', ...S, '--message', join(tmp, 'empty.json')],
      /^triage: .*empty\.json: not valid JSON: /u,
    ],
    [
      'a strategy field of the wrong form',
      () => ['evaluate', '--strategies', `${FIX}/strategies-bad-time.json`, ...M],
      /^triage: test\/fixtures\/cli\/strategies-bad-time\.json: strategy CS-0042 \(Paul Example\): permittedTimes\[0\]\.from must be HH:MM \(00:00 to 23:59\), got "9am"$/u,
    ],
    [
      'strategies that are not a list',
      () => ['evaluate', '--strategies', `${FIX}/strategies-not-list.json`, ...M],
      /^triage: test\/fixtures\/cli\/strategies-not-list\.json: strategies must be a list, got an object$/u,
    ],
    [
      'a message field of the wrong type',
      () => ['evaluate', ...S, '--message', `${FIX}/message-bad-from.json`],
      /^triage: test\/fixtures\/cli\/message-bad-from\.json: from\.address must be a string, got 42$/u,
    ],
    [
      'a history entry with a bad time',
      () => ['evaluate', ...S, ...M, '--history', `${FIX}/history-bad-time.json`],
      /^triage: test\/fixtures\/cli\/history-bad-time\.json: history\[0\]\.receivedDateTime must be an ISO date and time with a zone .*got "4 March 2025"$/u,
    ],
    [
      'a misspelt setting',
      () => ['evaluate', ...S, ...M, '--config', `${FIX}/config-typo.json`],
      /^triage: test\/fixtures\/cli\/config-typo\.json: reviewMaxDay is not a known field$/u,
    ],
    [
      'a --now without a zone',
      () => ['evaluate', ...S, ...M, '--now', '2025-06-01 09:00'],
      /^triage: --now must be an ISO date and time with a zone .*got "2025-06-01 09:00"$/u,
    ],
  ])('%s', async (_case, args, expected) => {
    const { code, stdout, stderr } = await triage(...args());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(stderr).not.toMatch(/\n\s+at |Error:/u);
  });
});
