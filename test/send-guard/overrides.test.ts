import {
  OVERRIDE_WINDOW_MS,
  readPending,
  reconcile,
  rememberAlert,
  settleAlerts,
  writePending,
  type PendingAlert,
} from '../../src/send-guard/overrides';
import { memoryStore } from '../../src/send-guard/snapshot';
import { buildIndex } from '../../src/core/match';
import { decideSend } from '../../src/core/send-guard';
import { newStrategy } from '../../src/core/strategy';

const AT = Date.parse('2025-06-06T10:00:00Z');
const JO = 'jo.colleague@force.example.police.uk';
const alert: PendingAlert = {
  alertedAt: AT,
  sender: JO,
  recipients: ['casey.quinn@example.com'],
  strategyIds: ['CS-0046'],
  personNames: ['Casey Quinn'],
  mode: 'promptUser',
};

describe('reconcile: Send anyway in the contact log', () => {
  it('a sent mail to the alerted person after the alert is an outbound override: who, to whom, when', () => {
    const { overrides, pending } = reconcile(
      [alert],
      [{ sentAt: AT + 5_000, recipients: ['Casey.Quinn@example.com', 'psd@force.example.police.uk'] }],
      AT + 60_000,
    );
    expect(pending).toEqual([]);
    expect(overrides).toEqual([
      expect.objectContaining({
        entry: 'outbound-override',
        sender: JO,
        alertedAt: '2025-06-06T10:00:00.000Z',
        sentAt: '2025-06-06T10:00:05.000Z',
        recipients: ['casey.quinn@example.com'],
        strategyIds: ['CS-0046'],
        personNames: ['Casey Quinn'],
      }),
    ]);
    expect(overrides[0]?.key).toMatch(/^[0-9a-f]{32}$/);
  });

  it("a mail without the person (Don't send, recipient removed) is no override; the alert waits", () => {
    const { overrides, pending } = reconcile(
      [alert],
      [{ sentAt: AT + 5_000, recipients: ['psd@force.example.police.uk'] }],
      AT + 60_000,
    );
    expect(overrides).toEqual([]);
    expect(pending).toEqual([alert]);
  });

  it('mail sent before the alert or after the window does not count, and the alert is then forgotten', () => {
    const sent = [
      { sentAt: AT - 1, recipients: ['casey.quinn@example.com'] },
      { sentAt: AT + OVERRIDE_WINDOW_MS + 1, recipients: ['casey.quinn@example.com'] },
    ];
    expect(reconcile([alert], sent, AT + OVERRIDE_WINDOW_MS + 2)).toEqual({ overrides: [], pending: [] });
  });

  it('the same alert reconciled twice gives the same key (the log write is idempotent)', () => {
    const sent = [{ sentAt: AT + 1_000, recipients: ['casey.quinn@example.com'] }];
    expect(reconcile([alert], sent, AT).overrides[0]?.key).toBe(
      reconcile([alert], sent, AT + 9).overrides[0]?.key,
    );
  });
});

describe('rememberAlert', () => {
  it('keeps addresses and names only, and a second alert for the same people replaces the first', async () => {
    const store = memoryStore();
    const casey = newStrategy({
      id: 'CS-0046',
      personName: 'Casey Quinn',
      emailAddresses: ['casey.quinn@example.com'],
      status: 'active',
      responsePolicy: 'read-not-respond',
    });
    const mail = { kind: 'reply' as const, to: [{ address: 'casey.quinn@example.com' }], cc: [], bcc: [] };
    const decision = decideSend(buildIndex([casey]), mail, { address: JO, isSupervisor: false });
    if (decision.kind !== 'alert') throw new Error('expected an alert');
    await rememberAlert(store, decision, mail, JO, AT);
    await rememberAlert(store, decision, mail, JO, AT + 10);
    expect(await readPending(store)).toEqual([{ ...alert, alertedAt: AT + 10 }]);
  });
});

describe('settleAlerts', () => {
  it('writes the override row, forgets the alert, and keeps an alert raised meanwhile', async () => {
    const store = memoryStore();
    await writePending(store, [alert]);
    const written: string[] = [];
    const later = { ...alert, alertedAt: AT + 20_000, recipients: ['pat.sample@example.org'] };
    const settled = await settleAlerts(
      store,
      {
        sentSince: async () => {
          await writePending(store, [alert, later]);
          return [{ sentAt: AT + 1_000, recipients: ['casey.quinn@example.com'] }];
        },
        write: async (r) => void written.push(r.personNames.join()),
      },
      JO,
      AT + 30_000,
    );
    expect(settled).toBe(1);
    expect(written).toEqual(['Casey Quinn']);
    expect(await readPending(store)).toEqual([later]);
  });

  it('keeps the alert when the log cannot be written, to write it next time', async () => {
    const store = memoryStore();
    await writePending(store, [alert]);
    const ports = {
      sentSince: async () => [{ sentAt: AT + 1_000, recipients: ['casey.quinn@example.com'] }],
      write: () => Promise.reject(new Error('503')),
    };
    expect(await settleAlerts(store, ports, JO, AT + 2_000)).toBe(0);
    expect(await readPending(store)).toEqual([alert]);
  });

  it("leaves another sender's alert alone: their Don't send is not answered by this sender's mail", async () => {
    const store = memoryStore();
    const sams = { ...alert, sender: 'sam.supervisor@force.example.police.uk' };
    await writePending(store, [sams, alert]);
    const written: string[] = [];
    const ports = {
      sentSince: async () => [{ sentAt: AT + 1_000, recipients: ['casey.quinn@example.com'] }],
      write: async (r: { sender: string }) => void written.push(r.sender),
    };
    // Signed in as Jo, with different case: only Jo's alert is settled, once.
    expect(await settleAlerts(store, ports, 'Jo.Colleague@force.example.police.uk', AT + 2_000)).toBe(1);
    expect(written).toEqual([JO]);
    expect(await readPending(store)).toEqual([sams]);
  });
});
