// What the send guard decides on: the strategies and the settings it needs, kept where the event
// runtime can keep them between sends. Classic Outlook on Windows runs the handler in a
// JavaScript-only runtime with OfficeRuntime.storage and no localStorage; the web, new Outlook and
// Mac run it in a browser runtime, where OfficeRuntime.storage is not offered for Outlook and
// localStorage is (docs/decisions/send-guard.md). Strategies only: no message text, no token.
import { DEFAULT_SEND_GUARD, parseSendGuardSettings, type SendGuardSettings } from '../core/send-guard';
import { parseStrategies } from '../core/strategy';
import type { Strategy } from '../core/types';

export interface GuardSnapshot {
  /** When it was fetched from SharePoint (ms since the epoch). */
  savedAt: number;
  strategies: Strategy[];
  guard: SendGuardSettings;
  /** Supervisors' addresses, lower-case (the organisation's `supervisors` setting). */
  supervisors: string[];
}

/** A key-value store with OfficeRuntime.storage's shape (strings in, strings or null out). */
export interface KeyValueStore {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export const SNAPSHOT_KEY = 'cst-send-guard-snapshot-v1';

/** The stored form back into a snapshot; anything unreadable is no snapshot (a fresh fetch). */
export function readSnapshot(text: string | null): GuardSnapshot | null {
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r['savedAt'] !== 'number' || !Array.isArray(r['supervisors'])) return null;
  const guard = parseSendGuardSettings(r['guard'] ?? {});
  const { strategies } = parseStrategies(r['strategies']);
  return {
    savedAt: r['savedAt'],
    strategies,
    guard: guard.ok ? guard.value : DEFAULT_SEND_GUARD,
    supervisors: r['supervisors'].filter((s): s is string => typeof s === 'string'),
  };
}

export function writeSnapshot(snapshot: GuardSnapshot): string {
  return JSON.stringify(snapshot);
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage behind the async shape; quota and privacy-mode errors read as "nothing kept". */
export function browserStore(storage: StorageLike): KeyValueStore {
  return {
    getItem: async (key) => {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    setItem: async (key, value) => storage.setItem(key, value),
    removeItem: async (key) => storage.removeItem(key),
  };
}

/** A store that keeps nothing: the runtime offers neither (each send then fetches). */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: async (key) => map.get(key) ?? null,
    setItem: async (key, value) => void map.set(key, value),
    removeItem: async (key) => void map.delete(key),
  };
}

/** OfficeRuntime.storage where the runtime has it, else localStorage, else memory. */
export function runtimeStore(scope: Record<string, unknown> = globalThis as never): KeyValueStore {
  const officeRuntime = scope['OfficeRuntime'] as { storage?: KeyValueStore } | undefined;
  if (officeRuntime?.storage) return officeRuntime.storage;
  try {
    const local = scope['localStorage'] as StorageLike | undefined;
    if (local) return browserStore(local);
  } catch {
    // Reading localStorage itself throws where storage is blocked.
  }
  return memoryStore();
}
