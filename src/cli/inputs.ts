// Reads and checks the input files of `triage evaluate`. Every problem becomes one line naming the
// file and the field; strategies are strict (one bad row fails the run, so nobody trusts a verdict
// computed without it).
import {
  defaultConfig,
  isIsoInstant,
  oneLine,
  parseConfig,
  parseHistory,
  parseMessage,
  describe,
  summarise,
} from '../core/parse';
import { parseStrategies } from '../core/strategy';
import type { Config, HistoryEntry, Message, Parsed, Strategy } from '../core/types';
import type { EvaluateArgs } from './args';

export interface Inputs {
  strategies: Strategy[];
  message: Message;
  history: HistoryEntry[];
  config: Config;
  now: Date;
}

/** Reads a file as UTF-8 text; throws a Node error (with `code`) when it cannot. */
export type ReadText = (path: string) => string;

function readJson(path: string, readText: ReadText): Parsed<unknown> {
  let text: string;
  try {
    text = readText(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    const why: Record<string, string> = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EISDIR: 'is a folder, not a file',
    };
    return {
      ok: false,
      error: `${path}: cannot read the file: ${(code && why[code]) ?? oneLine(String(err))}`,
    };
  }
  try {
    // A byte-order mark (Windows Notepad adds one) is not part of the JSON.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown };
  } catch (err) {
    return {
      ok: false,
      error: `${path}: not valid JSON: ${oneLine(err instanceof Error ? err.message : String(err), 120)}`,
    };
  }
}

function inFile<T>(path: string, parsed: Parsed<T>): Parsed<T> {
  return parsed.ok ? parsed : { ok: false, error: `${path}: ${parsed.error}` };
}

function loadStrategies(path: string, readText: ReadText): Parsed<Strategy[]> {
  const raw = readJson(path, readText);
  if (!raw.ok) return raw;
  const { strategies, errors } = parseStrategies(raw.value);
  return errors.length > 0
    ? { ok: false, error: `${path}: ${summarise(errors)}` }
    : { ok: true, value: strategies };
}

function load<T>(path: string, readText: ReadText, parse: (raw: unknown) => Parsed<T>): Parsed<T> {
  const raw = readJson(path, readText);
  return raw.ok ? inFile(path, parse(raw.value)) : raw;
}

/** Everything evaluate needs, or the first problem found (files in the order of the usage line). */
export function loadInputs(args: EvaluateArgs, readText: ReadText, clock: () => Date): Parsed<Inputs> {
  if (args.now !== undefined && !isIsoInstant(args.now)) {
    return {
      ok: false,
      error: `--now must be an ISO date and time with a zone (2025-06-01T09:00:00Z), got ${describe(args.now)}`,
    };
  }
  const strategies = loadStrategies(args.strategies, readText);
  if (!strategies.ok) return strategies;
  const message = load(args.message, readText, parseMessage);
  if (!message.ok) return message;
  const history =
    args.history === undefined
      ? { ok: true as const, value: [] }
      : load(args.history, readText, parseHistory);
  if (!history.ok) return history;
  const config =
    args.config === undefined
      ? { ok: true as const, value: defaultConfig() }
      : load(args.config, readText, parseConfig);
  if (!config.ok) return config;
  const now = args.now === undefined ? clock() : new Date(args.now);
  return {
    ok: true,
    value: {
      strategies: strategies.value,
      message: message.value,
      history: history.value,
      config: config.value,
      now,
    },
  };
}
