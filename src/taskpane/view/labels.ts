// The words the pane uses for the domain's codes. One place, so the sentences stay consistent.
import type {
  Channel,
  DispositionKind,
  EvasionKind,
  IndicatorCode,
  ReadQuestion,
  Reason,
  Severity,
  StrategyStatus,
} from '../../core/types';

export const QUESTION_TEXT: Record<ReadQuestion, string> = {
  newComplaintOrAllegation: 'Does it make a new complaint or allegation?',
  criminalMatter: 'Does it report a criminal matter?',
  safeguardingOrRisk: 'Is there a safeguarding concern or a risk to anyone, including the writer?',
  otherAction: 'Is there anything else in it that needs action?',
};

/** What a question includes, shown under it in smaller type so the question itself stays short. */
export const QUESTION_HINT: Partial<Record<ReadQuestion, string>> = {
  newComplaintOrAllegation:
    'Include anything that may meet the IOPC mandatory referral criteria: death or serious injury, serious assault, serious sexual assault, serious corruption, offences aggravated by discrimination.',
};

export const INDICATOR_LABEL: Record<IndicatorCode, string> = {
  SAFEGUARDING: 'Safeguarding',
  SELF_HARM: 'Self-harm',
  THREAT: 'Threat',
  NEW_ALLEGATION: 'New allegation',
  MANDATORY_REFERRAL: 'Possible mandatory referral',
  CRIMINAL_MATTER: 'Criminal matter',
  NEW_COMPLAINT: 'New complaint',
  ABUSIVE_LANGUAGE: 'Abusive language',
};

export const SEVERITY_HEADING: Record<Severity, string> = {
  breach: 'Breaches',
  warning: 'Warnings',
  info: 'For information',
};

export const CHANNEL_LABEL: Record<Channel, string> = {
  email: 'Email',
  post: 'Post',
  phone: 'Phone',
  'in-person': 'In person',
  'online-form': 'Online form',
};

export const REASON_LABEL: Record<Reason, string> = {
  'aggressive-or-abusive': 'Aggressive or abusive',
  'unreasonably-persistent': 'Unreasonably persistent',
  'unreasonable-demands': 'Unreasonable demands',
};

export const STATUS_LABEL: Record<StrategyStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  suspended: 'Suspended',
  ended: 'Ended',
};

/** One wording for the response policy, shared with the core's sentences and headline. */
export { responsePolicyWords as responsePolicyText } from '../../core/words';

export const EVASION_TEXT: Record<EvasionKind, string> = {
  'confusable-address': 'an address that looks like',
  'same-local-part': 'the same name before the @ as',
  'same-display-name': 'the same display name as',
};

export const DISPOSITION_DONE: Record<DispositionKind, string> = {
  escalate: 'Escalated for action',
  'auto-file': 'Filed (read but not respond)',
  breach: 'Recorded as a breach',
  'handled-normally': 'Recorded as read',
};

/** `2025-04-06` → `6 Apr 2025`, in UK style; anything unparsable is shown as given. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const month = months[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** `HH:MM` of an instant in the user's own zone, for "strategies from 10:02". */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
