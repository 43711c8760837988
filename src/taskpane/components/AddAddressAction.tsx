// For a supervisor, under a possible evasion: add the sender's address to the strategy it
// resembles, after a confirmation (it makes every later email from it a match).
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { addAddress } from '../../core/supervisor';
import type { SaveResult } from '../../graph/types';
import { useSupervisor } from '../state/supervisor-context';
import { describeError } from '../state/errors';
import { SaveNotice } from './SaveNotice';
import { useShared } from './styles';

export function AddAddressAction({ strategyId, address }: { strategyId: string; address: string }) {
  const supervisor = useSupervisor();
  const s = useShared();
  const [stage, setStage] = useState<'idle' | 'confirm' | 'saving'>('idle');
  const [result, setResult] = useState<SaveResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const strategy = supervisor.strategyById(strategyId);
    if (!strategy) return setError(`Strategy ${strategyId} is no longer in the list.`);
    const next = addAddress(strategy, address);
    if (!next.ok) return setError(next.error);
    setStage('saving');
    setError(null);
    try {
      setResult(await supervisor.saveStrategy(next.value));
    } catch (err) {
      setError(`Not saved: ${describeError(err)}.`);
    }
    setStage('idle');
  };

  return (
    <div className={s.section}>
      {stage === 'idle' && result?.kind !== 'saved' && (
        <div>
          <Button size="small" onClick={() => setStage('confirm')}>
            Add this address to {strategyId}…
          </Button>
        </div>
      )}
      {stage !== 'idle' && (
        <div className={s.row}>
          <span>
            Add {address} to strategy {strategyId}? Every email from it will then be checked against the
            strategy.
          </span>
          <Button size="small" appearance="primary" disabled={stage === 'saving'} onClick={() => void save()}>
            Add the address
          </Button>
          <Button size="small" disabled={stage === 'saving'} onClick={() => setStage('idle')}>
            Cancel
          </Button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      <SaveNotice result={result} onReload={() => setResult(null)} />
    </div>
  );
}
