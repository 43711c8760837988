// Recording the read: says what will happen, is disabled until the read is complete, and then
// reports what was done (log row saved first, then the mail actions).
import { Button, Checkbox, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { BarTitle } from './BarTitle';
import { ArrowReply20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, type RefObject } from 'react';
import { unanswered } from '../../core/gate';
import type { Disposition } from '../../core/types';
import type { ShownItem } from '../state/types';
import { DISPOSITION_DONE } from '../view/labels';
import { Address } from './Address';
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
  // The Record button is disabled while saving and then gone, which would drop focus to <body>:
  // after a press, focus moves to what came of it (the result, or why it was not saved). Only
  // after a press in this view: opening an already recorded message must not take focus.
  const pressed = useRef(false);
  const result = useRef<HTMLDivElement>(null);
  const mail = rec.kind === 'recorded' ? rec.mail : null;
  useEffect(() => {
    const el = result.current;
    if (!el || (rec.kind !== 'recorded' && rec.kind !== 'failed')) return;
    if (pressed.current) {
      pressed.current = false;
      el.focus({ preventScroll: true });
    } else if (document.activeElement !== el) return;
    // Whole, and kept so as it grows when the mail actions finish (it is the foot of the pane).
    el.scrollIntoView({ block: 'nearest' });
  }, [rec.kind, mail]);
  const onRecord = () => {
    pressed.current = true;
    props.onRecord();
  };
  return (
    <section aria-labelledby="record-heading" className={s.section}>
      <h2 id="record-heading" className={s.heading}>
        Record
      </h2>
      {rec.kind === 'recorded' ? (
        <Recorded {...props} resultRef={result} />
      ) : (
        <BeforeRecording {...props} onRecord={onRecord} resultRef={result} />
      )}
    </section>
  );
}

type ResultRef = { resultRef: RefObject<HTMLDivElement> };

function BeforeRecording({
  item,
  pending,
  onRecord,
  onForwardChange,
  resultRef,
}: RecordPanelProps & ResultRef) {
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
        <div ref={resultRef} tabIndex={-1} data-testid="record-result">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{item.record.message}</MessageBarBody>
          </MessageBar>
        </div>
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

function Recorded({ item, onRetryMail, onDraftReminder, resultRef }: RecordPanelProps & ResultRef) {
  const s = useShared();
  if (item.record.kind !== 'recorded') return null;
  const { disposition, mail, mailError, reminderDrafted, reminderNotes, sent, skipped } = item.record;
  return (
    <>
      {/* Focus lands here after Record; a screen reader then reads the whole result. */}
      <div ref={resultRef} tabIndex={-1} data-testid="record-result">
        <MessageBar intent={mail === 'failed' ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            <BarTitle>{DISPOSITION_DONE[disposition.kind]}</BarTitle>
            {mail === 'working' && 'Your decision is saved. Updating the message…'}
            {mail === 'done' && 'Your decision is saved for the contact log and the message is updated.'}
            {mail === 'failed' && mailError}
            {sent && (
              <span className={s.block} data-testid="forwarded">
                Forwarded this email to <Address>{sent.to}</Address>, with the note: “{sent.note}”
              </span>
            )}
            {disposition.kind === 'escalate' && mail === 'done' && !sent && !skipped?.length && (
              <span className={s.block}>Not forwarded to anyone: it is tagged for action only.</span>
            )}
            {skipped?.map((line) => (
              <span key={line} className={s.block}>
                {line}
              </span>
            ))}
          </MessageBarBody>
        </MessageBar>
      </div>
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
