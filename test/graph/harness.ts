// Starts the local Graph emulator for contract tests and gives a client that trusts its
// self-signed certificate (an undici Agent with the emulator's CA; TLS checks stay on).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { startEmulator, type EmulatorOptions, type EmulatorSeed, type RunningEmulator } from '../../emulator';
import { createGraphClient, type GraphClient } from '../../src/graph/client';
import type { FetchLike } from '../../src/graph/middleware';
import type { RetryOptions } from '../../src/graph/retry';

export const SITE = { siteHostname: 'sharepoint.example.com', sitePath: '/sites/complaints' };
export const SUPERVISOR = 'sam.supervisor@force.example.police.uk';
export const HANDLER = 'hana.handler@force.example.police.uk';
export const SHARED = 'psd@force.example.police.uk';

export const BASE_SEED: EmulatorSeed = {
  users: [
    { upn: SUPERVISOR, displayName: 'Sam Supervisor', supervisor: true },
    { upn: HANDLER, displayName: 'Hana Handler' },
  ],
  sites: [{ hostname: SITE.siteHostname, path: SITE.sitePath, displayName: 'Complaints' }],
  mailboxes: [
    { upn: SUPERVISOR, displayName: 'Sam Supervisor' },
    { upn: HANDLER, displayName: 'Hana Handler' },
    {
      upn: SHARED,
      displayName: 'PSD',
      shared: true,
      members: [HANDLER, SUPERVISOR],
      sendAs: [HANDLER],
      sendOnBehalf: [SUPERVISOR],
    },
  ],
};

/** Fast retries for tests: the behaviour is the same, the waits are milliseconds. */
export const FAST_RETRY: RetryOptions = {
  baseDelayMs: 2,
  maxDelayMs: 20,
  maxRetryAfterMs: 20,
  maxAttempts: 8,
};

export interface Harness {
  emu: RunningEmulator;
  base: string;
  fetchImpl: FetchLike;
  client(upn?: string, retry?: RetryOptions): GraphClient;
  tokens(upn?: string): { getToken: (scopes: readonly string[]) => Promise<string> };
  close(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emu = await startEmulator({
    seed: BASE_SEED,
    certDir: join(tmpdir(), 'cst-graph-test-cert'),
    ...options,
  });
  const agent = new Agent({ connect: { ca: emu.ca } });
  const fetchImpl: FetchLike = (url, init) =>
    undiciFetch(url, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>;
  const base = `${emu.url}/v1.0`;
  const tokens = (upn = HANDLER) => ({ getToken: async () => `dev:${upn}` });
  return {
    emu,
    base,
    fetchImpl,
    tokens,
    client: (upn = HANDLER, retry = FAST_RETRY) =>
      createGraphClient({ baseUrl: base, tokens: tokens(upn), fetchImpl, retry }),
    close: async () => {
      await emu.close();
      await agent.close();
    },
  };
}

/**
 * A fetch that lets the server act on the first `times` matching requests and then loses their
 * answer, as when a connection drops after the server did the work.
 */
export function loseAnswers(
  inner: FetchLike,
  matches: (url: string, init?: RequestInit) => boolean,
  times = 1,
): FetchLike {
  let left = times;
  return async (url, init) => {
    const res = await inner(url, init);
    if (left > 0 && matches(url, init)) {
      left--;
      throw new TypeError('fetch failed: other side closed');
    }
    return res;
  };
}

/** A client whose first matching request's answer is lost after the server acted. */
export function losingClient(
  h: Harness,
  upn: string,
  matches: (url: string, init?: RequestInit) => boolean,
): GraphClient {
  return createGraphClient({
    baseUrl: h.base,
    tokens: h.tokens(upn),
    fetchImpl: loseAnswers(h.fetchImpl, matches),
    retry: FAST_RETRY,
  });
}
