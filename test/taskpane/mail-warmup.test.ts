// While the handler reads, the pane looks up what the forward or the move will need, so that
// "Record" costs at most the log row and the mail action. Only when a forward or a move is likely.
// A shared item still in front is tagged with the categories Outlook holds, not read through Graph.
import type { TogetherOutcome, TogetherRequest } from '../../src/graph/types';
import { FakeMail, SETTINGS, message, rig, settle, strategy } from './fakes';

class PreparingMail extends FakeMail {
  async prepare(restId: string, folder?: string) {
    this.calls.push(['prepare', restId, folder]);
  }
}

const QUESTIONS = [
  'newComplaintOrAllegation',
  'criminalMatter',
  'safeguardingOrRisk',
  'otherAction',
] as const;
const answerAll = (r: ReturnType<typeof rig>, yes?: (typeof QUESTIONS)[number]) => {
  for (const q of QUESTIONS) r.controller.answer(q, q === yes);
};

const prepared = (mail: FakeMail) => mail.calls.filter((c) => c[0] === 'prepare');

async function reading(opts: Parameters<typeof rig>[0]) {
  const mail = new PreparingMail();
  const r = rig({ ...opts, mail });
  await r.controller.start();
  await settle();
  return { r, mail };
}

test('read-not-respond: the first answer looks up the item and the filing folder', async () => {
  const { r, mail } = await reading({
    strategies: [strategy({ spoc: undefined, responsePolicy: 'read-not-respond' })],
  });
  r.controller.answer('newComplaintOrAllegation', false);
  expect(prepared(mail)).toEqual([['prepare', message().restId, SETTINGS.rbnrFolder]]);
});

test('a "yes" (a possible escalation and forward) looks up the item; "no" in the own mailbox does not', async () => {
  const { r, mail } = await reading({ strategies: [strategy({ spoc: undefined })] });
  r.controller.answer('newComplaintOrAllegation', false);
  expect(prepared(mail)).toEqual([]);
  r.controller.answer('safeguardingOrRisk', true);
  expect(prepared(mail)).toEqual([['prepare', message().restId, undefined]]);
});

test('a shared item in front is tagged through Graph with the categories Outlook holds', async () => {
  const shared = message({ mailboxOwner: 'psd@force.example.police.uk' });
  const seen: Array<readonly string[] | undefined> = [];
  class Recording extends PreparingMail {
    override async addCategories(_id: string, _names: readonly string[], current?: readonly string[]) {
      seen.push(current);
    }
  }
  const mail = new Recording();
  const r = rig({ strategies: [strategy({ spoc: undefined })], first: shared, mail });
  r.host.getCategories = async () => ['Theirs'];
  await r.controller.start();
  await settle();
  answerAll(r);
  await r.controller.record();
  await settle();
  expect(seen).toEqual([['Theirs']]);
});

test('a shared item escalated: tag and forward go together, and a failed tag is reported while the forward stands', async () => {
  const shared = message({ mailboxOwner: 'psd@force.example.police.uk' });
  const asked: TogetherRequest[] = [];
  class Together extends PreparingMail {
    async tagAndAct(_id: string, what: TogetherRequest): Promise<TogetherOutcome> {
      asked.push(what);
      return { tag: { ok: false, error: new Error('tag refused') }, forward: { ok: true } };
    }
  }
  const r = rig({ strategies: [strategy({ spoc: undefined })], first: shared, mail: new Together() });
  r.host.getCategories = async () => ['Theirs'];
  await r.controller.start();
  await settle();
  answerAll(r, 'safeguardingOrRisk');
  await r.controller.record();
  await settle();
  expect(asked).toEqual([
    {
      tag: { current: ['Theirs'], names: [SETTINGS.categories.escalate] },
      forward: {
        to: SETTINGS.escalationMailbox,
        comment: expect.stringContaining('Escalated after the read'),
      },
    },
  ]);
  const state = r.controller.getState();
  const record = state.phase === 'ready' && state.item.kind === 'shown' ? state.item.record : null;
  expect(record).toMatchObject({
    kind: 'recorded',
    mail: 'failed',
    steps: { forward: true, categories: false },
  });
});
