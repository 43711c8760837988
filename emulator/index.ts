// The local Microsoft Graph emulator: SharePoint lists, Outlook mail, $batch, delta, throttling
// and the service's known misbehaviour, over HTTPS on 127.0.0.1. See emulator/README.md.
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { loadOrCreateCert } from './cert';
import type { Engine, ResolvedOptions } from './context';
import { FaultEngine } from './faults';
import { deliverMessage, expireDeltaTokens, setListWriters } from './operations';
import { seededRandom } from './prng';
import { createRequestListener } from './server';
import { Store } from './store';
import type { EmulatorOptions, RunningEmulator } from './types';

export type * from './types';
export { parseFaultSpec, formatFaultSpec, FAULT_KINDS } from './faults';
export { PREFER_NON_INDEXED, nonIndexedMessage } from './sharepoint/items';
export { BATCH_MAX } from './batch';

const DAY_MS = 86_400_000;

function resolveOptions(opts: EmulatorOptions): ResolvedOptions {
  const pageCap = opts.pageCap ?? 200;
  if (!Number.isInteger(pageCap) || pageCap < 1)
    throw new Error(`pageCap must be a positive integer, not ${pageCap}`);
  const mc = opts.mailboxConcurrency;
  if (mc !== undefined && (!Number.isInteger(mc) || mc < 1))
    throw new Error(`mailboxConcurrency must be a positive integer, not ${mc}`);
  return {
    pageCap,
    deltaTokenTtlMs: opts.deltaTokenTtlMs ?? 7 * DAY_MS,
    listViewThreshold: opts.listViewThreshold ?? 5000,
    thresholdStatus: opts.thresholdStatus ?? 503,
    batchOrder: opts.batchOrder ?? 'shuffled',
    latencyMs: opts.latencyMs ?? 0,
    exposeRetryAfter: opts.exposeRetryAfter ?? false,
    ...(opts.mailboxConcurrency !== undefined ? { mailboxConcurrency: opts.mailboxConcurrency } : {}),
  };
}

/** The emulator's engine without a server, e.g. to mount the listener on a server of your own. */
export async function createEngine(opts: EmulatorOptions = {}): Promise<Engine> {
  const now = opts.now ?? Date.now;
  const store = await Store.open(opts.dataDir, opts.seed, now);
  const random = seededRandom(opts.randomSeed ?? 1);
  const faults = new FaultEngine(random);
  for (const f of opts.faults ?? []) faults.add(f);
  return {
    store,
    faults,
    random,
    options: resolveOptions(opts),
    inflight: new Map(),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  };
}

/** A Node request listener for an engine (for http.createServer / https.createServer). */
export function createEmulatorHandler(engine: Engine, hostForLinks = '127.0.0.1') {
  return createRequestListener(engine, hostForLinks);
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const engine = await createEngine(opts);
  const certDir = opts.dataDir ? join(opts.dataDir, 'certs') : resolve(opts.certDir ?? '.certs/emulator');
  const { key, cert } = await loadOrCreateCert(certDir);
  const server = createServer({ key, cert });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const linkHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  server.on('request', createEmulatorHandler(engine, `${linkHost}:${port}`));
  let closed: Promise<void> | undefined;
  return {
    url: `https://${linkHost}:${port}`,
    port,
    ca: cert,
    faults: engine.faults,
    store: engine.store.reader(),
    setExposeRetryAfter: (on) => {
      engine.options.exposeRetryAfter = on;
    },
    expireDeltaTokens: () => expireDeltaTokens(engine.store),
    deliver: (upn, message) => deliverMessage(engine.store, upn, message),
    setListWriters: (site, list, writers) => setListWriters(engine.store, site, list, writers),
    reset: (seed) => engine.store.reset(seed ?? engine.seed),
    flush: () => engine.store.flush(),
    close: () => {
      closed ??= new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }).then(() => engine.store.flush());
      return closed;
    },
  };
}
