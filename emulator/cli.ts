// `npm run emulator -- [options]`: runs the Graph emulator until SIGINT/SIGTERM.
import { join, resolve } from 'node:path';
import { FaultSpecError, parseFaultSpec } from './faults';
import { startEmulator } from './index';
import { SeedError } from './seed';
import type { EmulatorOptions, FaultSpec } from './types';

const USAGE = `Usage: npm run emulator -- [options]
  --port N                 port (default 4443; 0 = any free port)
  --host H                 address to bind (default 127.0.0.1; the emulator has no real security)
  --data DIR               persist state (and the certificate) in DIR; omit for in-memory
  --seed FILE              seed JSON, applied when DIR holds no state yet (see emulator/README.md)
  --reset                  replace the state in DIR with the seed on start
  --latency MS             delay every request
  --mailbox-concurrency N  Outlook-style 429 when more than N mail requests per mailbox are in flight
  --fault SPEC             inject a fault, repeatable: KIND[:rate=R,count=N,retryAfter=S,ms=MS,path=RE,method=M,scope=any|http|batch]
                           kinds: latency 429 503 504 drop wrongContentType emptyPage
  --expose-retry-after     list Retry-After in Access-Control-Expose-Headers (real Graph does not)
  --page-cap N             largest page of list items (default 200)
  --list-view-threshold N  items above which a non-indexed filter fails even with Prefer (default 5000)
  --threshold-status 429|503
  --batch-order shuffled|sent
  --random-seed N          seed for fault rates and batch order (default 1)
  --delta-token-ttl-ms N   delta token lifetime (default 7 days)`;

export class UsageError extends Error {}

function intArg(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value))
    throw new UsageError(`${name} needs a whole number, not '${value ?? ''}'`);
  return Number(value);
}

export interface CliConfig {
  options: EmulatorOptions;
  reset: boolean;
  help: boolean;
}

export function parseArgs(argv: readonly string[]): CliConfig {
  const options: EmulatorOptions = { port: 4443 };
  const faults: FaultSpec[] = [];
  let reset = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--port':
        options.port = intArg(arg, next());
        break;
      case '--host':
        options.host = next();
        break;
      case '--data':
        options.dataDir = resolve(next());
        break;
      case '--seed':
        options.seed = resolve(next());
        break;
      case '--reset':
        reset = true;
        break;
      case '--latency':
        options.latencyMs = intArg(arg, next());
        break;
      case '--mailbox-concurrency':
        options.mailboxConcurrency = intArg(arg, next());
        break;
      case '--fault':
        faults.push(parseFaultSpec(next()));
        break;
      case '--expose-retry-after':
        options.exposeRetryAfter = true;
        break;
      case '--page-cap':
        options.pageCap = intArg(arg, next());
        if (options.pageCap < 1) throw new UsageError('--page-cap must be at least 1');
        break;
      case '--list-view-threshold':
        options.listViewThreshold = intArg(arg, next());
        break;
      case '--threshold-status': {
        const v = next();
        if (v !== '429' && v !== '503') throw new UsageError('--threshold-status is 429 or 503');
        options.thresholdStatus = Number(v) as 429 | 503;
        break;
      }
      case '--batch-order': {
        const v = next();
        if (v !== 'shuffled' && v !== 'sent') throw new UsageError('--batch-order is shuffled or sent');
        options.batchOrder = v;
        break;
      }
      case '--random-seed':
        options.randomSeed = intArg(arg, next());
        break;
      case '--delta-token-ttl-ms':
        options.deltaTokenTtlMs = intArg(arg, next());
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (faults.length) options.faults = faults;
  return { options, reset, help };
}

async function main(): Promise<void> {
  let config: CliConfig;
  try {
    config = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError || e instanceof FaultSpecError) {
      process.stderr.write(`emulator: ${e.message}\n${USAGE}\n`);
      process.exit(2);
    }
    throw e;
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let emu;
  try {
    emu = await startEmulator(config.options);
    if (config.reset) await emu.reset();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const message =
      err.code === 'EADDRINUSE'
        ? `port ${config.options.port} is in use (try --port 0)`
        : e instanceof SeedError
          ? e.message
          : err.message;
    process.stderr.write(`emulator: ${message}\n`);
    process.exit(2);
  }
  const certFile = config.options.dataDir
    ? join(config.options.dataDir, 'certs', 'emulator-cert.pem')
    : resolve('.certs/emulator/emulator-cert.pem');
  process.stdout.write(
    `Graph emulator listening: ${emu.url}/v1.0\n` +
      `  certificate: ${certFile} (trust it, e.g. NODE_EXTRA_CA_CERTS=${certFile})\n` +
      `  state: ${config.options.dataDir ?? 'in memory'}; admin: ${emu.url}/_admin/{faults,requests,reset,expire-delta-tokens,cors}\n`,
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`emulator: ${signal}, saving and stopping\n`);
    void emu.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`emulator: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && /emulator[\\/]cli\.ts$/.test(process.argv[1])) void main();
