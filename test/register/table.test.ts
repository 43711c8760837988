import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { importSheet } from '../../src/core/register/import';
import { toCsv } from '../../src/core/register/exports';
import { csvTable, readTable } from '../../src/register/table';
import { arrayBufferOf } from './xlsx';

const file = (path: string) => arrayBufferOf(readFileSync(path));

describe('spreadsheet files', () => {
  it('the example template says the same in .csv and .xlsx, with no problems', async () => {
    const csv = await readTable('strategies-template.csv', file('examples/strategies-template.csv'));
    const xlsx = await readTable('strategies-template.xlsx', file('examples/strategies-template.xlsx'));
    if (!csv.ok || !xlsx.ok) throw new Error('template not readable');
    const a = importSheet(csv.table);
    const b = importSheet(xlsx.table);
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    expect(a.strategies.map((s) => s.strategy.id)).toEqual([
      'CS-0101',
      'CS-0102',
      'CS-0103',
      'CS-0104',
      'CS-0105',
    ]);
    expect(b.strategies).toEqual(a.strategies);
  });

  it('reads back any table our CSV export writes, formula guard undone', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 4 }).chain((headers) =>
          fc.tuple(
            fc.constant(headers),
            fc.array(fc.array(text, { minLength: headers.length, maxLength: headers.length }), {
              maxLength: 5,
            }),
          ),
        ),
        ([headers, rows]) => {
          const read = csvTable(toCsv({ headers, rows }));
          expect(read.ok && read.table.slice(0, rows.length + 1)).toEqual([headers, ...rows]);
        },
      ),
    );
  });

  it('refuses a CSV with an unclosed quote rather than guessing where rows end', () => {
    const read = csvTable('Reference,Person\nCS-1,"Pat Sample\n');
    expect(read).toEqual({ ok: false, error: expect.stringMatching(/^row \d+: .*quote/) });
  });
});
