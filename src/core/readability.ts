// Whether the add-in could read a message's body at all, and what the handler must do when it
// could not. A body that was not read must never be reported as "no indicators found": an empty
// scan of a protected message says nothing about what the complainant wrote.
//
// Sources (docs/decisions/reading-attachments.md): Outlook's message classes (IPM.Note.SMIME,
// IPM.Note.rpmsg…, IPM.Schedule.Meeting.*, REPORT.*, IPM.Note.Rules.OofTemplate.Microsoft) as
// Office.js gives them in item.itemClass, and the attachment Graph and Exchange show for an
// S/MIME message (smime.p7m) and a rights-protected one (message.rpmsg).

/** What is known about a message before its body is scanned. */
export interface BodyFacts {
  /** Office.js item.itemClass (e.g. "IPM.Note"); absent where the host does not give it. */
  itemClass?: string;
  subject: string;
  body: string;
  /** Names and MIME types of the message's attachments. */
  attachments: ReadonlyArray<{ name: string; contentType: string }>;
}

export type UnreadableKind = 'protected-irm' | 'protected-smime' | 'empty';
/** Kinds whose text the add-in did read, but which need something from the handler besides. */
export type NotableKind = 'meeting' | 'delivery-report' | 'automatic-reply';

export type BodyReadability =
  | { kind: 'readable' }
  /** The body was not read: its text is unavailable to the add-in. */
  | { kind: UnreadableKind; read: false; title: string; action: string }
  /** The body was read, but the message is of a kind the handler must treat with care. */
  | { kind: NotableKind; read: true; title: string; action: string };

const SMIME_TYPES = ['application/pkcs7-mime', 'application/x-pkcs7-mime'];

function lower(text: unknown): string {
  return typeof text === 'string' ? text.trim().toLowerCase() : '';
}

function isSmime(facts: BodyFacts, cls: string): boolean {
  // Signed-only mail (IPM.Note.SMIME.MultipartSigned) keeps its text in the clear: readable.
  if (cls === 'ipm.note.smime') return true;
  if (cls.startsWith('ipm.note.smime.')) return false;
  return facts.attachments.some(
    (a) => SMIME_TYPES.includes(lower(a.contentType)) || lower(a.name) === 'smime.p7m',
  );
}

function isIrm(facts: BodyFacts, cls: string): boolean {
  if (cls.startsWith('ipm.note.rpmsg')) return true;
  return facts.attachments.some(
    (a) =>
      lower(a.name) === 'message.rpmsg' || lower(a.contentType) === 'application/x-microsoft-rpmsg-message',
  );
}

const AUTO_REPLY_SUBJECT = /^\s*(automatic reply|auto(-|\s)?reply|out of (the )?office)\s*:/i;

/**
 * What the body is, for the pane. Protection is checked first: a protected meeting request is
 * still unread. An empty body names what else there is to read.
 */
export function classifyBody(facts: BodyFacts): BodyReadability {
  const cls = lower(facts.itemClass);
  if (isIrm(facts, cls)) {
    return {
      kind: 'protected-irm',
      read: false,
      title: 'Protected message (rights management): the add-in could not read it.',
      action:
        'Open the message in Outlook and read all of it yourself before you answer the questions. Nothing here was checked for phrases.',
    };
  }
  if (isSmime(facts, cls)) {
    return {
      kind: 'protected-smime',
      read: false,
      title: 'Encrypted message (S/MIME): the add-in could not read it.',
      action:
        'Open the message in Outlook (you may need your certificate) and read all of it yourself before you answer the questions. Nothing here was checked for phrases.',
    };
  }
  if (cls.startsWith('report.')) {
    return {
      kind: 'delivery-report',
      read: true,
      title: 'Delivery report: an automatic message about mail sent from this mailbox.',
      action:
        'Check which message it is about; if a reply to this person did not arrive, it may need sending another way under their strategy.',
    };
  }
  if (cls.startsWith('ipm.schedule.meeting')) {
    return {
      kind: 'meeting',
      read: true,
      title: 'Meeting request or reply: the add-in read its text, not its calendar details.',
      action:
        'Open it in Outlook to see the time, place and any agenda; do not accept a meeting the strategy does not allow.',
    };
  }
  if (cls.startsWith('ipm.note.rules.oof') || AUTO_REPLY_SUBJECT.test(facts.subject ?? '')) {
    return {
      kind: 'automatic-reply',
      read: true,
      title: 'Automatic reply: sent by a mail system, not written for this message.',
      action: 'Read it for anything the person added by hand, and record it like any other contact.',
    };
  }
  // A test, not trim(): trim copies the whole body (10 MB on the pane's thread) to compare it with ''.
  if (typeof facts.body !== 'string' || !/\S/u.test(facts.body)) {
    const attachments = facts.attachments.length;
    return {
      kind: 'empty',
      read: false,
      title: 'This message has no text.',
      action:
        attachments > 0
          ? `Everything it says is in its ${attachments === 1 ? 'attachment' : `${attachments} attachments`}: read them.`
          : 'Check in Outlook that nothing is missing (an image, a link or a form).',
    };
  }
  return { kind: 'readable' };
}

/** Whether the body's scan may be reported as such ("no indicator phrases were found"). */
export function bodyWasRead(r: BodyReadability): boolean {
  return r.kind === 'readable' || r.read;
}
