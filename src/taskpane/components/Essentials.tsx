// What a strategy restricts, in one compact block per matched strategy.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Strategy } from '../../core/types';
import { CHANNEL_LABEL, REASON_LABEL, STATUS_LABEL, formatDate, responsePolicyText } from '../view/labels';
import { useShared } from './styles';

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
  dd: { margin: 0, overflowWrap: 'anywhere' },
});

export function Essentials({ strategy }: { strategy: Strategy }) {
  const s = useShared();
  const styles = useStyles();
  const rows = essentials(strategy);
  return (
    <section aria-labelledby={`essentials-${strategy.id}`} className={s.section}>
      <h2 id={`essentials-${strategy.id}`} className={s.heading}>
        Strategy {strategy.id}: {strategy.personName}
      </h2>
      <dl className={styles.dl}>
        {rows.map(([term, value]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.dt}>{term}</dt>
            <dd className={styles.dd}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** [label, value] pairs for the fields a handler needs at a glance; empty fields are left out. */
export function essentials(st: Strategy): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    ['Status', STATUS_LABEL[st.status]],
    ['Channels', st.permittedChannels.map((c) => CHANNEL_LABEL[c]).join(', ') || 'None'],
    ['Write to', st.designatedAddress],
    [
      'SPOC',
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
    [
      'Times',
      st.permittedTimes.length
        ? st.permittedTimes.map((t) => `${t.days.join(', ')} ${t.from}-${t.to}`).join('; ')
        : undefined,
    ],
    ['Reopening', st.refuseReopen ? 'Closed matters are not reopened' : undefined],
    ['Matters', st.matterRefs.join(', ')],
    ['Reasons', st.reasons.map((r) => REASON_LABEL[r]).join(', ')],
    ['Next review', formatDate(st.nextReviewDate)],
    ['Decided by', st.decidedBy],
  ];
  return rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '');
}
