// Every attachment, named: what the add-in read in it (phrases highlighted in context), and what
// it could not read ("not read by the add-in: open it"). While reading runs, the pane says so and
// Record waits. Text only: nothing from an attachment is ever rendered as HTML.
import { Checkbox, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { OpenCheck } from '../../../core/gate';
import { flatten, type AttachmentInfo, type AttachmentReading } from '../../../reading/types';
import type { AttachmentsState } from '../../state/types';
import { INDICATOR_LABEL } from '../../view/labels';
import { useShared } from '../styles';
import { CAPS_TEXT, describeInfo, FORMAT_TEXT, reasonText } from './labels';

const useStyles = makeStyles({
  item: { paddingBlock: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  name: { fontWeight: tokens.fontWeightSemibold },
  unread: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  nested: { marginInlineStart: tokens.spacingHorizontalL },
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
  },
  excerpt: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

function Reading({ reading, depth }: { reading: AttachmentReading; depth: number }) {
  const styles = useStyles();
  const s = useShared();
  const { info } = reading;
  const nested = depth > 0 ? styles.nested : undefined;
  if (reading.status === 'not-read') {
    return (
      <li
        className={`${styles.item} ${styles.unread} ${nested ?? ''}`}
        data-attachment={info.name}
        data-read="no"
      >
        <span className={styles.name}>{info.name}</span>{' '}
        <span className={s.muted}>({describeInfo(info)})</span>
        <br />
        <strong>Not read by the add-in: open it.</strong> It is {reasonText(reading.reason)}.
        <Children readings={reading.children} depth={depth} />
      </li>
    );
  }
  const partial = reading.imagePages ? ` ${reading.imagePages} of its pages are pictures: open it.` : '';
  return (
    <li
      className={`${styles.item} ${partial ? styles.unread : ''} ${nested ?? ''}`}
      data-attachment={info.name}
      data-read={partial ? 'partly' : 'yes'}
    >
      <span className={styles.name}>{info.name}</span> <span className={s.muted}>({describeInfo(info)})</span>
      <br />
      Read as {FORMAT_TEXT[reading.format]}:{' '}
      {reading.indicators.length === 0
        ? 'no indicator phrases found (that does not mean it is safe).'
        : `${reading.indicators.length} phrase${reading.indicators.length === 1 ? '' : 's'} to look at.`}
      {partial && <strong>{partial}</strong>}
      {reading.excerpts.map((e, i) => (
        <p key={i} className={styles.excerpt}>
          …{e.before}
          <mark className={styles.mark} data-codes={e.codes.join(' ')}>
            {e.text}
            <span className={s.visuallyHidden}> ({e.codes.map((c) => INDICATOR_LABEL[c]).join(', ')})</span>
          </mark>
          {e.after}…
        </p>
      ))}
      <Children readings={reading.children} depth={depth} />
    </li>
  );
}

function Children({ readings, depth }: { readings: readonly AttachmentReading[]; depth: number }) {
  if (readings.length === 0) return null;
  return (
    <ul aria-label="Attachments of the attached mail" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {readings.map((r, i) => (
        <Reading key={i} reading={r} depth={depth + 1} />
      ))}
    </ul>
  );
}

function Listed({ listed, note }: { listed: readonly AttachmentInfo[]; note: string }) {
  const styles = useStyles();
  const s = useShared();
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {listed.map((info, i) => (
        <li key={i} className={styles.item} data-attachment={info.name}>
          <span className={styles.name}>{info.name}</span>{' '}
          <span className={s.muted}>({describeInfo(info)})</span>
          {note && (
            <>
              <br />
              <strong>{note}</strong>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export interface AttachmentsProps {
  state: AttachmentsState;
  open: OpenCheck;
  disabled: boolean;
  onOpened: (opened: boolean) => void;
}

export function Attachments({ state, open, disabled, onOpened }: AttachmentsProps) {
  const s = useShared();
  if (state.kind === 'none' && open.kind !== 'open-required') return null;
  const count =
    state.kind === 'done' ? flatten(state.readings).length : state.kind === 'none' ? 0 : state.listed.length;
  return (
    <section aria-labelledby="attachments-heading" className={s.section} data-testid="attachments">
      <h2 id="attachments-heading" className={s.heading}>
        {count === 0 ? 'What the add-in could not read' : `Attachments (${count})`}
      </h2>
      {count > 0 && <p className={s.muted}>{CAPS_TEXT}</p>}
      {state.kind === 'reading' && (
        <>
          <Spinner
            size="tiny"
            label="Still reading attachments… Record waits until this is done."
            labelPosition="after"
          />
          <Listed listed={state.listed} note="" />
        </>
      )}
      {state.kind === 'failed' && (
        <>
          <p role="alert">The add-in could not read the attachments ({state.message}).</p>
          <Listed listed={state.listed} note="Not read by the add-in: open it." />
        </>
      )}
      {state.kind === 'done' && (
        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {state.readings.map((r, i) => (
            <Reading key={i} reading={r} depth={0} />
          ))}
        </ul>
      )}
      {open.kind === 'open-required' && (
        <Checkbox
          checked={open.opened}
          disabled={disabled}
          onChange={(_e, data) => onOpened(data.checked === true)}
          label={
            open.bodyUnread && open.attachmentsRead >= open.attachments
              ? 'I have read the whole message in Outlook'
              : open.bodyUnread
                ? 'I have read the whole message and opened every attachment'
                : 'I have opened every attachment'
          }
          required
        />
      )}
    </section>
  );
}
