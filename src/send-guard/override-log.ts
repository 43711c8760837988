// The Graph side of outbound overrides: which mail the user sent since the oldest kept alert
// (Sent Items: times and addresses only, never subject or body), and the contact-log row for each
// mail that went past an alert. Rows carry no StrategyId and the member of staff as Sender, so the
// pane's history and review queries (by the person's address or first strategy) never mistake
// them for decisions on received mail; supervisors find them by Entry in the list.
import type { OutboundOverrideRecord } from '../core/log';
import type { GraphClient } from '../graph/client';
import { GraphRequestError } from '../graph/errors';
import { withQuery } from '../graph/odata';
import type { OverridePorts } from './overrides';

interface GraphRecipient {
  emailAddress?: { address?: string };
}

interface GraphSentMessage {
  sentDateTime?: string;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  bccRecipients?: GraphRecipient[];
}

/** The override row as SharePoint list fields (the contact log's own columns). */
export function overrideToFields(r: OutboundOverrideRecord): Record<string, unknown> {
  return {
    Title: r.key,
    Key: r.key,
    MessageKey: r.key,
    Entry: r.entry,
    Sender: r.sender,
    Reader: r.sender,
    ReadAt: r.sentAt,
    ReceivedDateTime: r.alertedAt,
    Recipients: r.recipients.join('\n'),
    StrategyIds: r.strategyIds.join('\n'),
    PersonNames: r.personNames.join('\n'),
  };
}

export function graphOverrideLog(options: {
  client: GraphClient;
  contactLogPath: () => Promise<string>;
  listScopes: readonly string[];
  mailScopes: readonly string[];
}): OverridePorts {
  const { client } = options;
  return {
    async sentSince(since) {
      const page = await client.request<{ value: GraphSentMessage[] }>({
        url: withQuery('/me/mailFolders/sentitems/messages', {
          $filter: `sentDateTime ge ${new Date(since).toISOString()}`,
          $select: 'sentDateTime,toRecipients,ccRecipients,bccRecipients',
          $top: 50,
        }),
        scopes: options.mailScopes,
      });
      return page.value.flatMap((m) => {
        const sentAt = Date.parse(m.sentDateTime ?? '');
        if (Number.isNaN(sentAt)) return [];
        const recipients = [...(m.toRecipients ?? []), ...(m.ccRecipients ?? []), ...(m.bccRecipients ?? [])]
          .map((r) => r.emailAddress?.address)
          .filter((a): a is string => typeof a === 'string');
        return [{ sentAt, recipients }];
      });
    },
    async write(record) {
      const list = await options.contactLogPath();
      try {
        await client.request({
          method: 'POST',
          url: `${list}/items`,
          body: { fields: overrideToFields(record) },
          scopes: options.listScopes,
        });
      } catch (err) {
        // The list's unique Key refuses a second copy of the same override: it is there already.
        if (err instanceof GraphRequestError && err.status === 409) return;
        throw err;
      }
    },
  };
}
