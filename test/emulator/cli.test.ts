// `npm run emulator`: argument parsing, and a real run that serves, persists and stops on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError, parseArgs } from '../../emulator/cli';
import { call } from './helpers';

const TSX = resolve('node_modules/.bin/tsx');

describe('parseArgs', () => {
  it('reads every option', () => {
    const c = parseArgs([
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      'd',
      '--seed',
      's.json',
      '--latency',
      '100',
      '--fault',
      '429:rate=0.2',
      '--fault',
      'drop:count=1',
      '--expose-retry-after',
      '--page-cap',
      '50',
      '--list-view-threshold',
      '10',
      '--threshold-status',
      '429',
      '--batch-order',
      'sent',
      '--random-seed',
      '7',
      '--delta-token-ttl-ms',
      '1000',
      '--reset',
    ]);
    expect(c.reset).toBe(true);
    expect(c.options).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      dataDir: resolve('d'),
      seed: resolve('s.json'),
      latencyMs: 100,
      faults: [
        { kind: '429', rate: 0.2 },
        { kind: 'drop', count: 1 },
      ],
      exposeRetryAfter: true,
      pageCap: 50,
      listViewThreshold: 10,
      thresholdStatus: 429,
      batchOrder: 'sent',
      randomSeed: 7,
      deltaTokenTtlMs: 1000,
    });
  });

  it('defaults to port 4443', () => {
    expect(parseArgs([]).options.port).toBe(4443);
  });

  it.each([
    [['--port'], /--port needs a value/],
    [['--port', 'x'], /whole number/],
    [['--colour'], /unknown option --colour/],
    [['--threshold-status', '500'], /429 or 503/],
    [['--page-cap', '0'], /at least 1/],
  ])('refuses %j clearly', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

function run(args: string[]) {
  const child = spawn(TSX, ['emulator/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, stdout: () => out, stderr: () => err };
}

describe('the command', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its URL, serves the seed over HTTPS, and saves and exits 0 on SIGTERM', async () => {
    const p = run(['--port', '0', '--data', dir, '--seed', 'emulator/seed/sample.json']);
    const started = Date.now();
    while (!/listening: (\S+)\/v1\.0/.test(p.stdout()) && Date.now() - started < 15_000)
      await new Promise((r) => setTimeout(r, 50));
    const url = /listening: (\S+)\/v1\.0/.exec(p.stdout())?.[1] as string;
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = readFileSync(join(dir, 'certs', 'emulator-cert.pem'), 'utf8');
    const r = await call(url, ca, '/v1.0/me', {
      headers: { Authorization: 'Bearer dev:sam.handler@force.example.police.uk' },
    });
    expect(r.json.displayName).toBe('Sam Handler');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toContain('CS-0042');
  });

  it('exits 2 with a one-line reason for a bad option', async () => {
    const p = run(['--fault', 'teapot']);
    expect(await p.exited).toBe(2);
    const first = p.stderr().split('\n')[0];
    expect(first).toMatch(/^emulator: Unknown fault kind 'teapot'/);
    expect(p.stderr()).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
