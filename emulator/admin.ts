// /_admin/…: test and sandbox controls. No token: the emulator binds 127.0.0.1 and is for local use only.
import type { EmuResponse, Engine } from './context';
import { FaultSpecError, parseFaultSpec } from './faults';
import { SeedError } from './seed';
import { deliverMessage, expireDeltaTokens, setListWriters } from './operations';
import type { EmulatorSeed, FaultSpec, SeedMessage } from './types';

const ok = (body?: unknown, status = 200): EmuResponse =>
  body === undefined ? { status: 204 } : { status, body };
const problem = (status: number, message: string): EmuResponse => ({
  status,
  body: { error: { code: 'adminError', message } },
});

function parseJson(body: string): unknown {
  if (body.trim() === '') return undefined;
  return JSON.parse(body);
}

/** A fault as JSON (`{"kind":"429",…}`), as the CLI string (`"429:rate=0.5"`) or `{"spec":"…"}`. */
function faultFromBody(value: unknown): FaultSpec {
  if (typeof value === 'string') return parseFaultSpec(value);
  if (typeof value === 'object' && value !== null && typeof (value as { spec?: unknown }).spec === 'string')
    return parseFaultSpec((value as { spec: string }).spec);
  return value as FaultSpec;
}

export async function adminRoute(
  engine: Engine,
  method: string,
  path: string,
  body: string,
): Promise<EmuResponse> {
  const parts = path.split('/').filter(Boolean).slice(1);
  const [what, id] = parts;
  try {
    switch (`${method} ${what ?? ''}${id !== undefined ? '/:id' : ''}`) {
      case 'GET health':
        return ok({ ok: true });
      case 'GET faults':
        return ok({ value: engine.faults.list() });
      case 'POST faults': {
        const value = parseJson(body);
        const specs = Array.isArray(value) ? value.map(faultFromBody) : [faultFromBody(value)];
        return ok({ ids: specs.map((s) => engine.faults.add(s)) }, 201);
      }
      case 'DELETE faults':
        engine.faults.clear();
        return ok();
      case 'DELETE faults/:id':
        return engine.faults.remove(id as string) ? ok() : problem(404, `No fault ${id}.`);
      case 'POST expire-delta-tokens':
        expireDeltaTokens(engine.store);
        return ok();
      case 'POST messages': {
        const value = parseJson(body) as { mailbox?: unknown; message?: unknown } | undefined;
        if (typeof value?.mailbox !== 'string')
          return problem(400, 'Send {"mailbox": upn, "message": {…seed message…}}.');
        return ok(deliverMessage(engine.store, value.mailbox, (value.message ?? {}) as SeedMessage), 201);
      }
      case 'POST list-writers': {
        const value = parseJson(body) as { site?: unknown; list?: unknown; writers?: unknown } | undefined;
        if (typeof value?.site !== 'string' || typeof value.list !== 'string')
          return problem(
            400,
            'Send {"site": id or "hostname:/path", "list": id or title, "writers": "supervisors"|"everyone"}.',
          );
        setListWriters(engine.store, value.site, value.list, value.writers as 'supervisors');
        return ok();
      }
      case 'GET requests':
        return ok({ value: engine.store.reader().requestLog() });
      case 'DELETE requests':
        engine.store.reader().clearRequestLog();
        return ok();
      case 'GET forwards':
        return ok({ value: engine.store.reader().forwards() });
      case 'POST reset': {
        const seed = parseJson(body) as EmulatorSeed | undefined;
        await engine.store.reset(seed ?? engine.seed);
        return ok();
      }
      case 'POST cors': {
        const value = parseJson(body) as { exposeRetryAfter?: unknown } | undefined;
        if (typeof value?.exposeRetryAfter !== 'boolean')
          return problem(400, 'Send {"exposeRetryAfter": true|false}.');
        engine.options.exposeRetryAfter = value.exposeRetryAfter;
        return ok();
      }
      case 'GET state':
        return ok(engine.store.state);
      default:
        return problem(404, `No admin endpoint ${method} ${path}.`);
    }
  } catch (e) {
    if (e instanceof FaultSpecError || e instanceof SeedError || e instanceof SyntaxError)
      return problem(400, e.message);
    throw e;
  }
}
