import fc from 'fast-check';
import {
  ColumnFormatError,
  withoutNulls,
  fieldsToHistoryEntry,
  fieldsToLogRecord,
  fieldsToRawStrategy,
  logRecordToFields,
  strategyToFields,
} from '../../src/graph/schema';
import { logRecordArb, strategyArb } from './arbitraries';

/** The interchange JSON of a strategy as a row gives it back: empty multi-choice reads as absent. */
function interchange(s: object): object {
  const copy: Record<string, unknown> = { ...s };
  delete copy['eTag'];
  for (const k of ['reasons', 'permittedChannels'])
    if (Array.isArray(copy[k]) && (copy[k] as unknown[]).length === 0) delete copy[k];
  return copy;
}

describe('strategy ↔ list row', () => {
  it('a strategy written as fields reads back as the same strategy', () => {
    fc.assert(
      fc.property(strategyArb, (s) => {
        expect(fieldsToRawStrategy(strategyToFields(s))).toEqual(interchange(s));
      }),
    );
  });

  it('writes reason and channel codes one per line (no multi-choice column) and clears absent values with null', () => {
    fc.assert(
      fc.property(strategyArb, (s) => {
        const f = strategyToFields({ ...s, spoc: undefined, designatedAddress: undefined });
        expect(Object.keys(f).filter((k) => k.includes('@odata'))).toEqual([]);
        expect(f['ReasonCodes']).toBe(s.reasons.length ? s.reasons.join('\n') : null);
        expect(f['PermittedChannelCodes']).toBe(
          s.permittedChannels.length ? s.permittedChannels.join('\n') : null,
        );
        expect(f['SpocName']).toBeNull();
        expect(f['DesignatedAddress']).toBeNull();
        for (const [k, v] of Object.entries(f)) {
          if (k.endsWith('@odata.type')) continue;
          expect(v === null || ['string', 'number', 'boolean'].includes(typeof v) || Array.isArray(v)).toBe(
            true,
          );
        }
      }),
    );
  });

  it('a create leaves empty values out instead of writing null, and still reads back the same', () => {
    fc.assert(
      fc.property(strategyArb, (s) => {
        const f = withoutNulls(strategyToFields({ ...s, spoc: undefined }));
        expect(Object.values(f)).not.toContain(null);
        expect(f).not.toHaveProperty('SpocName');
        expect(fieldsToRawStrategy(f)).toEqual(interchange({ ...s, spoc: undefined }));
      }),
      { numRuns: 50 },
    );
  });

  it('reads lists typed by hand in SharePoint: one per line, blank lines and spaces ignored', () => {
    const raw = fieldsToRawStrategy({
      Title: 'CS-1',
      EmailAddresses: ' paul@example.com \r\n\r\np.example@example.org\n',
      ReasonCodes: null,
      PermittedChannelCodes: '',
    }) as Record<string, unknown>;
    expect(raw['emailAddresses']).toEqual(['paul@example.com', 'p.example@example.org']);
    expect(raw).not.toHaveProperty('reasons');
    expect(raw).not.toHaveProperty('permittedChannels');
  });

  it('names the column when a JSON column cannot be read', () => {
    expect(() => fieldsToRawStrategy({ Title: 'CS-1', PermittedTimes: '[{"days":["mon"],' })).toThrow(
      ColumnFormatError,
    );
    expect(() => fieldsToRawStrategy({ Title: 'CS-1', PermittedTimes: '[{' })).toThrow(
      /column PermittedTimes: is not valid JSON/,
    );
  });
});

describe('contact-log record ↔ list row', () => {
  it('a record written as fields reads back unchanged', () => {
    fc.assert(
      fc.property(logRecordArb, (r) => {
        expect(fieldsToLogRecord(logRecordToFields(r))).toEqual(r);
      }),
    );
  });

  it('history keeps a row whose fingerprint is unreadable (it still counts towards contact limits)', () => {
    const entry = fieldsToHistoryEntry({
      Key: 'k',
      ReceivedDateTime: '2025-03-04T10:15:00Z',
      Sender: 'paul@example.com',
      Fingerprint: 'not json',
    });
    expect(entry).toEqual({
      internetMessageId: '',
      receivedDateTime: '2025-03-04T10:15:00Z',
      from: { address: 'paul@example.com' },
    });
  });

  it('rejects a row with an unknown disposition, naming the column', () => {
    fc.assert(
      fc.property(logRecordArb, (r) => {
        expect(() => fieldsToLogRecord({ ...logRecordToFields(r), Disposition: 'deleted' })).toThrow(
          /column Disposition/,
        );
      }),
      { numRuns: 5 },
    );
  });

  it('rejects a row naming a flag or indicator code this version does not know, naming the column', () => {
    fc.assert(
      fc.property(logRecordArb, (r) => {
        const fields = logRecordToFields(r);
        expect(() => fieldsToLogRecord({ ...fields, FlagCodes: 'NOT_SPOC\nSHOUTING' })).toThrow(
          /column FlagCodes: unknown code "SHOUTING"/,
        );
        expect(() => fieldsToLogRecord({ ...fields, IndicatorCodes: 'threat' })).toThrow(
          /column IndicatorCodes: unknown code "threat"/,
        );
      }),
      { numRuns: 5 },
    );
  });
});
