import fc from 'fast-check';
import { makeFlag } from '../../src/core/checks/flag';
import {
  answer,
  confirmOpened,
  decide,
  GateError,
  readingFinished,
  startGate,
  unanswered,
  type Answered,
  type DecisionContext,
  type GateState,
  type Reading,
} from '../../src/core/gate';
import { READ_QUESTIONS, type Flag, type ReadAnswers, type ReadQuestion } from '../../src/core/types';

const RBNR = makeFlag('READ_NOT_RESPOND', 'CS-1', 'responsePolicy', 'Read but do not respond.');
const NOT_SPOC = makeFlag('NOT_SPOC', 'CS-2', 'spoc', 'Sent to other staff.');
const LIMIT = makeFlag('CONTACT_LIMIT_EXCEEDED', 'CS-2', 'contactLimit', 'Over the limit.');
const OTHER = makeFlag('OTHER_MATTER', 'CS-1', 'matterRefs', 'Cites another matter.');
const ADJ = makeFlag('REASONABLE_ADJUSTMENTS', 'CS-1', 'reasonableAdjustments', 'Large print.');

const ctx = (flags: Flag[], escalationMailbox?: string): DecisionContext => ({
  flags,
  rbnrFolder: 'Contact strategy - RBNR',
  ...(escalationMailbox ? { escalationMailbox } : {}),
});

function answerAll(values: ReadAnswers): Answered {
  let s: Reading | Answered = startGate();
  for (const q of READ_QUESTIONS) s = answer(s, q, values[q]);
  if (s.phase !== 'answered') throw new Error('expected answered');
  return s;
}

const allNo: ReadAnswers = {
  newComplaintOrAllegation: false,
  criminalMatter: false,
  safeguardingOrRisk: false,
  otherAction: false,
};

describe('answering', () => {
  it('stays in reading until all four questions have an answer', () => {
    let s: Reading | Answered = startGate();
    s = answer(s, 'criminalMatter', false);
    s = answer(s, 'safeguardingOrRisk', false);
    s = answer(s, 'otherAction', false);
    expect(s.phase).toBe('reading');
    expect(unanswered(s)).toEqual(['newComplaintOrAllegation']);
    s = answer(s, 'newComplaintOrAllegation', true);
    expect(s.phase).toBe('answered');
  });

  it('lets an answer be changed before the decision', () => {
    const s = answer(answerAll(allNo), 'otherAction', true);
    expect(s.answers.otherAction).toBe(true);
  });

  it('refuses to change answers once decided', () => {
    const d = decide(answerAll(allNo), ctx([]));
    expect(() => answer(d as unknown as Answered, 'otherAction', true)).toThrow(GateError);
  });

  it('rejects a non-boolean answer from an untyped caller', () => {
    expect(() => answer(startGate(), 'otherAction', 'no' as unknown as boolean)).toThrow('yes or no');
  });
});

describe('decide', () => {
  it('throws, naming the missing questions, for a partial read smuggled past the types', () => {
    const partial = answer(startGate(), 'criminalMatter', false) as unknown as Answered;
    expect(() => decide(partial, ctx([RBNR]))).toThrow(
      /still unanswered: newComplaintOrAllegation, safeguardingOrRisk, otherAction/,
    );
    const forged = { phase: 'answered', answers: { criminalMatter: false } } as unknown as Answered;
    expect(() => decide(forged, ctx([RBNR]))).toThrow(GateError);
  });

  it('escalates on any yes, with the yes questions as reasons and the configured mailbox', () => {
    const d = decide(
      answerAll({ ...allNo, safeguardingOrRisk: true, otherAction: true }),
      ctx([RBNR], 'safeguarding@force.example.police.uk'),
    );
    expect(d.disposition).toEqual({
      kind: 'escalate',
      reasons: ['safeguardingOrRisk', 'otherAction'],
      forwardTo: 'safeguarding@force.example.police.uk',
    });
  });

  it('escalates without a forward address when none is configured', () => {
    const d = decide(answerAll({ ...allNo, criminalMatter: true }), ctx([]));
    expect(d.disposition).toEqual({ kind: 'escalate', reasons: ['criminalMatter'] });
  });

  it('auto-files an all-no read for an RBNR strategy into the RBNR folder', () => {
    expect(decide(answerAll(allNo), ctx([ADJ, RBNR])).disposition).toEqual({
      kind: 'auto-file',
      strategyId: 'CS-1',
      folder: 'Contact strategy - RBNR',
    });
  });

  it('prefers auto-file over breach when RBNR and a breach both apply (no reply under RBNR)', () => {
    expect(decide(answerAll(allNo), ctx([NOT_SPOC, RBNR])).disposition.kind).toBe('auto-file');
  });

  it('does not auto-file an RBNR match when the email cites a matter the strategy does not cover', () => {
    expect(decide(answerAll(allNo), ctx([RBNR, OTHER])).disposition).toEqual({ kind: 'handled-normally' });
  });

  it('reports a breach with its strategies and distinct codes, reminder available', () => {
    expect(decide(answerAll(allNo), ctx([ADJ, NOT_SPOC, LIMIT])).disposition).toEqual({
      kind: 'breach',
      strategyIds: ['CS-2'],
      breachCodes: ['NOT_SPOC', 'CONTACT_LIMIT_EXCEEDED'],
      reminderAvailable: true,
    });
  });

  it('offers no reminder when the only breached strategy is RBNR but taken outside by another matter', () => {
    const breachOnRbnr = makeFlag('WRONG_ADDRESS', 'CS-1', 'designatedAddress', 'Wrong address.');
    const d = decide(answerAll(allNo), ctx([RBNR, OTHER, breachOnRbnr]));
    expect(d.disposition).toEqual({
      kind: 'breach',
      strategyIds: ['CS-1'],
      breachCodes: ['WRONG_ADDRESS'],
      reminderAvailable: false,
    });
  });

  it('handles normally when nothing applies', () => {
    expect(decide(answerAll(allNo), ctx([ADJ])).disposition).toEqual({ kind: 'handled-normally' });
  });
});

describe('gate properties', () => {
  const question = fc.constantFrom(...READ_QUESTIONS);
  const step = fc.tuple(question, fc.boolean());
  const flagsArb = fc.subarray([RBNR, NOT_SPOC, LIMIT, OTHER, ADJ]);

  function run(steps: [ReadQuestion, boolean][]): Reading | Answered {
    return steps.reduce<Reading | Answered>((s, [q, v]) => answer(s, q, v), startGate());
  }

  it('never reaches a disposition without four answers, whatever the sequence', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), flagsArb, (steps, flags) => {
        const s = run(steps);
        const answeredAll = new Set(steps.map(([q]) => q)).size === READ_QUESTIONS.length;
        expect(s.phase).toBe(answeredAll ? 'answered' : 'reading');
        if (s.phase === 'reading') {
          expect(() => decide(s as unknown as Answered, ctx(flags))).toThrow(GateError);
        } else {
          const d: GateState = decide(s, ctx(flags));
          expect(Object.keys(d.answers).sort()).toEqual([...READ_QUESTIONS].sort());
        }
      }),
    );
  });

  it('always escalates on any yes, whatever the strategy flags', () => {
    fc.assert(
      fc.property(
        fc.record({
          newComplaintOrAllegation: fc.boolean(),
          criminalMatter: fc.boolean(),
          safeguardingOrRisk: fc.boolean(),
          otherAction: fc.boolean(),
        }),
        flagsArb,
        (answers, flags) => {
          const d = decide(answerAll(answers), ctx(flags));
          const anyYes = READ_QUESTIONS.some((q) => answers[q]);
          expect(d.disposition.kind === 'escalate').toBe(anyYes);
          if (d.disposition.kind === 'escalate')
            expect(d.disposition.reasons).toEqual(READ_QUESTIONS.filter((q) => answers[q]));
        },
      ),
    );
  });

  it('never auto-files an RBNR message without four answers', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 3 }), (steps) => {
        const s = run(steps);
        expect(s.phase).toBe('reading');
        expect(() => decide(s as unknown as Answered, ctx([RBNR]))).toThrow(GateError);
      }),
    );
  });
});

describe('what the add-in could not read', () => {
  const answered = (s: Reading | Answered): Reading | Answered =>
    READ_QUESTIONS.reduce<Reading | Answered>((g, q) => answer(g, q, false), s);

  it('records nothing while the attachments are still being read', () => {
    const s = answered(startGate({ kind: 'reading' }));
    expect(s.phase).toBe('reading');
    expect(() => decide(s as unknown as Answered, ctx([]))).toThrow('still reading the attachments');
  });

  it('needs "I have opened every attachment" when one was not read, and keeps the answers given', () => {
    let s = answered(startGate({ kind: 'reading' }));
    s = readingFinished(s, { attachments: 2, attachmentsRead: 1, bodyUnread: false });
    expect(s.phase).toBe('reading');
    expect(() => decide(s as unknown as Answered, ctx([]))).toThrow('confirm you have opened it');
    s = confirmOpened(s, true);
    expect(s.phase).toBe('answered');
    const d = decide(s as Answered, ctx([]));
    expect(d.open).toMatchObject({ attachments: 2, attachmentsRead: 1, opened: true });
    expect(s.answers).toEqual(allNo);
  });

  it('asks the same of a body the add-in could not read, and undoing the answer blocks again', () => {
    let s = readingFinished(answered(startGate({ kind: 'reading' })), {
      attachments: 0,
      attachmentsRead: 0,
      bodyUnread: true,
    });
    s = confirmOpened(confirmOpened(s, true), false);
    expect(s.phase).toBe('reading');
  });

  it('asks nothing more when everything was read, and refuses a confirmation nobody was asked for', () => {
    const s = readingFinished(answered(startGate({ kind: 'reading' })), {
      attachments: 3,
      attachmentsRead: 3,
      bodyUnread: false,
    });
    expect(s.phase).toBe('answered');
    expect(() => confirmOpened(s, true)).toThrow(GateError);
  });

  it('never reaches a decision with an unconfirmed unread attachment, in any order of steps', () => {
    type Step =
      | { q: ReadQuestion; v: boolean }
      | { finished: { attachments: number; attachmentsRead: number; bodyUnread: boolean } }
      | { opened: boolean };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ q: fc.constantFrom(...READ_QUESTIONS), v: fc.boolean() }),
      fc.record({
        finished: fc
          .record({ attachments: fc.nat(4), unread: fc.nat(4), bodyUnread: fc.boolean() })
          .map(({ attachments, unread, bodyUnread }) => ({
            attachments,
            attachmentsRead: Math.max(0, attachments - unread),
            bodyUnread,
          })),
      }),
      fc.record({ opened: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let s: Reading | Answered = startGate({ kind: 'reading' });
        for (const st of steps) {
          if ('q' in st) s = answer(s, st.q, st.v);
          else if ('finished' in st) s = readingFinished(s, st.finished);
          else if (s.open.kind === 'open-required') s = confirmOpened(s, st.opened);
        }
        const decidable = s.phase === 'answered';
        const open = s.open;
        const unreadLeft = open.kind === 'reading' || (open.kind === 'open-required' && !open.opened);
        expect(decidable && unreadLeft).toBe(false);
        if (!decidable) expect(() => decide(s as unknown as Answered, ctx([]))).toThrow(GateError);
      }),
    );
  });
});
