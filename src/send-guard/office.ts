// The compose form through Office.js, as the OnMessageSend handler sees it: recipients from
// item.to/cc/bcc.getAsync (Mailbox 1.1), the kind of form from getComposeTypeAsync (Mailbox 1.10),
// the signed-in user from userProfile. Structural types, so the sandbox's compose host and the
// tests provide exactly this.
import type { AsyncCallback, EmailAddressLike } from '../office/office-api';
import type { ComposeKind, OutgoingMail } from '../core/send-guard';
import type { Mailbox } from '../core/types';
import type { ComposePort } from './handler';

interface RecipientsLike {
  getAsync(callback: AsyncCallback<EmailAddressLike[]>): void;
}

export interface ComposeItemLike {
  to: RecipientsLike;
  cc: RecipientsLike;
  bcc: RecipientsLike;
  /** Mailbox 1.10. */
  getComposeTypeAsync?(callback: AsyncCallback<{ composeType: string; coercionType: string }>): void;
}

export interface ComposeOfficeLike {
  context: {
    mailbox: { item: ComposeItemLike | null; userProfile: { emailAddress: string } };
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

function call<T>(start: (callback: AsyncCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    start((result) =>
      result.status === 'succeeded'
        ? resolve(result.value)
        : reject(new Error(result.error?.message ?? 'Outlook did not answer')),
    ),
  );
}

const toMailbox = (r: EmailAddressLike): Mailbox => ({ name: r.displayName, address: r.emailAddress });

/** Office.js's compose types to core's words; an unknown one is judged as a new mail. */
function composeKind(type: string): ComposeKind {
  if (type === 'reply') return 'reply';
  if (type === 'forward') return 'forward';
  return 'new';
}

export function officeCompose(office: ComposeOfficeLike): ComposePort {
  return {
    async mail(): Promise<OutgoingMail> {
      const item = office.context.mailbox.item;
      if (!item) throw new Error('no item is being composed');
      // Three calls at once: Outlook on the web allows three simultaneous async calls.
      const [to, cc, bcc] = await Promise.all([
        call(item.to.getAsync.bind(item.to)),
        call(item.cc.getAsync.bind(item.cc)),
        call(item.bcc.getAsync.bind(item.bcc)),
      ]);
      const kind = item.getComposeTypeAsync
        ? composeKind((await call(item.getComposeTypeAsync.bind(item))).composeType)
        : 'new';
      return { kind, to: to.map(toMailbox), cc: cc.map(toMailbox), bcc: bcc.map(toMailbox) };
    },
    sender: () => office.context.mailbox.userProfile.emailAddress,
  };
}
