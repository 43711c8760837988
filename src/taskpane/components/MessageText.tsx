// The message as a reading aid: indicator phrases highlighted in place with their category.
// Text nodes only: a body that holds HTML or script stays inert text. No hits is never "safe".
// A long body is shown one part at a time (message-parts.ts), with jumps to each highlight.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldError16Filled } from '@fluentui/react-icons';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { isRiskCode } from '../../core/verdict';
import type { Indicator } from '../../core/types';
import { INDICATOR_LABEL } from '../view/labels';
import { countByCode, highlightRuns, type Run } from '../view/segments';
import {
  highlightStops,
  PART_CHARS,
  partBlocks,
  partSegments,
  partsOf,
  type Part,
  type PlacedSegment,
  type Stop,
} from './message-parts';
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
  /**
   * The browser styles, lays out and paints only the blocks in view: a part's other blocks are
   * skipped until scrolled to (they stay in the page, so focus, find and screen readers reach
   * them). The height kept for a block not yet laid out is about that of 2,000 characters at
   * 350 px; once laid out, its own height is kept.
   */
  block: { contentVisibility: 'auto', containIntrinsicBlockSize: 'auto 60em' },
});

/** One block of the text: plain runs as text nodes, highlighted runs as labelled marks. */
const Block = memo(function Block({ segments }: { segments: readonly PlacedSegment[] }) {
  const styles = useStyles();
  return (
    <div className={styles.block}>
      {segments.map((seg) => (seg.codes.length === 0 ? seg.text : <Highlight key={seg.start} seg={seg} />))}
    </div>
  );
});

/**
 * A highlighted run, labelled in words: a risk phrase wears its shield and a visible "(risk: …)"
 * tag; any other phrase's label is for screen readers (its colour is not the only sign of it).
 */
function Highlight({ seg }: { seg: PlacedSegment }) {
  const s = useShared();
  const styles = useStyles();
  const labels = seg.codes.map((c) => INDICATOR_LABEL[c]).join(', ');
  const risk = seg.codes.some(isRiskCode);
  return (
    <mark
      data-start={seg.start}
      tabIndex={-1}
      className={risk ? styles.risk : styles.mark}
      title={labels}
      data-codes={seg.codes.join(' ')}
      {...(risk ? { 'data-risk': '' } : {})}
    >
      {risk && <ShieldError16Filled aria-hidden />}
      {seg.text}
      {risk ? (
        <span className={styles.riskTag}> (risk: {labels})</span>
      ) : (
        <span className={s.visuallyHidden}> ({labels})</span>
      )}
    </mark>
  );
}

const count = new Intl.NumberFormat('en-GB');

/** Blocks of a long body's part added to the page per task: the first one fills the box. */
const BLOCKS_PER_TASK = 2;
const NO_PARTS: Part[] = [];
const NO_STOPS: Stop[] = [];
const NO_BLOCKS: PlacedSegment[][] = [];

/** Which part is shown and which highlight was jumped to, for the body they belong to. */
interface View {
  body: string;
  part: number;
  stop: number | null;
}

/** Where the highlights are, the parts, and the stops of "next phrase", for one body. */
interface Layout {
  body: string;
  indicators: readonly Indicator[];
  runs: Run[];
  parts: Part[];
  stops: Stop[];
}

const layoutOf = (body: string, indicators: readonly Indicator[]): Layout => {
  const runs = highlightRuns(body.length, indicators);
  const parts = partsOf(body);
  return { body, indicators, runs, parts, stops: highlightStops(parts, runs) };
};

/**
 * A short body's layout is worked out as it renders, as it always was. A long one's comes in a
 * task of its own just after: the task that shows the verdict already renders the whole pane, and
 * sorting thousands of highlight positions in it as well pushed it past 50 ms (measured on the
 * 10 MB sample, production build). Until then the text says it is being prepared.
 */
function useLayout(body: string, indicators: readonly Indicator[]): Layout | null {
  const long = body.length > PART_CHARS;
  const now = useMemo(() => (long ? null : layoutOf(body, indicators)), [long, body, indicators]);
  const [later, setLater] = useState<Layout | null>(null);
  useEffect(() => {
    if (!long) return;
    const timer = setTimeout(() => setLater(layoutOf(body, indicators)), 0);
    return () => clearTimeout(timer);
  }, [long, body, indicators]);
  return now ?? (later?.body === body && later.indicators === indicators ? later : null);
}

/**
 * How many of a part's blocks are in the page. A long body's part arrives a few blocks per task
 * (the first screenful first), so no task builds and styles a whole part's DOM; React's own
 * time-slicing was not enough, since an update of the pane's store during a transition makes
 * React finish it in one blocking render. A short body is shown whole at once.
 */
function useRevealed(blocks: readonly PlacedSegment[][], all: boolean): number {
  const [revealed, setRevealed] = useState({ blocks, count: BLOCKS_PER_TASK });
  const count = all ? blocks.length : revealed.blocks === blocks ? revealed.count : BLOCKS_PER_TASK;
  useEffect(() => {
    if (count >= blocks.length) return;
    const timer = setTimeout(() => setRevealed({ blocks, count: count + BLOCKS_PER_TASK }), 0);
    return () => clearTimeout(timer);
  }, [blocks, count]);
  return Math.min(count, blocks.length);
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
  const layout = useLayout(body, indicators);
  const parts = layout?.parts ?? NO_PARTS;
  const stops = layout?.stops ?? NO_STOPS;
  const [held, setView] = useState<View>({ body, part: 0, stop: null });
  const view: View = held.body === body ? held : { body, part: 0, stop: null };
  const partIndex = Math.min(view.part, Math.max(0, parts.length - 1));
  const part = parts[partIndex];
  const blocks = useMemo(
    () => (layout && part ? partBlocks(partSegments(body, part, layout.runs)) : NO_BLOCKS),
    [body, part, layout],
  );
  const shown = useRevealed(blocks, parts.length <= 1);
  const textRef = useRef<HTMLDivElement>(null);
  // After a jump, the highlight is brought into view and focused, so a screen reader reads it:
  // once, as soon as its block is in the page (later blocks arriving do not scroll back to it).
  const jumped = useRef<View | null>(null);
  useEffect(() => {
    const stop = view.stop === null ? undefined : stops[view.stop];
    if (!stop || jumped.current === held) return;
    const mark = textRef.current?.querySelector<HTMLElement>(`mark[data-start="${stop.start}"]`);
    if (!mark) return;
    jumped.current = held;
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  }, [held, view.stop, stops, shown]);
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
        // Busy while a long part is still being added to the page, block by block.
        aria-busy={!layout || shown < blocks.length}
        data-testid="message-text"
      >
        {layout ? (
          blocks.slice(0, shown).map((block) => <Block key={block[0]?.start} segments={block} />)
        ) : (
          <p className={s.muted}>Preparing the message text…</p>
        )}
      </div>
    </section>
  );
});
