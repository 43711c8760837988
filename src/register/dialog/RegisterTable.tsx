// The register: one row per strategy, sortable by any column (aria-sort on the header), filtered by
// the words typed, with each row's chart and a CSV of the rows shown; a person's name opens the
// review pack. Everything is text: React escapes it, nothing is set as HTML.
import { Button, Field, Input, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { sharedScale, weekChart } from '../../core/register/chart';
import { registerTable, toCsv } from '../../core/register/exports';
import {
  type Due,
  ENDED_NOTHING_DUE,
  type RegisterRow,
  kindLabel,
  noReviewWords,
} from '../../core/register/register';
import { ukDate } from '../../core/words';
import { filterRows, sortRows, type Sort, type SortKey } from './order';
import { csvUrl } from './download';
import { RowChart } from './RowChart';
import { usePageStyles } from './styles';

const COLUMNS: Array<[SortKey, string]> = [
  ['person', 'Person'],
  ['status', 'Status'],
  ['kind', 'Kind'],
  ['spoc', 'Single point of contact'],
  ['review', 'Next review'],
  ['spocRotation', 'SPOC rotation due'],
  ['adjustments', 'Adjustment reviews due'],
  ['contacts', 'Contacts since last review'],
  ['breaches', 'Breaches since last review'],
];

const useStyles = makeStyles({
  number: { textAlign: 'right' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  reference: { display: 'block', color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function DueText({ due }: { due: Due | undefined }) {
  const s = useStyles();
  if (!due) return <>Not set</>;
  return due.overdue ? (
    <span className={s.overdue}>{ukDate(due.date)} (overdue)</span>
  ) : (
    <>{ukDate(due.date)}</>
  );
}

/** A download link for text; the object URL is revoked when the text changes or the view goes. */
function useDownload(text: string): string {
  const url = useMemo(() => csvUrl(text), [text]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

export interface RegisterView {
  sort: Sort;
  filter: string;
}

export const FIRST_VIEW: RegisterView = { sort: { key: 'person', direction: 'ascending' }, filter: '' };

export function RegisterTable({
  rows,
  view,
  onView,
  onOpen,
  returnTo,
}: {
  rows: RegisterRow[];
  /** Kept by the dialog, so coming back from a pack finds the register as it was left. */
  view: RegisterView;
  onView(view: RegisterView): void;
  onOpen(row: RegisterRow): void;
  /** The strategy whose pack was just closed: its name gets the focus back. */
  returnTo?: string;
}) {
  const s = { ...usePageStyles(), ...useStyles() };
  const { sort, filter } = view;
  const setFilter = (f: string) => onView({ ...view, filter: f });
  const setSort = (next: (now: Sort) => Sort) => onView({ ...view, sort: next(sort) });
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (returnTo)
      body.current?.querySelector<HTMLElement>(`[data-strategy="${CSS.escape(returnTo)}"]`)?.focus();
  }, [returnTo]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);
  const scale = useMemo(() => sharedScale(rows), [rows]);
  const csv = useDownload(toCsv(registerTable(shown)));

  const sortBy = (key: SortKey) =>
    setSort((now) => ({
      key,
      direction: now.key === key && now.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <main className={s.page}>
      <h1>Register of contact strategies</h1>
      <div className={`${s.tools} ${s.noPrint}`}>
        <Field label="Filter by name, reference, SPOC or kind">
          <Input value={filter} onChange={(_e, d) => setFilter(d.value)} />
        </Field>
        <Link href={csv} download="contact-strategy-register.csv">
          Export the {shown.length} {shown.length === 1 ? 'row' : 'rows'} shown as CSV
        </Link>
        <Button onClick={() => window.print()}>Print the register</Button>
      </div>
      <p role="status">
        {shown.length} of {rows.length} strategies shown, sorted by{' '}
        {COLUMNS.find(([k]) => k === sort.key)?.[1].toLowerCase()} ({sort.direction}).
      </p>
      <table className={s.table}>
        <caption className={s.caption}>
          One row per strategy; a person’s name opens their review pack. The chart shows contacts per week
          since the last review; red weeks had a breach.
        </caption>
        <thead>
          <tr>
            {COLUMNS.map(([key, label]) => (
              <th
                key={key}
                scope="col"
                className={s.cell}
                aria-sort={sort.key === key ? sort.direction : 'none'}
              >
                <Button appearance="transparent" size="small" onClick={() => sortBy(key)}>
                  {label}
                </Button>
              </th>
            ))}
            <th scope="col" className={s.cell}>
              Contacts per week
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {shown.map((r) => (
            <tr key={r.id}>
              <th scope="row" className={s.cell}>
                <Link as="button" data-strategy={r.id} onClick={() => onOpen(r)}>
                  {r.personName}
                </Link>
                <span className={s.reference}>{r.id}</span>
              </th>
              <td className={s.cell}>{r.status}</td>
              <td className={s.cell}>{r.kinds.map(kindLabel).join('; ')}</td>
              <td className={s.cell}>{r.spoc ?? 'None'}</td>
              <td className={s.cell}>
                {r.review.kind === 'due' ? <DueText due={r.review} /> : noReviewWords(r.review)}
              </td>
              <td className={s.cell}>
                {r.review.kind === 'ended' ? (
                  ENDED_NOTHING_DUE
                ) : r.spoc ? (
                  <DueText due={r.spocRotation} />
                ) : (
                  'No SPOC'
                )}
              </td>
              <td className={s.cell}>
                {r.review.kind === 'ended' ? (
                  ENDED_NOTHING_DUE
                ) : r.adjustmentReviews.length === 0 ? (
                  'None'
                ) : (
                  <ul className={s.list}>
                    {r.adjustmentReviews.map((a) => (
                      <li key={`${a.description}-${a.due.date}`}>
                        {a.description}: <DueText due={a.due} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={`${s.cell} ${s.number}`}>{r.contacts}</td>
              <td className={`${s.cell} ${s.number}`}>{r.breaches}</td>
              <td className={s.cell}>
                <RowChart chart={weekChart(r.weeks, scale)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p>No strategy matches “{filter}”.</p>}
    </main>
  );
}
