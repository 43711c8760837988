// What a strategy restricts: one summary line per matched strategy, the card on demand.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Strategy } from '../../core/types';
import { CHANNEL_LABEL, REASON_LABEL, STATUS_LABEL, formatDate, responsePolicyText } from '../view/labels';
import { CARD_LABEL, timeWindows } from '../../core/words';
import { WithAddresses } from './Address';

const useStyles = makeStyles({
  dl: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6em, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  dt: { color: tokens.colorNeutralForeground3 },
  // Ordinary words stay whole; addresses (Address.tsx) wrap at their @ and dots.
  dd: { margin: 0, minWidth: 0, overflowWrap: 'break-word' },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'break-word' },
});

export function Essentials({ strategy, open = false }: { strategy: Strategy; open?: boolean }) {
  const styles = useStyles();
  const rows = essentials(strategy);
  // One summary line until the handler asks for more: the card must not push the read below the
  // fold. <details> opens with Enter or Space and says whether it is open to a screen reader.
  return (
    <details
      className={styles.card}
      open={open}
      aria-label={`Strategy ${strategy.id}: ${strategy.personName}`}
    >
      <summary className={styles.summary}>
        Strategy card: {strategy.id}, {strategy.personName}
      </summary>
      <dl className={styles.dl}>
        {rows.map(([term, value]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.dt}>{term}</dt>
            <dd className={styles.dd}>
              <WithAddresses text={value} />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** [label, value] pairs for the fields a handler needs at a glance; empty fields are left out. */
export function essentials(st: Strategy): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    ['Status', STATUS_LABEL[st.status]],
    ['Channels', st.permittedChannels.map((c) => CHANNEL_LABEL[c]).join(', ') || 'None'],
    [CARD_LABEL.designatedAddress, st.designatedAddress],
    [
      CARD_LABEL.spoc,
      st.spoc &&
        `${st.spoc.name} (${st.spoc.address})${st.spoc.since ? ` since ${formatDate(st.spoc.since)}` : ''}`,
    ],
    [
      'Advocate',
      st.advocate &&
        `${st.advocate.name} (${st.advocate.addresses.join(', ')})${st.advocate.required ? ', must be used' : ''}`,
    ],
    ['Responses', responsePolicyText(st.responsePolicy, st.responseDays)],
    ['Contact limit', st.contactLimit && `${st.contactLimit.max} per ${st.contactLimit.periodDays} days`],
    ['Times', st.permittedTimes.length ? timeWindows(st.permittedTimes) : undefined],
    ['Reopening', st.refuseReopen ? 'Closed matters are not reopened' : undefined],
    ['Matters', st.matterRefs.join(', ')],
    ['Reasons', st.reasons.map((r) => REASON_LABEL[r]).join(', ')],
    ['Next review', formatDate(st.nextReviewDate)],
    ['Decided by', st.decidedBy],
  ];
  return rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '');
}
