// The checks' findings, grouped by severity, each with its sentence. Earlier-contact checks
// (contact limit, repeats) may still be on their way and say so.
import { Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle20Filled, Info20Regular, Warning20Filled } from '@fluentui/react-icons';
import { SEVERITIES, type Flag } from '../../core/types';
import type { HistoryStatus } from '../state/types';
import { SEVERITY_HEADING } from '../view/labels';
import { useShared } from './styles';
import { WithAddresses } from './Address';

/** Shown in their own block (adjustments) or the verdict (evasion); not repeated here. */
const SHOWN_ELSEWHERE = new Set<Flag['code']>(['REASONABLE_ADJUSTMENTS', 'POSSIBLE_EVASION']);

const useStyles = makeStyles({
  item: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  icon: { flexShrink: 0, marginBlockStart: '1px' },
  breach: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  inline: { display: 'inline' },
  summary: { cursor: 'pointer' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
});

const ICON = { breach: ErrorCircle20Filled, warning: Warning20Filled, info: Info20Regular };

export function Flags({
  flags,
  history,
  multiple,
}: {
  flags: readonly Flag[];
  history: HistoryStatus;
  multiple: boolean;
}) {
  const s = useShared();
  const styles = useStyles();
  const shown = flags.filter((f) => !SHOWN_ELSEWHERE.has(f.code));
  return (
    <section aria-labelledby="flags-heading" className={s.section}>
      <h2 id="flags-heading" className={s.heading}>
        Checks
      </h2>
      {history.kind === 'checking' && (
        <Spinner
          size="extra-tiny"
          labelPosition="after"
          label="Checking earlier contacts for the contact limit and repeats…"
        />
      )}
      {history.kind === 'failed' && (
        <p className={styles.item}>
          <Warning20Filled className={mergeClasses(styles.icon, styles.warning)} aria-hidden />
          Earlier contacts could not be checked ({history.message}), so the contact limit and repeated content
          are not known. Check the person&apos;s recent mail yourself.
        </p>
      )}
      {shown.length === 0 && history.kind !== 'checking' && (
        <p className={s.muted}>No checks raised a flag.</p>
      )}
      {SEVERITIES.map((severity) => {
        const group = shown.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const Icon = ICON[severity];
        const heading = (
          <h3 className={mergeClasses(s.subheading, styles.inline)}>
            {SEVERITY_HEADING[severity]} ({group.length})
          </h3>
        );
        const list = (
          <ul className={styles.list}>
            {group.map((f, i) => (
              <li key={`${f.code}:${f.strategyId}:${i}`} className={styles.item} data-flag={f.code}>
                <Icon className={mergeClasses(styles.icon, styles[severity])} aria-hidden />
                <span>
                  <WithAddresses text={f.message} />
                  {multiple && <span className={s.muted}> ({f.strategyId})</span>}
                </span>
              </li>
            ))}
          </ul>
        );
        // Information only, never a reason to act: one closed line, so breaches and warnings and
        // the read stay in view at 350 × 700. Breaches and warnings are always open.
        return severity === 'info' ? (
          <div key={severity}>
            <details>
              <summary className={styles.summary}>{heading}</summary>
              {list}
            </details>
          </div>
        ) : (
          <div key={severity}>
            {heading}
            {list}
          </div>
        );
      })}
    </section>
  );
}
