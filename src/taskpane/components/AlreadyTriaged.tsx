// Who else has this message, from the contact log: "Already triaged by Alex Handler at 10:42:
// escalated", "Being read by Sam Supervisor since 10:40". Shown above the read; when the message
// was already decided, a second read is something the handler chooses, not the default.
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { TriageStatus } from '../state/types';
import { BarTitle } from './BarTitle';

export interface AlreadyTriagedProps {
  triage: TriageStatus;
  /** Whether the handler has chosen to read it again; the read is hidden until then. */
  secondRead: boolean;
  onSecondRead: () => void;
}

/** True when the log already holds a decision: the read is then a second read, by choice. */
export function alreadyDecided(triage: TriageStatus): boolean {
  return triage.kind === 'known' && triage.status.decisions.length > 0;
}

export function AlreadyTriaged({ triage, secondRead, onSecondRead }: AlreadyTriagedProps) {
  if (triage.kind === 'checking')
    return (
      <Spinner size="extra-tiny" labelPosition="after" label="Checking whether someone has triaged it…" />
    );
  if (triage.kind === 'failed')
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          Could not check the contact log for earlier decisions on this message ({triage.message}). Check with
          your team before you act on it.
        </MessageBarBody>
      </MessageBar>
    );
  if (triage.sentences.length === 0) return null;
  const decided = alreadyDecided(triage);
  return (
    <MessageBar intent={decided ? 'success' : 'info'} layout="multiline" data-testid="already-triaged">
      <MessageBarBody>
        {decided && <BarTitle>Already triaged</BarTitle>}
        {triage.sentences.map((line) => (
          <div key={line}>{line}</div>
        ))}
        {decided && !secondRead && (
          <Button size="small" onClick={onSecondRead}>
            Read it again (a second read is logged)
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
