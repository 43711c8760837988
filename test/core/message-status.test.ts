// Who has a message, derived from its log rows alone: already triaged (by whom, when, what),
// being read now, and which mail actions an earlier decision already carries.
import {
  earlierMail,
  messageStatus,
  statusSentences,
  type DecisionRow,
  type MessageLogRow,
} from '../../src/core/message-status';

const NOW = new Date('2025-03-04T10:45:00Z');
const ZONE = 'Europe/London';
const ALEX = 'alex.handler@force.example.police.uk';
const SAM = 'sam.supervisor@force.example.police.uk';

const decision = (over: Partial<DecisionRow> & { order: number }): DecisionRow => ({
  kind: 'decision',
  key: `d${over.order}`,
  reader: ALEX,
  readerName: 'Alex Handler',
  at: '2025-03-04T10:42:00Z',
  disposition: 'escalate',
  ...over,
});
const claim = (order: number, reader: string, at: string, readerName?: string): MessageLogRow => ({
  kind: 'claim',
  key: `c${order}`,
  order,
  reader,
  at,
  ...(readerName ? { readerName } : {}),
});

describe('messageStatus', () => {
  it('says who triaged it, when and what, and who is reading it now', () => {
    const rows = [claim(3, SAM, '2025-03-04T10:40:00Z', 'Sam Supervisor'), decision({ order: 2 })];
    const status = messageStatus(rows, 'hana.handler@force.example.police.uk', NOW);
    expect(statusSentences(status, NOW, ZONE)).toEqual([
      'Already triaged by Alex Handler at 10:42: escalated.',
      'Being read by Sam Supervisor since 10:40.',
    ]);
  });

  it('forgets a claim once its reader decided, once it is stale, and never shows my own', () => {
    const rows = [
      claim(1, ALEX, '2025-03-04T10:30:00Z'),
      decision({ order: 2 }),
      claim(3, SAM, '2025-03-04T09:00:00Z'),
      claim(4, 'hana.handler@force.example.police.uk', '2025-03-04T10:44:00Z'),
    ];
    expect(messageStatus(rows, 'Hana.Handler@force.example.police.uk', NOW).readingNow).toEqual([]);
  });

  it('lists a second read after the first decision, in the log’s order', () => {
    const rows = [
      decision({
        order: 9,
        kind: 'second-read',
        reader: SAM,
        readerName: 'Sam Supervisor',
        disposition: 'handled-normally',
        at: '2025-03-04T10:44:00Z',
      }),
      decision({ order: 2 }),
    ];
    expect(statusSentences(messageStatus(rows, SAM, NOW), NOW, ZONE)).toEqual([
      'Already triaged by Alex Handler at 10:42: escalated.',
      'Second read by Sam Supervisor at 10:44: no concerns.',
    ]);
  });

  it('says nothing about a message nobody has touched', () => {
    expect(statusSentences(messageStatus([], ALEX, NOW), NOW, ZONE)).toEqual([]);
  });
});

describe('earlierMail', () => {
  it('gives the forward to the decision the log took first, whichever pane asks', () => {
    const a = decision({ order: 5, key: 'a', forwardedTo: 'safeguarding@force.example.police.uk' });
    const b = decision({
      order: 6,
      key: 'b',
      reader: SAM,
      forwardedTo: 'safeguarding@force.example.police.uk',
    });
    for (const rows of [
      [a, b],
      [b, a],
    ]) {
      expect(earlierMail(rows, 'a')).toEqual({ kind: 'known', forwardedBy: null, movedBy: null });
      expect(earlierMail(rows, 'b')).toEqual({ kind: 'known', forwardedBy: a, movedBy: null });
    }
  });

  it('skips a move an earlier decision made, and a claim carries nothing', () => {
    const filed = decision({ order: 1, key: 'f', disposition: 'auto-file', folder: 'RBNR' });
    const rows = [claim(0, SAM, '2025-03-04T10:40:00Z'), filed, decision({ order: 3, key: 'mine' })];
    expect(earlierMail(rows, 'mine')).toEqual({ kind: 'known', forwardedBy: null, movedBy: filed });
  });

  it('cannot say before its own row is in the log', () => {
    expect(earlierMail([decision({ order: 1 })], 'not-yet')).toEqual({ kind: 'unconfirmed' });
  });
});
