// The message as a reading aid: indicator phrases highlighted in place with their category.
// Text nodes only: a body that holds HTML or script stays inert text. No hits is never "safe".
import { makeStyles, tokens } from '@fluentui/react-components';
import { ShieldError16Filled } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { isRiskCode } from '../../core/verdict';
import type { Indicator } from '../../core/types';
import { INDICATOR_LABEL } from '../view/labels';
import { countByCode, segmentText } from '../view/segments';
import { useShared } from './styles';

const useStyles = makeStyles({
  body: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    // Short enough that the four questions follow within a 700 px pane; it scrolls inside.
    maxHeight: '12em',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
  },
  /** Self-harm, threat, safeguarding: red, solid, and labelled in words, never colour alone. */
  risk: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorNeutralForeground1,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorderActive}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  riskTag: {
    marginInlineStart: tokens.spacingHorizontalXXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
});

export function MessageText({
  subject,
  body,
  indicators,
  bodyRead = true,
}: {
  subject: string;
  body: string;
  indicators: readonly Indicator[];
  /** False for a body the add-in could not read: no hits then means nothing at all. */
  bodyRead?: boolean;
}) {
  const s = useShared();
  const styles = useStyles();
  // Each answer to a read question re-renders the pane; the body and its hits only change with
  // the evaluation, so a long body is cut into runs once per evaluation, not once per click.
  const counts = useMemo(() => countByCode(indicators), [indicators]);
  const segments = useMemo(() => segmentText(body, indicators), [body, indicators]);
  return (
    <section aria-labelledby="message-heading" className={s.section}>
      <h2 id="message-heading" className={s.heading}>
        Read the message
      </h2>
      {!bodyRead ? (
        <p>The add-in could not read this message: no phrases were looked for. Read it in Outlook.</p>
      ) : counts.size > 0 ? (
        <p>
          Phrases to look at are highlighted:{' '}
          {[...counts].map(([code, n]) => `${INDICATOR_LABEL[code]} ×${n}`).join(', ')}. They help your read;
          they do not decide anything.
        </p>
      ) : (
        <p>No indicator phrases were found. That does not mean the message is safe: read all of it.</p>
      )}
      <p className={s.muted}>Subject: {subject || '(no subject)'}</p>
      <div
        className={styles.body}
        role="region"
        aria-label="Message text"
        tabIndex={0}
        data-testid="message-text"
      >
        {segments.map((seg, i) =>
          seg.codes.length === 0 ? (
            seg.text
          ) : seg.codes.some(isRiskCode) ? (
            <mark
              key={i}
              className={styles.risk}
              title={seg.codes.map((c) => INDICATOR_LABEL[c]).join(', ')}
              data-codes={seg.codes.join(' ')}
              data-risk=""
            >
              <ShieldError16Filled aria-hidden />
              {seg.text}
              <span className={styles.riskTag}>
                {' '}
                (risk: {seg.codes.map((c) => INDICATOR_LABEL[c]).join(', ')})
              </span>
            </mark>
          ) : (
            <mark
              key={i}
              className={styles.mark}
              title={seg.codes.map((c) => INDICATOR_LABEL[c]).join(', ')}
              data-codes={seg.codes.join(' ')}
            >
              {seg.text}
              <span className={s.visuallyHidden}>
                {' '}
                ({seg.codes.map((c) => INDICATOR_LABEL[c]).join(', ')})
              </span>
            </mark>
          ),
        )}
      </div>
    </section>
  );
}
