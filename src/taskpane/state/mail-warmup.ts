// While the handler reads, the pane looks up what recording may need for the mail (the item's
// immutable id; the filing folder's id under read-not-respond), so that after "Record" the
// decision costs the log row and the mail action only (issue #12: at most two Graph requests).
// Only when a forward or a move is likely: a "yes" answer may escalate and forward, a
// read-not-respond strategy files, and a shared item is tagged through Graph, which needs the id
// anyway. A failed look-up costs nothing: recording looks again.
import type { Settings } from '../../graph/types';
import { mailActionsFor, type TriageServices } from './services';
import type { ShownItem } from './types';

export function warmMail(services: TriageServices, item: ShownItem, settings: Settings, yes: boolean): void {
  const mail = mailActionsFor(services, item.message);
  if (!mail.prepare) return;
  const files = item.evaluation.matches.some(
    (m) => item.strategies.get(m.strategyId)?.responsePolicy === 'read-not-respond',
  );
  if (!yes && !files && !item.message.mailboxOwner) return;
  void mail.prepare(item.message.restId, files ? settings.rbnrFolder : undefined).catch(() => undefined);
}
