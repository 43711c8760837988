// Which delegated permission each repository asks for (least privilege: a call asks only for
// what it needs, and an organisation can narrow SharePoint access to the one site).
// See docs/decisions/graph.md and docs/provisioning.md.

export interface ScopePlan {
  /** Reading and writing the three lists. */
  lists: readonly string[];
  /** Reading, moving and categorising messages. */
  mail: readonly string[];
  /** Forwarding (escalation) needs the send permission as well. */
  mailSend: readonly string[];
  /** The mailbox's master category list. */
  mailboxSettings: readonly string[];
}

export interface ScopeChoice {
  /**
   * `Sites.Selected` when an administrator has granted the app this one site
   * (POST /sites/{id}/permissions); otherwise `Sites.ReadWrite.All`.
   */
  sitesSelected?: boolean;
  /** Working a shared mailbox (/users/{upn}) needs the `.Shared` mail permissions. */
  sharedMailbox?: boolean;
}

export function scopePlan(choice: ScopeChoice = {}): ScopePlan {
  const shared = choice.sharedMailbox === true;
  return {
    // The taskpane writes the contact log, so read-only site access would not do.
    lists: [choice.sitesSelected ? 'Sites.Selected' : 'Sites.ReadWrite.All'],
    mail: [shared ? 'Mail.ReadWrite.Shared' : 'Mail.ReadWrite'],
    mailSend: [shared ? 'Mail.Send.Shared' : 'Mail.Send'],
    mailboxSettings: ['MailboxSettings.ReadWrite'],
  };
}
