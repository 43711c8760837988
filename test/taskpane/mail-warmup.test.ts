// While the handler reads, the pane looks up what the forward or the move will need, so that
// "Record" costs at most the log row and the mail action. Only when a forward or a move is likely.
import { FakeMail, SETTINGS, message, rig, settle, strategy } from './fakes';

class PreparingMail extends FakeMail {
  async prepare(restId: string, folder?: string) {
    this.calls.push(['prepare', restId, folder]);
  }
}

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
