// Hits from two matchers (the shipped lists' and an organisation's own) as one matcher would have
// given them: within a label, an identical span once and a span inside a longer one left out; at
// most MAX_HITS_PER_LABEL per label; sorted by start, then end, then label order.
import { MAX_HITS_PER_LABEL, type Hit } from './matcher';

export function mergeHits<L extends string>(
  a: readonly Hit<L>[],
  b: readonly Hit<L>[],
  labelOrder: readonly L[],
): Hit<L>[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const rank = (label: L): number => labelOrder.indexOf(label);
  const byStartThenLongest = [...a, ...b].sort(
    (x, y) => x.start - y.start || y.end - x.end || rank(x.label) - rank(y.label),
  );
  const reach = new Map<L, number>(); // label → furthest end of a kept hit so far
  const count = new Map<L, number>();
  const kept = byStartThenLongest.filter(({ label, end }) => {
    if ((reach.get(label) ?? -1) >= end) return false;
    const n = count.get(label) ?? 0;
    if (n >= MAX_HITS_PER_LABEL) return false;
    reach.set(label, end);
    count.set(label, n + 1);
    return true;
  });
  return kept.sort((x, y) => x.start - y.start || x.end - y.end || rank(x.label) - rank(y.label));
}
