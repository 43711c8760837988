// A review pack drawn from core's reviewPack: the period, the decisions, the flags and indicators,
// and the breaches. Shared by the pane's supervisor tools and the register dialog, so both say the
// same thing; each page chooses the heading level that fits its outline.
import type { ReviewPack } from '../../core/supervisor';
import type { DispositionKind, FlagCode } from '../../core/types';
import { useShared } from '../../taskpane/components/styles';
import { DISPOSITION_DONE, INDICATOR_LABEL, formatDate } from '../../taskpane/view/labels';

/** 1: the pack is the page (the register dialog); 3: it sits under the pane's own headings. */
type Level = 1 | 3;

export function ReviewPackSummary({ pack, level }: { pack: ReviewPack; level: Level }) {
  const s = useShared();
  const Heading = level === 1 ? 'h1' : 'h3';
  const Sub = level === 1 ? 'h2' : 'h4';
  const flags = Object.entries(pack.byFlag) as Array<[FlagCode, number]>;
  const indicators = Object.entries(pack.byIndicator) as Array<[keyof typeof INDICATOR_LABEL, number]>;
  return (
    <section aria-labelledby={`pack-${pack.strategyId}`} className={s.section}>
      <Heading id={`pack-${pack.strategyId}`} className={s.subheading} tabIndex={-1}>
        Review pack: {pack.personName} ({pack.strategyId})
      </Heading>
      <p>
        Since {formatDate(pack.since.slice(0, 10))}: {pack.contacts} contact{pack.contacts === 1 ? '' : 's'},{' '}
        {pack.breaches.length} with a breach. Next review{' '}
        {pack.nextReviewDate ? formatDate(pack.nextReviewDate) : 'not set'}.
      </p>
      <Sub className={s.subheading}>Decisions</Sub>
      <ul className={s.list}>
        {(Object.entries(pack.byDisposition) as Array<[DispositionKind, number]>).map(([kind, n]) => (
          <li key={kind}>
            {DISPOSITION_DONE[kind]}: {n}
          </li>
        ))}
      </ul>
      {flags.length > 0 && (
        <>
          <Sub className={s.subheading}>Flags raised</Sub>
          <ul className={s.list}>
            {flags.map(([code, n]) => (
              <li key={code}>
                {code}: {n}
              </li>
            ))}
          </ul>
        </>
      )}
      {indicators.length > 0 && (
        <>
          <Sub className={s.subheading}>Indicators found</Sub>
          <ul className={s.list}>
            {indicators.map(([code, n]) => (
              <li key={code}>
                {INDICATOR_LABEL[code]}: {n}
              </li>
            ))}
          </ul>
        </>
      )}
      {pack.breaches.length > 0 && (
        <>
          <Sub className={s.subheading}>Breaches</Sub>
          <ul className={s.list}>
            {pack.breaches.map((r) => (
              <li key={r.key}>
                {formatDate(r.receivedDateTime.slice(0, 10))}: {r.flagCodes.join(', ')} (
                {DISPOSITION_DONE[r.disposition].toLowerCase()}, read by {r.reader})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
