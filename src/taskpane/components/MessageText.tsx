// The message as a reading aid: indicator phrases highlighted in place with their category.
// Text nodes only: a body that holds HTML or script stays inert text. No hits is never "safe".
// A long body is shown one part at a time (message-parts.ts), with jumps to each highlight.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldError16Filled } from '@fluentui/react-icons';
import { memo, startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { isRiskCode } from '../../core/verdict';
import type { Indicator } from '../../core/types';
import { INDICATOR_LABEL } from '../view/labels';
import { countByCode, highlightRuns } from '../view/segments';
import { highlightStops, PART_CHARS, partSegments, partsOf, type PlacedSegment } from './message-parts';
import { useShared } from './styles';

const useStyles = makeStyles({
  body: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    // Short enough that the first question follows within a 700 px pane; it scrolls inside.
    maxHeight: '7em',
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
  moves: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

const count = new Intl.NumberFormat('en-GB');

/** Which part is shown and which highlight was jumped to, for the body they belong to. */
interface View {
  body: string;
  part: number;
  stop: number | null;
}

/**
 * A long body's part arrives in a transition: React renders it in slices of a few milliseconds,
 * yielding to the pane between them, instead of one long task (measured 190-490 ms for a part of
 * 50,000 characters on the 2-core CI machine). A short body is shown at once, as it always was.
 */
function useInSlices(segments: PlacedSegment[], sliced: boolean): PlacedSegment[] {
  const [held, setHeld] = useState<PlacedSegment[]>([]);
  useEffect(() => {
    if (sliced) startTransition(() => setHeld(segments));
  }, [segments, sliced]);
  return sliced ? held : segments;
}

/** Memoised on its props: answering a read question re-renders the pane, never this text. */
export const MessageText = memo(function MessageText({
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
  // the evaluation, so they are worked out once per evaluation, not once per click. Only the part
  // on screen is cut into text; the rest is positions.
  const counts = useMemo(() => countByCode(indicators), [indicators]);
  const runs = useMemo(() => highlightRuns(body.length, indicators), [body, indicators]);
  const parts = useMemo(() => partsOf(body), [body]);
  const stops = useMemo(() => highlightStops(parts, runs), [parts, runs]);
  const [held, setView] = useState<View>({ body, part: 0, stop: null });
  const view: View = held.body === body ? held : { body, part: 0, stop: null };
  const partIndex = Math.min(view.part, Math.max(0, parts.length - 1));
  const part = parts[partIndex];
  const segments = useMemo(() => (part ? partSegments(body, part, runs) : []), [body, part, runs]);
  const shown = useInSlices(segments, parts.length > 1);
  const textRef = useRef<HTMLDivElement>(null);
  // After a jump, the highlight is brought into view and focused, so a screen reader reads it.
  useEffect(() => {
    const stop = view.stop === null ? undefined : stops[view.stop];
    if (!stop) return;
    const mark = textRef.current?.querySelector<HTMLElement>(`mark[data-start="${stop.start}"]`);
    mark?.scrollIntoView({ block: 'center' });
    mark?.focus({ preventScroll: true });
  }, [view.stop, view.part, stops, shown]);
  const toPart = (part: number) => setView({ body, part, stop: null });
  const toStop = (stop: number) => setView({ body, part: stops[stop]?.part ?? 0, stop });
  const nextStop = view.stop === null ? stops.findIndex((x) => x.part >= partIndex) : view.stop + 1;
  return (
    <section aria-labelledby="message-heading" className={s.section}>
      <h2 id="message-heading" className={s.heading}>
        Read the message
      </h2>
      {!bodyRead ? (
        <p>The add-in could not read this message: no phrases were looked for. Read it in Outlook.</p>
      ) : counts.size > 0 ? (
        <p>
          Highlighted: {[...counts].map(([code, n]) => `${INDICATOR_LABEL[code]} ×${n}`).join(', ')}. A help
          to your read, not a decision.
        </p>
      ) : (
        <p>No phrases highlighted. That does not make it safe: read all of it.</p>
      )}
      <p className={s.muted}>Subject: {subject || '(no subject)'}</p>
      {parts.length > 1 && (
        <>
          <p data-testid="message-part">
            This message is long ({count.format(body.length)} characters), so it is shown in parts of{' '}
            {count.format(PART_CHARS)}. Part {partIndex + 1} of {parts.length}
            {view.stop !== null ? `, highlighted phrase ${view.stop + 1} of ${stops.length}` : ''}.
          </p>
          <div role="group" aria-label="Move through the message" className={styles.moves}>
            <Button size="small" disabled={partIndex === 0} onClick={() => toPart(partIndex - 1)}>
              Earlier part
            </Button>
            <Button
              size="small"
              disabled={partIndex >= parts.length - 1}
              onClick={() => toPart(partIndex + 1)}
            >
              Later part
            </Button>
            {stops.length > 0 && (
              <>
                <Button
                  size="small"
                  disabled={view.stop === null || view.stop === 0}
                  onClick={() => toStop((view.stop ?? 1) - 1)}
                >
                  Previous highlighted phrase
                </Button>
                <Button
                  size="small"
                  disabled={nextStop < 0 || nextStop >= stops.length}
                  onClick={() => toStop(nextStop)}
                >
                  Next highlighted phrase
                </Button>
              </>
            )}
          </div>
        </>
      )}
      <div
        ref={textRef}
        className={styles.body}
        role="region"
        aria-label="Message text"
        tabIndex={0}
        data-testid="message-text"
      >
        {shown.map((seg, i) =>
          seg.codes.length === 0 ? (
            seg.text
          ) : seg.codes.some(isRiskCode) ? (
            <mark
              key={i}
              data-start={seg.start}
              tabIndex={-1}
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
              data-start={seg.start}
              tabIndex={-1}
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
});
