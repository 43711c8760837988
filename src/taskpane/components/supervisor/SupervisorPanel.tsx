// Supervisor tools (loaded on demand): tag the message, create a strategy from the sender,
// edit, review or end a matched strategy, and see its review pack. SharePoint permissions are
// what enforce who may change strategies; a 403 hides these tools again.
import { Button, Field, Select } from '@fluentui/react-components';
import { Tag20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import {
  endStrategy,
  recordReview,
  reviewPeriods,
  strategyFromSender,
  type NewStrategy,
} from '../../../core/supervisor';
import type { Strategy } from '../../../core/types';
import { reviewEveryWords } from '../../../core/words';
import type { SaveResult } from '../../../graph/types';
import type { SupervisorTag } from '../../state/supervisor';
import { useSupervisor } from '../../state/supervisor-context';
import { describeError } from '../../state/errors';
import type { ReadyState, ShownItem } from '../../state/types';
import { formatDate } from '../../view/labels';
import { SaveNotice } from '../SaveNotice';
import { useShared } from '../styles';
import { ImportStrategies } from './ImportStrategies';
import { RegisterButton } from './RegisterButton';
import { ReviewPackView } from './ReviewPackView';
import { StrategyForm } from './StrategyForm';

const TAGS: Array<[SupervisorTag, string]> = [
  ['breachConfirmed', 'Breach confirmed'],
  ['reminderSent', 'Reminder sent'],
  ['reviewNeeded', 'Review needed'],
  ['escalateToDecisionMaker', 'Escalate to decision maker'],
];

type Mode =
  | { kind: 'none' }
  | { kind: 'create'; draft: NewStrategy }
  /** The version the supervisor started from: a conflict never swaps it under their edits. */
  | { kind: 'edit' | 'review' | 'end' | 'pack'; strategy: Strategy };

export interface SupervisorPanelProps {
  item: ShownItem;
  state: ReadyState;
}

export default function SupervisorPanel({ item, state }: SupervisorPanelProps) {
  const supervisor = useSupervisor();
  const s = useShared();
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SaveResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const matched = item.evaluation.matches
    .map((m) => supervisor.strategyById(m.strategyId))
    .filter((st): st is Strategy => !!st);

  const run = async (save: () => Promise<SaveResult>) => {
    setBusy(true);
    setError(null);
    try {
      const r = await save();
      setResult(r);
      if (r.kind === 'saved') setMode({ kind: 'none' });
    } catch (err) {
      setError(`Not saved: ${describeError(err)}.`);
    } finally {
      setBusy(false);
    }
  };

  const open = (next: Mode) => {
    setResult(null);
    setError(null);
    setMode(next);
  };

  const startCreate = () => {
    const draft = strategyFromSender(item.message, supervisor.today(), state.settings.timeZone);
    if (!draft.ok) return setError(draft.error);
    open({ kind: 'create', draft: { ...draft.value, decidedBy: supervisor.user().displayName } });
  };

  const current = mode.kind !== 'none' && mode.kind !== 'create' ? mode.strategy : undefined;

  // The tools sit at the foot of a long pane: what a click opens is brought into view and takes
  // focus (its heading), so the click never looks as if it did nothing.
  const openedHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = openedHeading.current;
    if (mode.kind === 'none' || !heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [mode]);

  /** After a conflict: start again from the version now in SharePoint. */
  const reload = async () => {
    await supervisor.refresh();
    if (mode.kind === 'none' || mode.kind === 'create') return setResult(null);
    const latest = supervisor.strategyById(mode.strategy.id);
    if (latest) open({ kind: mode.kind, strategy: latest });
    else open({ kind: 'none' });
  };

  return (
    <section aria-labelledby="supervisor-heading" className={s.section}>
      <h2 id="supervisor-heading" className={s.heading}>
        Supervisor
      </h2>
      <TagButtons />
      <RegisterButton state={state} />
      {matched.map((st) => (
        <div key={st.id} className={s.row} role="group" aria-label={`Strategy ${st.id}`}>
          <span>{st.id}:</span>
          <Button size="small" onClick={() => open({ kind: 'edit', strategy: st })}>
            Edit
          </Button>
          <Button size="small" onClick={() => open({ kind: 'review', strategy: st })}>
            Record review
          </Button>
          {st.status !== 'ended' && (
            <Button size="small" onClick={() => open({ kind: 'end', strategy: st })}>
              End
            </Button>
          )}
          <Button size="small" onClick={() => open({ kind: 'pack', strategy: st })}>
            Review pack
          </Button>
        </div>
      ))}
      {matched.length === 0 && mode.kind !== 'create' && (
        <div>
          <Button onClick={startCreate}>Create a strategy for {item.message.from.address}</Button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      <SaveNotice result={result} onReload={() => void reload()} />

      {mode.kind !== 'none' && (
        <h3 ref={openedHeading} tabIndex={-1} className={s.subheading} data-testid="supervisor-opened">
          {openedTitle(mode, item.message.from.address)}
        </h3>
      )}
      {mode.kind === 'create' && (
        <StrategyForm
          initial={mode.draft}
          reviewHint={reviewEveryWords(state.settings.reviewMaxDays)}
          submitLabel="Create strategy"
          busy={busy}
          onSubmit={(draft) => void run(() => supervisor.createStrategy(draft))}
          onCancel={() => open({ kind: 'none' })}
        />
      )}
      {mode.kind === 'edit' && current && (
        <StrategyForm
          // A reload after a conflict brings a new eTag: start the form again from it.
          key={current.eTag ?? current.id}
          initial={current}
          reviewHint={reviewEveryWords(state.settings.reviewMaxDays)}
          submitLabel="Save changes"
          busy={busy}
          onSubmit={(next) => void run(() => supervisor.saveStrategy(next))}
          onCancel={() => open({ kind: 'none' })}
        />
      )}
      {mode.kind === 'review' && current && (
        <ReviewForm
          strategy={current}
          // The settings' review interval, not a policy written into the form.
          periods={reviewPeriods(
            supervisor.today(),
            state.settings.reviewMaxDays,
            current.timeZone ?? state.settings.timeZone,
          )}
          hint={reviewEveryWords(state.settings.reviewMaxDays)}
          busy={busy}
          onSubmit={(months) =>
            void run(() =>
              supervisor.saveStrategy(
                recordReview(current, supervisor.user().displayName, supervisor.today(), months),
              ),
            )
          }
          onCancel={() => open({ kind: 'none' })}
        />
      )}
      {mode.kind === 'end' && current && (
        <div className={s.section}>
          <p>
            End strategy {current.id} for {current.personName}? Their email will be handled normally from now
            on; the review is recorded as yours, today.
          </p>
          <div className={s.row}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() =>
                void run(() =>
                  supervisor.saveStrategy(
                    endStrategy(current, supervisor.today(), supervisor.user().displayName),
                  ),
                )
              }
            >
              End the strategy
            </Button>
            <Button disabled={busy} onClick={() => open({ kind: 'none' })}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {mode.kind === 'pack' && current && <ReviewPackView strategy={current} />}
      <ImportStrategies />
    </section>
  );
}

function openedTitle(mode: Exclude<Mode, { kind: 'none' }>, sender: string): string {
  switch (mode.kind) {
    case 'create':
      return `New strategy for ${sender}`;
    case 'edit':
      return `Edit strategy ${mode.strategy.id}: ${mode.strategy.personName}`;
    case 'review':
      return `Record a review of strategy ${mode.strategy.id}`;
    case 'end':
      return `End strategy ${mode.strategy.id}`;
    case 'pack':
      return `Review pack for strategy ${mode.strategy.id}`;
  }
}

function TagButtons() {
  const supervisor = useSupervisor();
  const s = useShared();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className={s.section}>
      <h3 className={s.subheading}>Tag this message</h3>
      <div className={s.row}>
        {TAGS.map(([tag, label]) => (
          <Button
            key={tag}
            size="small"
            icon={<Tag20Regular />}
            onClick={() =>
              void supervisor.tag(tag).then(
                () => setDone(`Tagged: ${label}.`),
                (err: unknown) => setDone(`Not tagged (${describeError(err)}).`),
              )
            }
          >
            {label}
          </Button>
        ))}
      </div>
      {done && <p>{done}</p>}
    </div>
  );
}

function ReviewForm({
  strategy,
  periods,
  hint,
  busy,
  onSubmit,
  onCancel,
}: {
  strategy: Strategy;
  periods: { months: number[]; chosen: number };
  hint: string;
  busy: boolean;
  onSubmit: (months: number) => void;
  onCancel: () => void;
}) {
  const s = useShared();
  const [months, setMonths] = useState(periods.chosen);
  return (
    <div className={s.section}>
      <p>
        Last reviewed {strategy.lastReviewedDate ? formatDate(strategy.lastReviewedDate) : 'never'}
        {strategy.lastReviewedBy ? ` by ${strategy.lastReviewedBy}` : ''}. Next review was due{' '}
        {strategy.nextReviewDate ? formatDate(strategy.nextReviewDate) : '(not set)'}.
      </p>
      <Field label="Next review in" hint={hint}>
        <Select value={String(months)} onChange={(_e, d) => setMonths(Number(d.value))}>
          {periods.months.map((m) => (
            <option key={m} value={m}>
              {m} month{m > 1 ? 's' : ''}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabled={busy} onClick={() => onSubmit(months)}>
          Record the review
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
