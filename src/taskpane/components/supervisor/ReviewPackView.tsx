// The review pack for one strategy: contacts, breaches and dispositions since the last review.
import { Button, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { packSince } from '../../../core/register/register';
import { reviewPack, type ReviewPack } from '../../../core/supervisor';
import type { Strategy } from '../../../core/types';
import { ReviewPackSummary } from '../../../register/pack/ReviewPackSummary';
import { useSupervisor } from '../../state/supervisor-context';
import { describeError } from '../../state/errors';
import { useShared } from '../styles';

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; pack: ReviewPack };

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
  return <ReviewPackSummary pack={load.pack} level={3} />;
}
