// `npm start`: the local sandbox on a machine with no Microsoft 365. Starts the Graph emulator
// in-process (seeded from sandbox/samples, fresh each start unless --keep), builds the taskpane
// with the local Office host, and serves the emulated Outlook page, the taskpane and Graph from
// one HTTPS origin.
//   npm start -- [--port 3100] [--host 127.0.0.1] [--keep] [--no-build] [--latency MS]
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../emulator';
import { devCertificate } from '../scripts/dev-cert.cjs';
import { buildSandboxWeb, ROOT } from './build';
import { buildSeed, loadSamples, type Samples } from './seed';
import { startSandboxServer, type RunningSandbox } from './server';

export interface StartOptions {
  port: number;
  host: string;
  keep: boolean;
  build: boolean;
  /** Default .sandbox-data/ in the project. */
  dataDir?: string;
  /** Tests of the sandbox itself build a stand-in taskpane. */
  taskpaneEntry?: string;
  /** Default development (fast to build); benchmarks measure the production build. */
  buildMode?: 'development' | 'production';
  /** Delay before every Graph request, as a distant SharePoint would add (default 0). */
  latencyMs?: number;
}

/** The running sandbox and the samples as seeded this run (moved to the current week). */
export interface StartedSandbox extends RunningSandbox {
  samples: Samples;
}

const USAGE = 'usage: npm start -- [--port N] [--host ADDRESS] [--keep] [--no-build] [--latency MS]';

export function parseArgs(argv: readonly string[]): StartOptions {
  const options: StartOptions = { port: 3100, host: '127.0.0.1', keep: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--keep') options.keep = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0-65535');
      options.port = port;
    } else if (arg === '--host') options.host = value();
    else if (arg === '--latency') {
      const ms = Number(value());
      if (!Number.isInteger(ms) || ms < 0)
        throw new Error('--latency must be a whole number of milliseconds');
      options.latencyMs = ms;
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

export async function startSandbox(
  options: StartOptions,
  log: (line: string) => void = console.log,
): Promise<StartedSandbox> {
  const dataDir = options.dataDir ?? join(ROOT, '.sandbox-data');
  const webRoot = join(dataDir, 'web');
  if (!options.keep) rmSync(join(dataDir, 'emulator'), { recursive: true, force: true });
  const { seed, info, samples } = buildSeed(loadSamples(), new Date());
  const engine = await createEngine({
    dataDir: join(dataDir, 'emulator'),
    seed,
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
  });
  if (options.build) {
    log('Building the taskpane for the sandbox…');
    const started = Date.now();
    await buildSandboxWeb(webRoot, {
      mode: options.buildMode ?? 'development',
      ...(options.taskpaneEntry ? { taskpaneEntry: options.taskpaneEntry } : {}),
    });
    log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  const tls = await devCertificate('localhost', ROOT);
  const server = await startSandboxServer({
    port: options.port,
    host: options.host,
    webRoot,
    engine,
    info,
    tls,
  });
  return { ...server, samples };
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exit(2);
  }
  const sandbox = await startSandbox(options);
  process.stdout.write(
    [
      '',
      `Contact Strategy Triage sandbox: ${sandbox.url}`,
      '',
      '  Open that address in a browser. The certificate is self-signed for localhost (made on this',
      '  machine, in .certs/localhost): accept the warning once; page, taskpane and Graph share it.',
      '  Users: Alex Handler (handler) and Sam Supervisor (supervisor), switch at the top of the page.',
      `  Data: .sandbox-data/ (fresh each start; --keep to carry on). Stop with Ctrl+C.`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `The sandbox could not start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  });
}
