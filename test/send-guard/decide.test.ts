import fc from 'fast-check';
import { buildIndex } from '../../src/core/match';
import {
  ALERT_MESSAGE_LIMIT,
  DEFAULT_SEND_GUARD,
  alertMessage,
  decideSend,
  parseSendGuardSettings,
  type GuardFinding,
  type OutgoingMail,
  type Sender,
} from '../../src/core/send-guard';
import { newStrategy } from '../../src/core/strategy';
import type { Mailbox } from '../../src/core/types';

const STAFF = 'force.example.police.uk';
const ALEX = `alex.handler@${STAFF}`;
const SAM = `sam.supervisor@${STAFF}`;

const pat = newStrategy({
  id: 'CS-0043',
  personName: 'Pat Sample',
  emailAddresses: ['pat.sample@example.org'],
  status: 'active',
  permittedChannels: ['post'],
});
const casey = newStrategy({
  id: 'CS-0046',
  personName: 'Casey Quinn',
  emailAddresses: ['casey.quinn@example.com'],
  status: 'active',
  responsePolicy: 'read-not-respond',
});
const morgan = newStrategy({
  id: 'CS-0044',
  personName: 'Morgan Test',
  emailAddresses: ['morgan.test@example.com'],
  status: 'active',
  advocate: { name: 'Ann Advocate', addresses: ['ann.advocate@advocacy.example.org'], required: true },
});
const paul = newStrategy({
  id: 'CS-0042',
  personName: 'Paul Example',
  emailAddresses: ['paul.example@example.com'],
  status: 'active',
  spoc: { name: 'Alex Handler', address: ALEX },
});
const sandy = newStrategy({
  id: 'CS-0048',
  personName: 'Sandy Former',
  emailAddresses: ['sandy.former@example.com'],
  status: 'ended',
  permittedChannels: ['post'],
});
const index = buildIndex([pat, casey, morgan, paul, sandy]);

const handler: Sender = { address: `jo.colleague@${STAFF}`, isSupervisor: false };
const supervisor: Sender = { address: SAM, isSupervisor: true };

function mail(to: string[], extra: Partial<OutgoingMail> = {}): OutgoingMail {
  return { kind: 'new', to: to.map((address) => ({ address })), cc: [], bcc: [], ...extra };
}

function sentences(decision: ReturnType<typeof decideSend>): string[] {
  return decision.kind === 'alert' ? decision.findings.map((f) => f.sentence) : [];
}

describe('decideSend: each strategy kind', () => {
  it('post only: names the person, the rule and the letter to send instead, soft block', () => {
    const d = decideSend(index, mail(['pat.sample@example.org']), handler);
    expect(d).toMatchObject({ kind: 'alert', mode: 'softBlock' });
    expect(sentences(d)).toEqual(['Pat Sample: contact by post only. Send a letter instead.']);
  });

  it('read but do not respond: asks for a supervisor, prompting the user', () => {
    const d = decideSend(index, mail(['Casey.Quinn@Example.com']), handler);
    expect(d).toMatchObject({ kind: 'alert', mode: 'promptUser' });
    expect(sentences(d)).toEqual([
      "Casey Quinn: read but do not respond. A reply needs a supervisor's approval.",
    ]);
  });

  it('advocate required: says whom to write to instead', () => {
    const d = decideSend(index, mail(['morgan.test@example.com']), handler);
    expect(sentences(d)).toEqual(['Morgan Test: write to Ann Advocate instead.']);
  });

  it('writing to the advocate is what the strategy asks for: allowed', () => {
    expect(decideSend(index, mail(['ann.advocate@advocacy.example.org']), handler).kind).toBe('allow');
  });

  it('single point of contact: names the SPOC to anyone else', () => {
    const d = decideSend(index, mail(['paul.example@example.com']), handler);
    expect(sentences(d)).toEqual(["Paul Example's single point of contact is Alex Handler."]);
  });

  it('an ended strategy no longer binds the force', () => {
    expect(decideSend(index, mail(['sandy.former@example.com']), handler).kind).toBe('allow');
  });

  it('mail to nobody under a strategy goes without a dialog', () => {
    expect(decideSend(index, mail([`psd@${STAFF}`, 'someone@example.net']), handler)).toEqual({
      kind: 'allow',
      exempted: [],
    });
  });

  it('checks Cc and Bcc as well as To, each person once, strictest mode wins', () => {
    const d = decideSend(
      index,
      mail(['casey.quinn@example.com'], {
        cc: [{ address: 'pat.sample@example.org' }],
        bcc: [{ address: 'casey.quinn@example.com' }, { address: 'morgan.test@example.com' }],
      }),
      handler,
    );
    expect(d.kind === 'alert' && d.mode).toBe('softBlock');
    expect(sentences(d)).toEqual([
      "Casey Quinn: read but do not respond. A reply needs a supervisor's approval.",
      'Pat Sample: contact by post only. Send a letter instead.',
      'Morgan Test: write to Ann Advocate instead.',
    ]);
  });

  it('a reply or forward to the person is caught like a new mail; a forward to a colleague is not', () => {
    expect(decideSend(index, mail(['casey.quinn@example.com'], { kind: 'reply' }), handler).kind).toBe(
      'alert',
    );
    expect(decideSend(index, mail(['pat.sample@example.org'], { kind: 'forward' }), handler).kind).toBe(
      'alert',
    );
    expect(decideSend(index, mail([`psd@${STAFF}`], { kind: 'forward' }), handler).kind).toBe('allow');
  });

  it('a strategy with several rules gives every sentence', () => {
    const both = newStrategy({
      id: 'CS-0100',
      personName: 'Robin Both',
      emailAddresses: ['robin@example.org'],
      status: 'active',
      permittedChannels: ['phone', 'post'],
      responsePolicy: 'read-not-respond',
    });
    const d = decideSend(buildIndex([both]), mail(['robin@example.org']), handler);
    expect(sentences(d)).toEqual([
      "Robin Both: read but do not respond. A reply needs a supervisor's approval.",
      'Robin Both: contact by phone or post only. Call instead.',
    ]);
  });
});

describe('decideSend: who may send', () => {
  it('the single point of contact may write to their person', () => {
    expect(
      decideSend(index, mail(['paul.example@example.com']), { address: ALEX, isSupervisor: false }),
    ).toEqual({
      kind: 'allow',
      exempted: [],
    });
  });

  it('a supervisor may reply to read-not-respond by default, and it is kept as exempted', () => {
    const d = decideSend(index, mail(['casey.quinn@example.com']), supervisor);
    expect(d.kind).toBe('allow');
    expect(d.exempted.map((f) => f.kind)).toEqual(['read-not-respond']);
  });

  it('a supervisor is still stopped where the settings do not allow it', () => {
    expect(sentences(decideSend(index, mail(['pat.sample@example.org']), supervisor))).toHaveLength(1);
    const strict = { ...DEFAULT_SEND_GUARD, supervisorsMayWrite: [] };
    expect(decideSend(index, mail(['casey.quinn@example.com']), supervisor, strict).kind).toBe('alert');
  });

  it('settings choose the send mode per kind', () => {
    const settings = {
      ...DEFAULT_SEND_GUARD,
      modes: { ...DEFAULT_SEND_GUARD.modes, channel: 'promptUser' as const },
    };
    const d = decideSend(index, mail(['pat.sample@example.org']), handler, settings);
    expect(d.kind === 'alert' && d.mode).toBe('promptUser');
  });
});

describe('alertMessage', () => {
  const finding = (i: number): GuardFinding => ({
    kind: 'channel',
    strategyId: `CS-${i}`,
    personName: `Person ${i}`,
    recipient: `p${i}@example.org`,
    sentence: `Person Number ${i} With A Long Name: contact by post only. Send a letter instead.`,
  });

  it('fits the Smart Alerts limit and says how many it left out', () => {
    const text = alertMessage(Array.from({ length: 20 }, (_, i) => finding(i)));
    expect(text.length).toBeLessThanOrEqual(ALERT_MESSAGE_LIMIT);
    expect(text).toMatch(/…and \d+ more\.$/);
    expect(text.startsWith(finding(0).sentence)).toBe(true);
  });
});

describe('decideSend: properties', () => {
  const known = [
    'pat.sample@example.org',
    'casey.quinn@example.com',
    'morgan.test@example.com',
    'paul.example@example.com',
  ];
  const anyAddress = fc.oneof(
    fc.constantFrom(...known, 'ann.advocate@advocacy.example.org'),
    fc.emailAddress(),
    fc.string(),
  );
  const box = anyAddress.map((address): Mailbox => ({ address }));

  it('never throws, alerts iff a guarded person is addressed, and the message fits', () => {
    fc.assert(
      fc.property(fc.array(box), fc.array(box), fc.array(box), (to, cc, bcc) => {
        const d = decideSend(index, { kind: 'new', to, cc, bcc }, handler);
        const addressed = [...to, ...cc, ...bcc].some((r) => known.includes(r.address.toLowerCase()));
        expect(d.kind === 'alert').toBe(addressed);
        if (d.kind === 'alert') expect(d.message.length).toBeLessThanOrEqual(ALERT_MESSAGE_LIMIT);
      }),
    );
  });

  it('the order of recipients does not change whether mail is stopped or its mode', () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 6 }), (to) => {
        const a = decideSend(index, { kind: 'new', to, cc: [], bcc: [] }, handler);
        const b = decideSend(index, { kind: 'new', to: [...to].reverse(), cc: [], bcc: [] }, handler);
        expect(a.kind).toBe(b.kind);
        if (a.kind === 'alert' && b.kind === 'alert') {
          expect(a.mode).toBe(b.mode);
          expect(new Set(a.findings.map((f) => f.sentence))).toEqual(
            new Set(b.findings.map((f) => f.sentence)),
          );
        }
      }),
    );
  });
});

describe('parseSendGuardSettings', () => {
  it('fills what is left out with the defaults', () => {
    expect(parseSendGuardSettings({})).toEqual({ ok: true, value: DEFAULT_SEND_GUARD });
    const parsed = parseSendGuardSettings({ modes: { spoc: 'softBlock' }, supervisorsMayWrite: ['spoc'] });
    expect(parsed).toEqual({
      ok: true,
      value: { modes: { ...DEFAULT_SEND_GUARD.modes, spoc: 'softBlock' }, supervisorsMayWrite: ['spoc'] },
    });
  });

  it('refuses block, unknown kinds and unknown fields with a sentence', () => {
    expect(parseSendGuardSettings({ modes: { channel: 'block' } })).toEqual({
      ok: false,
      error: 'sendGuard.modes.channel must be promptUser or softBlock',
    });
    expect(parseSendGuardSettings({ modes: { email: 'softBlock' } })).toMatchObject({ ok: false });
    expect(parseSendGuardSettings({ supervisorsMayWrite: 'spoc' })).toMatchObject({ ok: false });
    expect(parseSendGuardSettings({ mode: {} })).toMatchObject({ ok: false });
    expect(parseSendGuardSettings(null)).toMatchObject({ ok: false });
  });

  it('never throws on any JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => void parseSendGuardSettings(v)));
  });
});
