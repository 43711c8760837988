// The register's sort and filter: pure, so the table only draws what these decide.
import { type RegisterRow, kindLabel } from '../../core/register/register';

export type SortKey =
  'person' | 'status' | 'kind' | 'spoc' | 'review' | 'spocRotation' | 'adjustments' | 'contacts' | 'breaches';
export type Sort = { key: SortKey; direction: 'ascending' | 'descending' };

const earliestAdjustment = (r: RegisterRow): string =>
  r.adjustmentReviews.map((a) => a.due.date).sort()[0] ?? '';

/** The value a column sorts by; a missing date sorts after every date either way round. */
function value(r: RegisterRow, key: SortKey): string | number {
  switch (key) {
    case 'person':
      return r.personName.toLowerCase();
    case 'status':
      return r.status;
    case 'kind':
      return r.kinds.map(kindLabel).join('; ');
    case 'spoc':
      return (r.spoc ?? '').toLowerCase();
    case 'review':
      // An ended strategy has no review to come: it sorts with the rows without a date.
      return r.review.kind === 'due' ? r.review.date : '';
    case 'spocRotation':
      return r.spocRotation?.date ?? '';
    case 'adjustments':
      return earliestAdjustment(r);
    case 'contacts':
      return r.contacts;
    case 'breaches':
      return r.breaches;
  }
}

export function sortRows(rows: readonly RegisterRow[], sort: Sort): RegisterRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x === '' && y !== '') return 1;
    if (y === '' && x !== '') return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? sign * c : a.id.localeCompare(b.id);
  });
}

/** Rows whose name, reference, SPOC or kind contains every word typed, ignoring case. */
export function filterRows(rows: readonly RegisterRow[], text: string): RegisterRow[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = [r.personName, r.id, r.spoc ?? '', r.status, ...r.kinds.map(kindLabel)]
      .join(' ')
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
