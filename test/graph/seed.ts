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
/** A valid strategy with a fresh id. */
export function strategy(overrides: Partial<Strategy> = {}): Strategy {
  n++;
  return {
    id: `CS-T${String(n).padStart(4, '0')}`,
    personName: `Paul Example ${n}`,
    knownNames: [],
    emailAddresses: [`paul.example${n}@example.com`],
    status: 'active',
    matterRefs: ['CO/01234/24'],
    reasons: ['unreasonably-persistent'],
    permittedChannels: ['email', 'post'],
    permittedTimes: [],
    responsePolicy: 'respond',
    refuseReopen: false,
    reasonableAdjustments: [],
    ...overrides,
  };
}

export function logRecord(overrides: Partial<ContactLogRecord> = {}): ContactLogRecord {
  n++;
  return {
    key: `k${String(n).padStart(31, '0')}`,
    internetMessageId: `<m${n}@mail.example.com>`,
    receivedDateTime: '2025-03-04T10:15:00Z',
    sender: 'paul.example@example.com',
    recipients: ['psd@force.example.police.uk'],
    strategyIds: ['CS-0042'],
    personNames: ['Paul Example'],
    flagCodes: [],
    indicatorCodes: [],
    answers: {
      newComplaintOrAllegation: false,
      criminalMatter: false,
      safeguardingOrRisk: false,
      otherAction: false,
    },
    reader: 'hana.handler@force.example.police.uk',
    readAt: '2025-03-04T11:00:00Z',
    disposition: 'handled-normally',
    fingerprint: { v: 'mh1', sig: 'AAAA', n: 3 },
    ...overrides,
  };
}
