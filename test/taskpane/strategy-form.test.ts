import { fromFormValues, toFormValues } from '../../src/taskpane/view/strategy-form';
import { strategyFromSender } from '../../src/core/supervisor';
import { strategy } from './fixtures';

const full = strategy({
  knownNames: ['P. Example', 'Paulie'],
  emailAddresses: ['paul.example@example.com', 'p.example@example.org'],
  reasons: ['unreasonably-persistent', 'unreasonable-demands'],
  reasonNarrative: 'Daily emails to several teams.',
  advocate: { name: 'Ann Advocate', addresses: ['ann@advocacy.example.org'], required: true },
  contactLimit: { max: 1, periodDays: 7 },
  permittedTimes: [{ days: ['mon', 'tue'], from: '09:00', to: '12:00' }],
  timeZone: 'Europe/London',
  responsePolicy: 'respond-within-days',
  responseDays: 10,
  refuseReopen: true,
  reasonableAdjustments: [
    { description: 'Large print (18pt) replies', agreed: '2025-01-06', reviewDate: '2025-07-06' },
  ],
  warningGiven: '2024-12-01',
  notifiedInWriting: '2025-01-06',
  lastReviewedBy: 'Sue Supervisor',
});

describe('strategy form values', () => {
  test('an unchanged form gives back the same strategy, including what the form does not show', () => {
    const back = fromFormValues(toFormValues(full), full);
    expect(back).toEqual({ ok: true, value: full });
  });

  test('edits apply; an adjustment kept keeps its dates, a new one has none', () => {
    const values = {
      ...toFormValues(full),
      emailAddresses: 'paul.example@example.com\n P.Example@Example.org ',
      adjustments: 'Large print (18pt) replies\nReplies by post only',
      limitMax: '',
      limitPeriodDays: '',
    };
    const back = fromFormValues(values, full);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.emailAddresses).toEqual(['paul.example@example.com', 'p.example@example.org']);
    expect(back.value.reasonableAdjustments).toEqual([
      full.reasonableAdjustments[0],
      { description: 'Replies by post only' },
    ]);
    expect(back.value.contactLimit).toBeUndefined();
    expect(back.value.eTag).toBe(full.eTag);
  });

  test('bad values are refused with the field named', () => {
    const bad = fromFormValues({ ...toFormValues(full), limitMax: 'two' }, full);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/contactLimit\.max/);
    const noDays = fromFormValues({ ...toFormValues(full), responseDays: '' }, full);
    expect(!noDays.ok && noDays.error).toMatch(/responseDays/);
    const noAddress = fromFormValues({ ...toFormValues(full), emailAddresses: '' }, full);
    expect(!noAddress.ok && noAddress.error).toMatch(/emailAddresses/);
  });

  test('a new strategy from a sender stays without an id (the list assigns it)', () => {
    const draft = strategyFromSender(
      {
        internetMessageId: '<a@example.org>',
        receivedDateTime: '2025-03-04T10:00:00Z',
        from: { name: 'Ann Other', address: 'ann.other@example.org' },
        to: [],
        cc: [],
        subject: 'CO/00001/25',
        body: '',
      },
      new Date('2025-03-04T10:00:00Z'),
    );
    if (!draft.ok) throw new Error(draft.error);
    const back = fromFormValues(toFormValues(draft.value), draft.value);
    if (!back.ok) throw new Error(back.error);
    expect('id' in back.value).toBe(false);
    expect(back.value).toMatchObject({
      personName: 'Ann Other',
      emailAddresses: ['ann.other@example.org'],
      status: 'draft',
    });
  });
});
