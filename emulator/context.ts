// What a Graph handler sees (the request, the caller, the store) and what it returns.
import { GraphHttpError } from './errors';
import type { FaultEngine } from './faults';
import type { Query } from './odata/query';
import type { Random } from './prng';
import type { UserRec } from './state';
import type { Store } from './store';
import type { EmulatorSeed } from './types';

export interface EmuRequest {
  method: string;
  /** Path as received, still percent-encoded, without the query. */
  rawPath: string;
  /** Query as received, without '?'. */
  rawQuery: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
  /** `https://host:port` as the client addressed the emulator (for absolute links). */
  origin: string;
  scope: 'http' | 'batch';
  requestId: string;
  clientRequestId: string;
  date: string;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body. */
  body?: unknown;
  /** Raw text body with its own content type (the wrongContentType fault). */
  text?: string;
  /** Raw bytes, sent with the content type in `headers` (an attachment's /$value). */
  bytes?: Uint8Array;
  /** Destroy the socket without answering. */
  drop?: boolean;
}

export interface ResolvedOptions {
  pageCap: number;
  deltaTokenTtlMs: number;
  listViewThreshold: number;
  thresholdStatus: 429 | 503;
  batchOrder: 'shuffled' | 'sent';
  latencyMs: number;
  exposeRetryAfter: boolean;
  /** Requests in flight per mailbox before Outlook-style 429s; undefined = no limit. */
  mailboxConcurrency?: number;
}

export interface Engine {
  store: Store;
  faults: FaultEngine;
  random: Random;
  options: ResolvedOptions;
  /** The seed the emulator started with (what a reset without a body restores). */
  seed?: EmulatorSeed | string;
  /** Mail requests in flight per mailbox (lower-case upn). */
  inflight: Map<string, number>;
}

export interface Ctx {
  engine: Engine;
  store: Store;
  req: EmuRequest;
  user: UserRec;
  query: Query;
  /** Decoded path segments after /v1.0, with `name('key')` split into two. */
  segments: string[];
  /** Lower-cased `Prefer` preferences. */
  prefer: string[];
  /** True when an emptyPage fault fires for this (paged) request. */
  takeEmptyPage(): boolean;
}

export const json = (status: number, body?: unknown, headers: Record<string, string> = {}): EmuResponse => ({
  status,
  body,
  headers,
});

export function hasPrefer(ctx: Ctx, preference: string): boolean {
  const p = preference.toLowerCase();
  return ctx.prefer.some((x) => x === p || x.replace(/\s+/g, '') === p.replace(/\s+/g, ''));
}

/** `a, b="c"` → ['a', 'b="c"'] (lower-cased). */
export function parsePrefer(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
}

/** The JSON body as an object; anything else is Graph's 400. */
export function jsonBody(req: EmuRequest): Record<string, unknown> {
  let value: unknown = {};
  if (req.body.trim() !== '') {
    try {
      value = JSON.parse(req.body);
    } catch {
      value = undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new GraphHttpError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  return value as Record<string, unknown>;
}
