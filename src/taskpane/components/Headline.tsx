// One headline of the verdict: one line, one colour, one icon per state, with a short line under
// it saying whom it concerns. The state and its words come from core/verdict; this only draws.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircle20Regular,
  ErrorCircle20Filled,
  History20Regular,
  Mail20Regular,
  PersonQuestionMark20Regular,
  ShieldError20Filled,
} from '@fluentui/react-icons';
import { headlineText, type Headline as HeadlineState, type HeadlineKind } from '../../core/verdict';
import { WithAddresses } from './Address';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderInlineStartWidth: '4px',
    borderInlineStartStyle: 'solid',
    // Ordinary words stay whole; addresses (Address.tsx) wrap at their @ and dots.
    overflowWrap: 'break-word',
  },
  icon: { marginBlockStart: '2px' },
  title: {
    margin: 0,
    minWidth: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  detail: { margin: 0, minWidth: 0, gridColumnStart: 2, color: tokens.colorNeutralForeground2 },
  // What to do now: in the text's own colour, not the grey of a who-it-concerns line.
  instruction: { color: tokens.colorNeutralForeground1 },
  risk: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderInlineStartColor: tokens.colorPaletteRedBorderActive,
    color: tokens.colorPaletteRedForeground1,
  },
  breach: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    borderInlineStartColor: tokens.colorPaletteDarkOrangeBorderActive,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  evasion: {
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
    borderInlineStartColor: tokens.colorPaletteMarigoldBorderActive,
    color: tokens.colorNeutralForeground1,
  },
  strategy: {
    backgroundColor: tokens.colorBrandBackground2,
    borderInlineStartColor: tokens.colorBrandStroke1,
    color: tokens.colorBrandForeground2,
  },
  neutral: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderInlineStartColor: tokens.colorNeutralStroke1,
    color: tokens.colorNeutralForeground1,
  },
});

type Tone = 'risk' | 'breach' | 'evasion' | 'strategy' | 'neutral';

/** Presentation only: which colour and icon each state of the verdict wears. */
const LOOK: Record<HeadlineKind, { tone: Tone; Icon: typeof Mail20Regular }> = {
  risk: { tone: 'risk', Icon: ShieldError20Filled },
  breach: { tone: 'breach', Icon: ErrorCircle20Filled },
  'possible-evasion': { tone: 'evasion', Icon: PersonQuestionMark20Regular },
  'under-strategy': { tone: 'strategy', Icon: CheckmarkCircle20Regular },
  'not-in-force': { tone: 'neutral', Icon: History20Regular },
  'no-strategy': { tone: 'neutral', Icon: Mail20Regular },
};

export function Headline({
  headline,
  level = 3,
  riskInstruction,
}: {
  headline: HeadlineState;
  level?: 2 | 3;
  /** The force's immediate-risk instruction, as the risk headline's second line (core decides when). */
  riskInstruction?: string | undefined;
}) {
  const styles = useStyles();
  const { title, detail } = headlineText(headline, riskInstruction);
  const instruction = headline.kind === 'risk' && riskInstruction !== undefined;
  const { tone, Icon } = LOOK[headline.kind];
  const Title = level === 2 ? 'h2' : 'h3';
  return (
    <div className={mergeClasses(styles.box, styles[tone])} data-headline={headline.kind}>
      <Icon className={styles.icon} aria-hidden />
      <Title className={styles.title}>
        <WithAddresses text={title} />
      </Title>
      <p
        className={mergeClasses(styles.detail, instruction && styles.instruction)}
        {...(instruction ? { 'data-testid': 'immediate-risk' } : {})}
      >
        <WithAddresses text={detail} />
      </p>
    </div>
  );
}
