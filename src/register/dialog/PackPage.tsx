// One strategy's review pack in the register dialog: core's pack (asked of the pane, which reads
// the log), its rows as a table, and the exports: the pack as CSV, the person's whole log for a
// subject access request (core leaves the internal fingerprints and keys out), and a printed page.
import { Button, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type Table, subjectAccessSaved, toCsv } from '../../core/register/exports';
import type { RegisterRow } from '../../core/register/register';
import type { ReviewPack } from '../../core/supervisor';
import { ReviewPackSummary } from '../pack/ReviewPackSummary';
import type { Asker } from './ask';
import { csvUrl, fileName, saveCsv } from './download';
import { usePageStyles } from './styles';

type Load =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; pack: ReviewPack; table: Table };

type Saved =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

const useStyles = makeStyles({
  empty: { color: tokens.colorNeutralForeground3 },
});

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

function LogTable({ table, caption }: { table: Table; caption: string }) {
  const p = usePageStyles();
  return (
    <table className={p.table}>
      <caption className={p.caption}>{caption}</caption>
      <thead>
        <tr>
          {table.headers.map((h) => (
            <th key={h} scope="col" className={p.cell}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, i) => (
          // A log row has no identity among the exported columns; its order is its place.
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j} className={p.cell}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PackPage({ row, asker, onBack }: { row: RegisterRow; asker: Asker; onBack(): void }) {
  const p = usePageStyles();
  const s = useStyles();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [saved, setSaved] = useState<Saved>({ kind: 'idle' });
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    asker.pack(row.id).then(
      ({ pack, table }) => live && setLoad({ kind: 'done', pack, table }),
      (err: unknown) => live && setLoad({ kind: 'failed', message: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [asker, row.id]);

  // The page changed under the keyboard: put focus on its heading, as a new page would.
  useEffect(() => {
    if (load.kind === 'done') top.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [load.kind]);

  const csvText = load.kind === 'done' ? toCsv(load.table) : '';
  const csv = useMemo(() => (csvText ? csvUrl(csvText) : ''), [csvText]);
  useEffect(() => () => (csv ? URL.revokeObjectURL(csv) : undefined), [csv]);

  const exportPerson = () => {
    setSaved({ kind: 'busy' });
    asker.personLog(row.id).then(
      (found) => {
        const file = fileName('subject-access', row.id);
        saveCsv(file, toCsv(found.table));
        setSaved({
          kind: 'done',
          text: subjectAccessSaved({ file, ...found, entries: found.table.rows.length }),
        });
      },
      (err: unknown) => setSaved({ kind: 'failed', text: errorText(err) }),
    );
  };

  return (
    <main className={p.page} ref={top}>
      <div className={`${p.tools} ${p.noPrint}`}>
        <Button onClick={onBack}>Back to the register</Button>
        <Button onClick={() => window.print()} disabled={load.kind !== 'done'}>
          Print the review pack
        </Button>
      </div>
      {load.kind === 'loading' && <Spinner label={`Loading the review pack for ${row.personName}…`} />}
      {load.kind === 'failed' && (
        <>
          <h1>Review pack: {row.personName}</h1>
          <p role="alert">{load.message}</p>
        </>
      )}
      {load.kind === 'done' && (
        <>
          <ReviewPackSummary pack={load.pack} level={1} />
          <div className={`${p.tools} ${p.noPrint}`}>
            <Link href={csv} download={fileName('review-pack', row.id)}>
              Export the review pack as CSV
            </Link>
            <Button onClick={exportPerson} disabled={saved.kind === 'busy'}>
              Export everything the contact log holds about {row.personName} (subject access request)
            </Button>
          </div>
          <p role="status" className={p.noPrint}>
            {saved.kind === 'busy'
              ? 'Reading the whole contact log…'
              : saved.kind === 'idle'
                ? ''
                : saved.text}
          </p>
          <h2>Contacts in this period</h2>
          {load.table.rows.length === 0 ? (
            <p className={s.empty}>No contacts were logged in this period.</p>
          ) : (
            <LogTable
              table={load.table}
              caption={`Every logged contact about ${load.pack.personName} since the last review, oldest first.`}
            />
          )}
        </>
      )}
    </main>
  );
}
