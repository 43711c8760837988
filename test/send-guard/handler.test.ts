import { newStrategy } from '../../src/core/strategy';
import { DEFAULT_SEND_GUARD, type OutgoingMail } from '../../src/core/send-guard';
import type { Timers } from '../../src/send-guard/budget';
import { runSendGuard, type GuardLogEntry, type SendGuardDeps } from '../../src/send-guard/handler';
import { memoryStore, SNAPSHOT_KEY, writeSnapshot, type GuardSnapshot } from '../../src/send-guard/snapshot';

const NOW = Date.parse('2025-06-06T10:00:00Z');
const pat = newStrategy({
  id: 'CS-0043',
  personName: 'Pat Sample',
  emailAddresses: ['pat.sample@example.org'],
  status: 'active',
  permittedChannels: ['post'],
});
const casey = newStrategy({
  id: 'CS-0046',
  personName: 'Casey Quinn',
  emailAddresses: ['casey.quinn@example.com'],
  status: 'active',
  responsePolicy: 'read-not-respond',
});
const snapshot: GuardSnapshot = {
  savedAt: NOW - 60_000,
  strategies: [pat, casey],
  guard: DEFAULT_SEND_GUARD,
  supervisors: ['sam.supervisor@force.example.police.uk'],
};

function mailTo(...to: string[]): OutgoingMail {
  return { kind: 'new', to: to.map((address) => ({ address })), cc: [], bcc: [] };
}

/** Timers a test fires by hand: the budget runs out only when the test says so. */
function manualTimers(): Timers & { fire(): void } {
  let pending: (() => void) | null = null;
  return {
    setTimeout: (fn) => ((pending = fn), 1),
    clearTimeout: () => void (pending = null),
    fire: () => pending?.(),
  };
}

async function depsWith(
  overrides: Partial<SendGuardDeps> & { mail?: OutgoingMail; kept?: GuardSnapshot | null },
) {
  const store = memoryStore();
  if (overrides.kept !== null) await store.setItem(SNAPSHOT_KEY, writeSnapshot(overrides.kept ?? snapshot));
  const log: GuardLogEntry[] = [];
  const deps: SendGuardDeps = {
    compose: {
      mail: async () => overrides.mail ?? mailTo('pat.sample@example.org'),
      sender: () => 'jo.colleague@force.example.police.uk',
    },
    store,
    canPromptUser: true,
    now: () => NOW,
    log: (e) => log.push(e),
    ...overrides,
  };
  return { deps, log, store };
}

describe('runSendGuard', () => {
  it('with a kept snapshot, stops a mail to a post-only person with the sentence Outlook shows', async () => {
    const { deps, log } = await depsWith({});
    const result = await runSendGuard(deps);
    expect(result.completion).toEqual({
      allowEvent: false,
      errorMessage: 'Pat Sample: contact by post only. Send a letter instead.',
    });
    expect(log).toEqual([]);
  });

  it('offers Send anyway for a prompt rule where the client has Mailbox 1.14, not where it lacks it', async () => {
    const { deps } = await depsWith({ mail: mailTo('casey.quinn@example.com') });
    expect((await runSendGuard(deps)).completion).toMatchObject({
      allowEvent: false,
      sendModeOverride: 'promptUser',
    });
    const older = await runSendGuard({ ...deps, canPromptUser: false });
    expect(older.completion).toEqual({
      allowEvent: false,
      errorMessage: "Casey Quinn: read but do not respond. A reply needs a supervisor's approval.",
    });
  });

  it('lets other mail go without a dialog', async () => {
    const { deps } = await depsWith({ mail: mailTo('psd@force.example.police.uk') });
    expect((await runSendGuard(deps)).completion).toEqual({ allowEvent: true });
  });

  it('knows supervisors from the snapshot', async () => {
    const { deps } = await depsWith({ mail: mailTo('casey.quinn@example.com') });
    const sam = { ...deps.compose, sender: () => 'Sam.Supervisor@force.example.police.uk' };
    expect((await runSendGuard({ ...deps, compose: sam })).completion).toEqual({ allowEvent: true });
  });

  it('fails open and logs it when nothing is kept and nothing can be fetched', async () => {
    const { deps, log } = await depsWith({ kept: null });
    const result = await runSendGuard(deps);
    expect(result.completion).toEqual({ allowEvent: true });
    expect(result.outcome).toMatchObject({ kind: 'failed-open', reason: 'no-strategies' });
    expect(log).toEqual([expect.objectContaining({ event: 'failed-open' })]);
  });

  it('fails open when Graph is down and nothing is kept', async () => {
    const { deps, log } = await depsWith({
      kept: null,
      refresh: () => Promise.reject(new Error('503 from Graph')),
    });
    const result = await runSendGuard(deps);
    expect(result.completion).toEqual({ allowEvent: true });
    expect(log[0]?.detail).toBe('503 from Graph');
  });

  it('fails open after the budget when the fetch is slow, and logs it', async () => {
    const timers = manualTimers();
    const { deps, log } = await depsWith({ kept: null, refresh: () => new Promise(() => undefined), timers });
    const running = runSendGuard(deps);
    await new Promise((r) => setImmediate(r));
    timers.fire();
    const result = await running;
    expect(result.completion).toEqual({ allowEvent: true });
    expect(result.outcome).toMatchObject({ kind: 'failed-open', reason: 'over-budget' });
    expect(log).toHaveLength(1);
  });

  it('fetches and keeps a snapshot when none is kept, then decides on it', async () => {
    const { deps, store } = await depsWith({ kept: null, refresh: async () => snapshot });
    expect((await runSendGuard(deps)).completion).toMatchObject({ allowEvent: false });
    expect(await store.getItem(SNAPSHOT_KEY)).not.toBeNull();
  });

  it('decides on an old snapshot at once and refreshes it behind, for the next send', async () => {
    let refreshed = 0;
    const { deps, store } = await depsWith({
      kept: { ...snapshot, savedAt: NOW - 24 * 3600_000 },
      refresh: async () => (refreshed++, { ...snapshot, savedAt: NOW, strategies: [casey] }),
    });
    expect((await runSendGuard(deps)).completion).toMatchObject({ allowEvent: false });
    await new Promise((r) => setImmediate(r));
    expect(refreshed).toBe(1);
    expect(await store.getItem(SNAPSHOT_KEY)).toContain('"savedAt":' + NOW);
  });

  it('fails open when reading the compose form fails', async () => {
    const { deps } = await depsWith({});
    const broken = { ...deps.compose, mail: () => Promise.reject(new Error('item gone')) };
    const result = await runSendGuard({ ...deps, compose: broken });
    expect(result).toMatchObject({ completion: { allowEvent: true }, outcome: { reason: 'error' } });
  });
});
