// Seeds for contract tests: the add-in's lists as provisioning makes them, with rows.
import type { EmulatorSeed, SeedColumn, SeedItem, SeedList } from '../../emulator';
import type { ContactLogRecord, Strategy } from '../../src/core/types';
import {
  CONTACT_LOG_SCHEMA,
  SETTINGS_SCHEMA,
  STRATEGIES_SCHEMA,
  columnDefinition,
  logRecordToFields,
  strategyToFields,
  type ListSpec,
} from '../../src/graph/schema';
import { plainRules } from '../fixtures/strategies';
import { BASE_SEED, SITE } from './harness';

/** Seeds write multi-choice arrays plainly; the annotation keys are for Graph writes only. */
function seedFields(fields: Record<string, unknown>): SeedItem['fields'] {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (!k.endsWith('@odata.type') && v !== null) out[k] = v;
  return out as SeedItem['fields'];
}

export function seedList(
  spec: ListSpec,
  items: Record<string, unknown>[],
  writers: SeedList['writers'] = 'everyone',
): SeedList {
  return {
    displayName: spec.displayName,
    writers,
    columns: [
      { name: 'Title', displayName: spec.title.displayName, indexed: spec.title.indexed },
      ...spec.columns.map((c) => columnDefinition(c) as SeedColumn),
    ],
    items: items.map((fields) => ({ fields: seedFields(fields) })),
  };
}

export interface SeedRows {
  strategies?: (Strategy | Record<string, unknown>)[];
  log?: ContactLogRecord[];
  settings?: { Title: string; Value: string }[];
  /** Only supervisors may write strategies (as SharePoint permissions would be set). */
  supervisorsOnly?: boolean;
}

export function listsSeed(rows: SeedRows = {}, base: EmulatorSeed = BASE_SEED): EmulatorSeed {
  const strategyFields = (rows.strategies ?? []).map((s) =>
    'personName' in s ? strategyToFields(s as Strategy) : s,
  );
  return {
    ...base,
    sites: [
      {
        hostname: SITE.siteHostname,
        path: SITE.sitePath,
        displayName: 'Complaints',
        lists: [
          seedList(STRATEGIES_SCHEMA, strategyFields, rows.supervisorsOnly ? 'supervisors' : 'everyone'),
          seedList(CONTACT_LOG_SCHEMA, (rows.log ?? []).map(logRecordToFields)),
          seedList(SETTINGS_SCHEMA, rows.settings ?? []),
        ],
      },
    ],
  };
}

let n = 0;
/** A valid strategy with a fresh id, person and address. */
export function strategy(overrides: Partial<Strategy> = {}): Strategy {
  n++;
  return {
    id: `CS-T${String(n).padStart(4, '0')}`,
    personName: `Paul Example ${n}`,
    knownNames: [],
    emailAddresses: [`paul.example${n}@example.com`],
    ...plainRules(),
    ...overrides,
  };
}

/**
 * Contact Log columns added with per-decision rows (claims, second reads, attachment counts, the
 * immediate-risk instruction shown).
 */
export const PER_DECISION_LOG_COLUMNS: readonly string[] = [
  'MessageKey',
  'Entry',
  'ReaderName',
  'ForwardedTo',
  'AttachmentCount',
  'AttachmentReadCount',
  'ImmediateRiskShown',
];
