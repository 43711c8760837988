// Recording the read: says what will happen, is disabled until the read is complete, and then
// reports what was done (log row saved first, then the mail actions).
import { Button, Checkbox, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { BarTitle } from './BarTitle';
import { ArrowReply20Regular } from '@fluentui/react-icons';
import { unanswered } from '../../core/gate';
import type { Disposition } from '../../core/types';
import type { ShownItem } from '../state/types';
import { DISPOSITION_DONE } from '../view/labels';
import { useShared } from './styles';

export interface RecordPanelProps {
  item: ShownItem;
  /** What recording would do now; null while the read is incomplete or history is checking. */
  pending: Disposition | null;
  onRecord: () => void;
  onForwardChange: (forward: boolean) => void;
  onRetryMail: () => void;
  onDraftReminder: () => void;
}

export function RecordPanel(props: RecordPanelProps) {
  const s = useShared();
  const { item } = props;
  const rec = item.record;
  return (
    <section aria-labelledby="record-heading" className={s.section}>
      <h2 id="record-heading" className={s.heading}>
        Record
      </h2>
      {rec.kind === 'recorded' ? <Recorded {...props} /> : <BeforeRecording {...props} />}
    </section>
  );
}

function BeforeRecording({ item, pending, onRecord, onForwardChange }: RecordPanelProps) {
  const s = useShared();
  const left = unanswered(item.gate).length;
  const saving = item.record.kind === 'saving';
  const blocked =
    left > 0
      ? `Answer ${left === 4 ? 'all four questions' : `the ${left} remaining question${left > 1 ? 's' : ''}`} to record your read.`
      : item.history.kind === 'checking'
        ? 'Waiting for the check of earlier contacts…'
        : null;
  return (
    <>
      {item.record.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{item.record.message}</MessageBarBody>
        </MessageBar>
      )}
      {pending ? <p>{willDo(pending, item.forward)}</p> : <p id="record-blocked">{blocked}</p>}
      {pending?.kind === 'escalate' && pending.forwardTo && (
        <Checkbox
          checked={item.forward}
          onChange={(_e, d) => onForwardChange(d.checked === true)}
          label={`Forward to ${pending.forwardTo}`}
        />
      )}
      <div className={s.row}>
        <Button
          appearance="primary"
          disabled={!pending || saving}
          aria-describedby={pending ? undefined : 'record-blocked'}
          onClick={onRecord}
        >
          {pending ? BUTTON[pending.kind] : 'Record the read'}
        </Button>
        {saving && <Spinner size="tiny" label="Saving…" labelPosition="after" />}
      </div>
    </>
  );
}

const BUTTON: Record<Disposition['kind'], string> = {
  escalate: 'Record and escalate',
  'auto-file': 'Record and file',
  breach: 'Record the breach',
  'handled-normally': 'Record as read',
};

function willDo(d: Disposition, forward: boolean): string {
  switch (d.kind) {
    case 'escalate':
      return `You answered yes: the message will be tagged for action${forward && d.forwardTo ? ' and forwarded' : ''}. It is never filed automatically.`;
    case 'auto-file':
      return `Read but not respond: recording files the message to "${d.folder}" and tags it. No reply is sent.`;
    case 'breach':
      return 'The message breaches the strategy: recording tags it as a breach. You can then draft a reminder reply.';
    case 'handled-normally':
      return 'Recording tags the message as read and leaves it for you to handle.';
  }
}

function Recorded({ item, onRetryMail, onDraftReminder }: RecordPanelProps) {
  const s = useShared();
  if (item.record.kind !== 'recorded') return null;
  const { disposition, mail, mailError, reminderDrafted, reminderNotes } = item.record;
  return (
    <>
      <MessageBar intent={mail === 'failed' ? 'warning' : 'success'} layout="multiline">
        <MessageBarBody>
          <BarTitle>{DISPOSITION_DONE[disposition.kind]}</BarTitle>
          {mail === 'working' && 'Your decision is saved. Updating the message…'}
          {mail === 'done' && 'Your decision is saved for the contact log and the message is updated.'}
          {mail === 'failed' && mailError}
        </MessageBarBody>
      </MessageBar>
      <div className={s.row}>
        {mail === 'failed' && <Button onClick={onRetryMail}>Try the mail action again</Button>}
        {disposition.kind === 'breach' && disposition.reminderAvailable && (
          <Button icon={<ArrowReply20Regular />} onClick={onDraftReminder}>
            {reminderDrafted ? 'Draft the reminder again' : 'Draft reminder'}
          </Button>
        )}
      </div>
      {disposition.kind === 'breach' && disposition.reminderAvailable && (
        <p className={s.muted}>
          The reminder opens as a reply for you to check and send. Nothing is sent by itself.
        </p>
      )}
      {reminderNotes.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <BarTitle>Before you send the reminder</BarTitle>
            <ul className={s.list}>
              {reminderNotes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
