// The review pack for one strategy: contacts, breaches and dispositions since the last review.
import { Button, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { reviewPack, type ReviewPack } from '../../../core/supervisor';
import type { DispositionKind, FlagCode, Strategy } from '../../../core/types';
import { useSupervisor } from '../../state/supervisor-context';
import { describeError } from '../../state/errors';
import { DISPOSITION_DONE, INDICATOR_LABEL, formatDate } from '../../view/labels';
import { useShared } from '../styles';

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; pack: ReviewPack };

/** Since the last review, else the start, else a year back: a pack is about the current period. */
function packSince(strategy: Strategy, now: Date): string {
  const date = strategy.lastReviewedDate ?? strategy.startDate;
  if (date) return `${date}T00:00:00Z`;
  return new Date(now.getTime() - 365 * 86_400_000).toISOString();
}

export function ReviewPackView({ strategy }: { strategy: Strategy }) {
  const supervisor = useSupervisor();
  const s = useShared();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const since = packSince(strategy, supervisor.today());
    setLoad({ kind: 'loading' });
    supervisor.contactsFor(strategy.id, since).then(
      (rows) => live && setLoad({ kind: 'done', pack: reviewPack(strategy, rows, since) }),
      (err: unknown) => live && setLoad({ kind: 'failed', message: describeError(err) }),
    );
    return () => {
      live = false;
    };
  }, [supervisor, strategy, attempt]);

  if (load.kind === 'loading')
    return <Spinner size="tiny" label="Loading the review pack…" labelPosition="after" />;
  if (load.kind === 'failed')
    return (
      <div className={s.section}>
        <p role="alert">The contact log could not be read ({load.message}).</p>
        <div>
          <Button onClick={() => setAttempt((n) => n + 1)}>Try again</Button>
        </div>
      </div>
    );
  const { pack } = load;
  const flags = Object.entries(pack.byFlag) as Array<[FlagCode, number]>;
  const indicators = Object.entries(pack.byIndicator) as Array<[keyof typeof INDICATOR_LABEL, number]>;
  return (
    <section aria-labelledby={`pack-${pack.strategyId}`} className={s.section}>
      <h3 id={`pack-${pack.strategyId}`} className={s.subheading}>
        Review pack: {pack.personName} ({pack.strategyId})
      </h3>
      <p>
        Since {formatDate(pack.since.slice(0, 10))}: {pack.contacts} contact{pack.contacts === 1 ? '' : 's'},{' '}
        {pack.breaches.length} with a breach. Next review{' '}
        {pack.nextReviewDate ? formatDate(pack.nextReviewDate) : 'not set'}.
      </p>
      <h4 className={s.subheading}>Decisions</h4>
      <ul className={s.list}>
        {(Object.entries(pack.byDisposition) as Array<[DispositionKind, number]>).map(([kind, n]) => (
          <li key={kind}>
            {DISPOSITION_DONE[kind]}: {n}
          </li>
        ))}
      </ul>
      {flags.length > 0 && (
        <>
          <h4 className={s.subheading}>Flags raised</h4>
          <ul className={s.list}>
            {flags.map(([code, n]) => (
              <li key={code}>
                {code}: {n}
              </li>
            ))}
          </ul>
        </>
      )}
      {indicators.length > 0 && (
        <>
          <h4 className={s.subheading}>Indicators found</h4>
          <ul className={s.list}>
            {indicators.map(([code, n]) => (
              <li key={code}>
                {INDICATOR_LABEL[code]}: {n}
              </li>
            ))}
          </ul>
        </>
      )}
      {pack.breaches.length > 0 && (
        <>
          <h4 className={s.subheading}>Breaches</h4>
          <ul className={s.list}>
            {pack.breaches.map((r) => (
              <li key={r.key}>
                {formatDate(r.receivedDateTime.slice(0, 10))}: {r.flagCodes.join(', ')} (
                {DISPOSITION_DONE[r.disposition].toLowerCase()}, read by {r.reader})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
