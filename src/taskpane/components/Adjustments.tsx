// Reasonable adjustments (durham rec 1, lancs 3.13): shown before anything else about the
// strategy, because every reply and every contact must honour them.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Strategy } from '../../core/types';
import { formatDate } from '../view/labels';
import { useShared } from './styles';

const useStyles = makeStyles({
  box: {
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    paddingInlineStart: tokens.spacingHorizontalM,
  },
});

export function Adjustments({ strategies }: { strategies: readonly Strategy[] }) {
  const s = useShared();
  const styles = useStyles();
  const withAdjustments = strategies.filter((st) => st.reasonableAdjustments.length > 0);
  if (withAdjustments.length === 0) return null;
  return (
    <section aria-labelledby="adjustments-heading" className={mergeClasses(s.section, styles.box)}>
      <h2 id="adjustments-heading" className={s.heading}>
        Reasonable adjustments
      </h2>
      {withAdjustments.map((st) => (
        <div key={st.id}>
          {withAdjustments.length > 1 && <h3 className={s.subheading}>{st.id}</h3>}
          <ul className={s.list}>
            {st.reasonableAdjustments.map((a, i) => (
              <li key={i}>
                {a.description}
                {a.reviewDate && <span className={s.muted}> (review by {formatDate(a.reviewDate)})</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
