// Where the data came from and what is still on its way: the snapshot's age, a failed refresh,
// decisions waiting in the outbox, rows SharePoint holds that could not be read. Each message
// says what happened and what to do.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { BarTitle } from './BarTitle';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import type { OutboxState } from '../../outbox';
import type { SyncState } from '../state/types';
import { formatTime } from '../view/labels';
import { useShared } from './styles';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
});

export interface StatusBarProps {
  sync: SyncState;
  outbox: OutboxState;
  warnings: readonly string[];
  /** Puts this person's refused decisions back in the loop; absent, no button is offered. */
  onRetryRefused?: () => Promise<void>;
}

export function StatusBar({ sync, outbox, warnings, onRetryRefused }: StatusBarProps) {
  const s = useShared();
  const at = formatTime(sync.syncedAt);
  return (
    <div className={s.section}>
      {sync.error && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Can&apos;t reach SharePoint ({sync.error}): strategies from {at} are shown. Decisions you record
            are saved and will be sent.
          </MessageBarBody>
        </MessageBar>
      )}
      <OutboxStatus outbox={outbox} onRetryRefused={onRetryRefused} />
      {warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      {sync.rejected.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <BarTitle>{plural(sync.rejected.length, 'strategy row')} could not be read</BarTitle>
            Senders under these strategies are not recognised until a supervisor fixes the row:
            <ul className={s.list}>
              {sync.rejected.map((r) => (
                <li key={r.itemId}>{r.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/**
 * The snapshot's time and a refresh, at the foot of the pane: a handler needs the verdict first,
 * and a stale snapshot is announced at the top by StatusBar whenever a refresh failed.
 */
export function SnapshotLine({ sync, onRefresh }: { sync: SyncState; onRefresh: () => void }) {
  const s = useShared();
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <span className={s.muted}>Strategies as of {formatTime(sync.syncedAt)}</span>
      <Button
        appearance="subtle"
        size="small"
        icon={<ArrowClockwise20Regular />}
        disabled={sync.refreshing}
        onClick={onRefresh}
      >
        {sync.refreshing ? 'Refreshing…' : 'Refresh'}
      </Button>
    </div>
  );
}

/**
 * Decisions saved here and not yet in the contact log, decisions SharePoint refused for good
 * (never described as "will be sent"), and decisions another person left on this computer;
 * shown whatever else the pane can do.
 */
export function OutboxStatus({
  outbox,
  onRetryRefused,
}: {
  outbox: OutboxState;
  onRetryRefused?: () => Promise<void>;
}) {
  return (
    <>
      {outbox.pending > 0 && (
        <MessageBar intent={outbox.lastError ? 'warning' : 'info'} layout="multiline">
          <MessageBarBody>
            {outbox.lastError
              ? `${plural(outbox.pending, 'decision')} saved on this computer will be sent to the contact log when SharePoint can be reached (last try: ${outbox.lastError}). You can keep working.`
              : `Sending ${plural(outbox.pending, 'decision')} to the contact log…`}
          </MessageBarBody>
        </MessageBar>
      )}
      {outbox.refused && <RefusedBar refused={outbox.refused} onRetry={onRetryRefused} />}
      {(outbox.othersWaiting ?? 0) > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {plural(outbox.othersWaiting ?? 0, 'decision')} recorded on this computer by someone else{' '}
            {(outbox.othersWaiting ?? 0) === 1 ? 'is' : 'are'} waiting for them to open the pane again. They
            are never sent in your name.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/**
 * Decisions SharePoint refused for good. Once an administrator has fixed the cause, the person
 * sends them again from here; the outbox only ever takes this person's own rows back.
 */
function RefusedBar({
  refused,
  onRetry,
}: {
  refused: NonNullable<OutboxState['refused']>;
  onRetry?: () => Promise<void>;
}) {
  // 'tried' is seen only while the bar is still up, i.e. SharePoint refused them again.
  const [trying, setTrying] = useState<'idle' | 'busy' | 'tried' | { failed: string }>('idle');
  const one = refused.count === 1;
  const retry = async () => {
    if (!onRetry) return;
    setTrying('busy');
    try {
      await onRetry();
      setTrying('tried');
    } catch (err) {
      setTrying({ failed: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <BarTitle>{plural(refused.count, 'decision')} refused by the contact log</BarTitle>
        SharePoint refused {one ? 'it' : 'them'} ({refused.reason}), so {one ? 'it is' : 'they are'} not in
        the log and will not be sent by {one ? 'itself' : 'themselves'}. {one ? 'It is' : 'They are'} kept on
        this computer: tell your SharePoint administrator this message, and try again once the log is fixed.
        {trying === 'tried' && ` Tried again: SharePoint still refuses ${one ? 'it' : 'them'}.`}
        {typeof trying === 'object' && ` They could not be tried again on this computer (${trying.failed}).`}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button disabled={trying === 'busy'} onClick={() => void retry()}>
            {trying === 'busy' ? 'Trying again…' : 'Try refused decisions again'}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
