// `npm run doctor` against the emulator: the sample seed passes every check; seeds broken on
// purpose give each ✗ with its fix; --fix repairs what an administrator may.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorSeed, SeedList } from '../../emulator/types';
import { formatChecks, runDoctor, scopeChecks, tokenScopes, type Check } from '../../src/graph/doctor';
import { startHarness, type Harness } from './harness';
import { PER_DECISION_LOG_COLUMNS } from './seed';

const SAMPLE = JSON.parse(readFileSync('emulator/seed/sample.json', 'utf8')) as EmulatorSeed;
const SITE = { siteHostname: 'sharepoint.example.com', sitePath: '/sites/complaints' };
const ADMIN = 'sue.supervisor@force.example.police.uk';
const PSD = 'psd@force.example.police.uk';
// The sample seed's app-only identity: what --mailbox-token stands for in a tenant.
const APP = 'triage-setup@force.example.police.uk';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: SAMPLE });
});
afterAll(() => h.close());

async function doctor(seed: EmulatorSeed, fix = false): Promise<Check[]> {
  await h.emu.reset(seed);
  return runDoctor({ client: h.client(ADMIN), where: SITE, mailboxClient: () => h.client(APP), fix });
}

/** The sample seed with one list changed. */
function withList(name: string, change: (l: SeedList) => SeedList | undefined): EmulatorSeed {
  const seed = structuredClone(SAMPLE);
  const site = seed.sites?.[0];
  if (site)
    site.lists = (site.lists ?? []).flatMap((l) => (l.displayName === name ? (change(l) ?? []) : [l]));
  return seed;
}

const failed = (checks: Check[]) => checks.filter((c) => !c.ok);

it('passes every check on the sample seed, one ✓ line each', async () => {
  const checks = await doctor(SAMPLE);
  expect(failed(checks)).toEqual([]);
  const lines = formatChecks(checks).split('\n');
  expect(lines.length).toBeGreaterThan(10);
  expect(lines.every((l) => l.startsWith('✓ '))).toBe(true);
});

it('a missing list, a missing column and a missing index each give a ✗ with the fix', async () => {
  const noSettings = failed(await doctor(withList('Triage Settings', () => undefined)));
  expect(noSettings.map((c) => c.label)).toEqual(
    expect.arrayContaining([
      'list "Triage Settings" is missing',
      expect.stringMatching(/^settings: staffDomains missing/),
    ]),
  );
  expect(noSettings.find((c) => c.label.includes('is missing'))?.fix).toMatch(/npm run provision/);

  const broken = withList('Contact Log', (l) => ({
    ...l,
    columns: (l.columns ?? [])
      .filter((c) => c.name !== 'Fingerprint')
      .map((c) => (c.name === 'Sender' ? { ...c, indexed: false } : c)),
  }));
  const bad = failed(await doctor(broken));
  expect(bad.map((c) => c.label)).toEqual([
    'list "Contact Log" columns: Fingerprint missing',
    'list "Contact Log" not indexed: Sender',
  ]);
  expect(bad.every((c) => (c.fix ?? '').length > 0)).toBe(true);

  // A log made before per-decision rows: none of the columns the pane now writes.
  const NEWER = PER_DECISION_LOG_COLUMNS;
  const older = withList('Contact Log', (l) => ({
    ...l,
    columns: (l.columns ?? []).filter((c) => !NEWER.includes(c.name ?? '')),
  }));
  const old = failed(await doctor(older)).map((c) => c.label);
  expect(old).toContain(`list "Contact Log" columns: ${NEWER.map((n) => `${n} missing`).join('; ')}`);
});

it('a settings row that cannot be used and an escalation mailbox that does not exist are ✗', async () => {
  const seed = withList('Triage Settings', (l) => ({
    ...l,
    items: [
      ...(l.items ?? []).map((i) =>
        i.fields['Title'] === 'escalationMailbox'
          ? { fields: { ...i.fields, Value: '"nobody@force.example.police.uk"' } }
          : i,
      ),
      { fields: { Title: 'escalationMailboxes', Value: '"typo@force.example.police.uk"' } },
    ],
  }));
  const labels = failed(await doctor(seed)).map((c) => c.label);
  expect(labels).toEqual([
    expect.stringMatching(/^settings: Setting "escalationMailboxes" .* is not a known setting/),
    expect.stringMatching(/^escalation mailbox nobody@force\.example\.police\.uk: HTTP 404/),
  ]);
});

it('a shared mailbox without the categories is ✗; --fix creates them and the missing index', async () => {
  const seed = withList('Contact Log', (l) => ({
    ...l,
    columns: (l.columns ?? []).map((c) => (c.name === 'Sender' ? { ...c, indexed: false } : c)),
  }));
  seed.mailboxes = (seed.mailboxes ?? []).map((m) => (m.upn === PSD ? { ...m, masterCategories: [] } : m));
  const bad = failed(await doctor(seed));
  expect(bad.map((c) => c.label)).toEqual([
    'list "Contact Log" not indexed: Sender',
    expect.stringMatching(/^shared mailbox psd@force\.example\.police\.uk lacks categories: CST: Escalate, /),
  ]);
  const fixed = await runDoctor({
    client: h.client(ADMIN),
    where: SITE,
    mailboxClient: () => h.client(APP),
    fix: true,
  });
  expect(failed(fixed)).toEqual([]);
});

it('checks the token for each permission the add-in needs', () => {
  const jwt = (scp: string) => `x.${Buffer.from(JSON.stringify({ scp })).toString('base64url')}.y`;
  expect(tokenScopes('dev:someone')).toBeUndefined();
  const short = scopeChecks(tokenScopes(jwt('Sites.Selected Mail.ReadWrite Mail.Send')));
  expect(short.filter((c) => !c.ok).map((c) => c.label)).toEqual([
    'token lacks Mail.ReadWrite.Shared',
    'token lacks Mail.Send.Shared',
    'token lacks MailboxSettings.ReadWrite',
  ]);
  const full = scopeChecks(
    tokenScopes(
      jwt(
        'Sites.ReadWrite.All Mail.ReadWrite Mail.ReadWrite.Shared Mail.Send Mail.Send.Shared MailboxSettings.ReadWrite',
      ),
    ),
  );
  expect(full.every((c) => c.ok)).toBe(true);
});

it('exits 1 from the command line when a check fails, and is read-only without --fix', async () => {
  const broken = withList('Contact Log', (l) => ({
    ...l,
    columns: (l.columns ?? []).map((c) => (c.name === 'Sender' ? { ...c, indexed: false } : c)),
  }));
  await h.emu.reset(broken);
  h.emu.store.clearRequestLog();
  const caFile = join(tmpdir(), `cst-doctor-ca-${process.pid}.pem`);
  writeFileSync(caFile, h.emu.ca);
  const run = (extra: string[]) =>
    new Promise<{ status: number; stdout: string }>((resolve) => {
      execFile(
        'node_modules/.bin/tsx',
        [
          'scripts/doctor.ts',
          '--site',
          `https://${SITE.siteHostname}${SITE.sitePath}`,
          '--graph',
          h.base,
          '--token',
          `dev:${ADMIN}`,
          '--ca',
          caFile,
          ...extra,
        ],
        { encoding: 'utf8', timeout: 30_000 },
        (err, stdout) => resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout }),
      );
    });
  const result = await run([]);
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/^✗ list "Contact Log" not indexed: Sender {2}→ /m);
  expect(h.emu.store.requestLog().filter((e) => e.method !== 'GET')).toEqual([]);
});
