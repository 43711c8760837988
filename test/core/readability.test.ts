// A body the add-in could not read is named, never reported as "no indicators found".
import { bodyWasRead, classifyBody, type BodyFacts } from '../../src/core/readability';

const facts = (over: Partial<BodyFacts> = {}): BodyFacts => ({
  itemClass: 'IPM.Note',
  subject: 'CO/01234/24',
  body: 'Dear PSD, I write again.',
  attachments: [],
  ...over,
});

describe('classifyBody', () => {
  it('reads an ordinary message, and signed-only S/MIME mail (its text is in the clear)', () => {
    expect(classifyBody(facts())).toEqual({ kind: 'readable' });
    expect(classifyBody(facts({ itemClass: 'IPM.Note.SMIME.MultipartSigned' }))).toEqual({
      kind: 'readable',
    });
  });

  it('names encrypted S/MIME mail by its class or by its smime.p7m attachment, and says it was not read', () => {
    for (const f of [
      facts({ itemClass: 'IPM.Note.SMIME', body: '' }),
      facts({
        itemClass: undefined,
        attachments: [{ name: 'smime.p7m', contentType: 'application/pkcs7-mime' }],
      }),
    ]) {
      const r = classifyBody(f);
      expect(r.kind).toBe('protected-smime');
      expect(bodyWasRead(r)).toBe(false);
      if (r.kind !== 'readable') expect(r.action).toMatch(/Open the message in Outlook/);
    }
  });

  it('names rights-protected mail, even when it carries a placeholder text', () => {
    const r = classifyBody(
      facts({
        itemClass: 'IPM.Note',
        body: 'You have received a protected message. Open it to read.',
        attachments: [{ name: 'message.rpmsg', contentType: 'application/x-microsoft-rpmsg-message' }],
      }),
    );
    expect(r).toMatchObject({ kind: 'protected-irm', read: false });
    expect(classifyBody(facts({ itemClass: 'IPM.Note.rpmsg.Microsoft Voting Button' })).kind).toBe(
      'protected-irm',
    );
  });

  it('names an empty body and points at the attachments when there are some', () => {
    expect(classifyBody(facts({ body: '  \n ' }))).toMatchObject({ kind: 'empty', read: false });
    const r = classifyBody(
      facts({ body: '', attachments: [{ name: 'letter.pdf', contentType: 'application/pdf' }] }),
    );
    expect(r.kind !== 'readable' && r.action).toMatch(/in its attachment: read them/);
  });

  it('names meeting requests, delivery reports and automatic replies, which are still read', () => {
    expect(classifyBody(facts({ itemClass: 'IPM.Schedule.Meeting.Request' }))).toMatchObject({
      kind: 'meeting',
      read: true,
    });
    expect(classifyBody(facts({ itemClass: 'REPORT.IPM.Note.NDR' }))).toMatchObject({
      kind: 'delivery-report',
      read: true,
    });
    expect(classifyBody(facts({ itemClass: 'IPM.Note.Rules.OofTemplate.Microsoft' })).kind).toBe(
      'automatic-reply',
    );
    expect(classifyBody(facts({ subject: 'Automatic reply: CO/01234/24' })).kind).toBe('automatic-reply');
  });

  it('checks protection before anything else: a protected meeting request is unread', () => {
    const r = classifyBody(
      facts({
        itemClass: 'IPM.Schedule.Meeting.Request',
        attachments: [{ name: 'smime.p7m', contentType: '' }],
      }),
    );
    expect(r.kind).toBe('protected-smime');
  });
});
