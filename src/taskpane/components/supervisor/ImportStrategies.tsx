// "Import strategies": a supervisor uploads the force's spreadsheet (.xlsx or .csv), sees what the
// import would do (new strategies, rows already on the list as they are, rows on the list that
// differ and are never overwritten, and every problem by row and column), then applies it. The
// reading, checks, plan and words are the `triage import` command's own (import-preview.ts,
// loaded on the first upload, so the readers and the sheet's columns are not part of the
// supervisor tools' chunk); the writing is its $batch writer, through the supervisor actions.
import { Button, Spinner } from '@fluentui/react-components';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { describeError } from '../../state/errors';
import { useSupervisor } from '../../state/supervisor-context';
import { useShared } from '../styles';
import type { ImportPreview, PreviewRow } from './import-preview';

type Planned = Extract<ImportPreview, { kind: 'planned' }>;

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; file: string }
  | { kind: 'failed'; message: string }
  | { kind: 'preview'; plan: Planned }
  | { kind: 'applying'; plan: Planned }
  | { kind: 'applied'; plan: Planned; summary: string; notWritten: string[] };

export function ImportStrategies() {
  const supervisor = useSupervisor();
  const s = useShared();
  const inputId = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  // The latest upload wins: a slow read of an earlier file never replaces a later one's preview.
  const latest = useRef(0);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared, so choosing the same file again (after fixing it, or to check) is read again.
    e.target.value = '';
    if (!file) return;
    const mine = ++latest.current;
    setStage({ kind: 'reading', file: file.name });
    try {
      const { fileBytes, previewImport } = await import('./import-preview');
      const result = await previewImport(file.name, await fileBytes(file), () => supervisor.listNow());
      if (mine !== latest.current) return;
      setStage(
        result.kind === 'unreadable'
          ? { kind: 'failed', message: `${file.name}: ${result.error}` }
          : { kind: 'preview', plan: result },
      );
    } catch (err) {
      if (mine === latest.current)
        setStage({
          kind: 'failed',
          message: `${file.name} could not be compared with the list: ${describeError(err)}.`,
        });
    }
  };

  const apply = async (plan: Planned) => {
    const write = supervisor.importCreates;
    if (!write) return;
    setStage({ kind: 'applying', plan });
    try {
      const outcomes = await write(plan.steps);
      const { appliedReport } = await import('./import-preview');
      setStage({ kind: 'applied', plan, ...appliedReport(plan, outcomes) });
    } catch (err) {
      // Some batches may have been written before the failure: a new upload shows where things stand.
      setStage({
        kind: 'failed',
        message: `The import stopped (${describeError(err)}). Upload the file again to see what is on the list now: rows already written count as unchanged.`,
      });
    }
  };

  return (
    <section aria-labelledby={`${inputId}-heading`} className={s.section}>
      <h3 id={`${inputId}-heading`} className={s.subheading}>
        Import strategies
      </h3>
      <div>
        <label htmlFor={inputId}>Spreadsheet (.xlsx or .csv) in the template&apos;s columns </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.xlsx"
          disabled={stage.kind === 'reading' || stage.kind === 'applying'}
          onChange={(e) => void choose(e)}
        />
      </div>
      {stage.kind === 'reading' && (
        <Spinner size="tiny" label={`Reading ${stage.file}…`} labelPosition="after" />
      )}
      {stage.kind === 'failed' && <p role="alert">{stage.message}</p>}
      {(stage.kind === 'preview' || stage.kind === 'applying') && (
        <Preview
          plan={stage.plan}
          busy={stage.kind === 'applying'}
          canWrite={supervisor.importCreates !== undefined}
          onApply={(plan) => void apply(plan)}
        />
      )}
      {stage.kind === 'applied' && (
        <div className={s.section} role="status">
          <p>{stage.summary}</p>
          <NoteList title="Not written" lines={stage.notWritten} />
          <NoteList title="On the list and different (not overwritten)" lines={stage.plan.conflicts} />
        </div>
      )}
    </section>
  );
}

function Preview({
  plan,
  busy,
  canWrite,
  onApply,
}: {
  plan: Planned;
  busy: boolean;
  canWrite: boolean;
  onApply: (plan: Planned) => void;
}) {
  const s = useShared();
  const { create } = plan;
  return (
    <div className={s.section} role="region" aria-label="Import preview">
      <p>{plan.summary}</p>
      <RowList title="To be created" rows={create} />
      <RowList title="Already on the list, unchanged" rows={plan.unchanged} />
      <NoteList title="On the list and different (not overwritten)" lines={plan.conflicts} />
      <NoteList title="Problems (these rows are not imported)" lines={plan.problems} />
      <NoteList title="Notes" lines={plan.notes} />
      {create.length === 0 ? (
        <p>Nothing to change: no new strategies in this file.</p>
      ) : canWrite ? (
        <div className={s.row}>
          <Button appearance="primary" disabled={busy} onClick={() => onApply(plan)}>
            Apply
          </Button>
          <span className={s.muted}>
            Adds the {create.length === 1 ? 'new strategy' : `${create.length} new strategies`}; nothing on
            the list is overwritten.
          </span>
          {busy && <Spinner size="tiny" label="Writing…" labelPosition="after" />}
        </div>
      ) : (
        <p>This pane cannot write to the list: use the triage import command.</p>
      )}
    </div>
  );
}

function RowList({ title, rows }: { title: string; rows: readonly PreviewRow[] }) {
  return (
    <NoteList
      title={title}
      lines={rows.map((r) => `row ${r.row}, ${r.id}${r.person === '' ? '' : `: ${r.person}`}`)}
    />
  );
}

/** A titled list, left out when empty (the summary line already says "0"). */
function NoteList({ title, lines }: { title: string; lines: readonly string[] }) {
  const s = useShared();
  const id = useId();
  if (lines.length === 0) return null;
  return (
    <div>
      <h4 id={id} className={s.subheading}>
        {title} ({lines.length})
      </h4>
      <ul aria-labelledby={id} className={s.list}>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
