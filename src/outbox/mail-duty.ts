// Before a forward or a move, which an earlier decision on the same message may already carry:
// the pane's own row must be in the contact log first, then the message's rows are read back
// and core decides (core/message-status.ts earlierMail). Two panes deciding at once both read
// back both rows and agree which came first, so one forward goes out, not two.
import { earlierMail, type EarlierMail } from '../core/message-status';
import type { ContactLogRecord } from '../core/types';
import type { ContactLogRepository } from '../graph/types';
import type { Outbox } from './outbox';

export async function earlierMailFor(
  outbox: Pick<Outbox, 'holds' | 'flush'>,
  log: Pick<ContactLogRepository, 'forMessage'>,
  record: Pick<ContactLogRecord, 'key' | 'messageKey'>,
): Promise<EarlierMail> {
  if (await outbox.holds(record.key)) {
    await outbox.flush();
    if (await outbox.holds(record.key)) return { kind: 'unconfirmed' };
  }
  return earlierMail(await log.forMessage(record.messageKey), record.key);
}
