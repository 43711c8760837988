// The supervisor's strategy form as plain values, and back. Validation is core's parseStrategy,
// so the form accepts exactly what the CLI and the SharePoint rows accept, with the same
// messages. Fields the form does not show (permitted times, zone, review history, eTag) are
// carried over from the strategy being edited.
import type { NewStrategy } from '../../core/supervisor';
import { parseStrategy } from '../../core/strategy';
import type {
  Channel,
  Parsed,
  Reason,
  ReasonableAdjustment,
  ResponsePolicy,
  StrategyStatus,
} from '../../core/types';

export interface StrategyFormValues {
  personName: string;
  knownNames: string;
  emailAddresses: string;
  status: StrategyStatus;
  matterRefs: string;
  reasons: Reason[];
  reasonNarrative: string;
  permittedChannels: Channel[];
  designatedAddress: string;
  spocName: string;
  spocAddress: string;
  spocSince: string;
  advocateName: string;
  advocateAddresses: string;
  advocateRequired: boolean;
  limitMax: string;
  limitPeriodDays: string;
  responsePolicy: ResponsePolicy;
  responseDays: string;
  refuseReopen: boolean;
  /** One adjustment per line. */
  adjustments: string;
  warningGiven: string;
  notifiedInWriting: string;
  startDate: string;
  nextReviewDate: string;
  decidedBy: string;
}

export function toFormValues(s: NewStrategy): StrategyFormValues {
  return {
    personName: s.personName,
    knownNames: s.knownNames.join(', '),
    emailAddresses: s.emailAddresses.join('\n'),
    status: s.status,
    matterRefs: s.matterRefs.join(', '),
    reasons: [...s.reasons],
    reasonNarrative: s.reasonNarrative ?? '',
    permittedChannels: [...s.permittedChannels],
    designatedAddress: s.designatedAddress ?? '',
    spocName: s.spoc?.name ?? '',
    spocAddress: s.spoc?.address ?? '',
    spocSince: s.spoc?.since ?? '',
    advocateName: s.advocate?.name ?? '',
    advocateAddresses: s.advocate?.addresses.join('\n') ?? '',
    advocateRequired: s.advocate?.required ?? false,
    limitMax: s.contactLimit ? String(s.contactLimit.max) : '',
    limitPeriodDays: s.contactLimit ? String(s.contactLimit.periodDays) : '',
    responsePolicy: s.responsePolicy,
    responseDays: s.responseDays !== undefined ? String(s.responseDays) : '',
    refuseReopen: s.refuseReopen,
    adjustments: s.reasonableAdjustments.map((a) => a.description).join('\n'),
    warningGiven: s.warningGiven ?? '',
    notifiedInWriting: s.notifiedInWriting ?? '',
    startDate: s.startDate ?? '',
    nextReviewDate: s.nextReviewDate ?? '',
    decidedBy: s.decidedBy ?? '',
  };
}

const list = (text: string, sep: RegExp): string[] =>
  text
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);
const blankToUndefined = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());
const numberOrText = (text: string): number | string | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : t; // left as text so the parser names the field
};

/**
 * The edited strategy, validated. `base` is the strategy being edited (or the draft being
 * created): what the form does not show is kept from it.
 */
export function fromFormValues<S extends NewStrategy>(values: StrategyFormValues, base: S): Parsed<S> {
  const keptAdjustments = new Map<string, ReasonableAdjustment>(
    base.reasonableAdjustments.map((a) => [a.description.trim(), a]),
  );
  const hasLimit = values.limitMax.trim() !== '' || values.limitPeriodDays.trim() !== '';
  const hasSpoc = values.spocName.trim() !== '' || values.spocAddress.trim() !== '';
  const hasAdvocate = values.advocateName.trim() !== '' || values.advocateAddresses.trim() !== '';
  const raw: Record<string, unknown> = {
    ...base,
    id: 'id' in base ? (base as { id: string }).id : 'new-strategy',
    personName: values.personName,
    knownNames: list(values.knownNames, /[,\n]/),
    emailAddresses: list(values.emailAddresses, /[\s,;]+/),
    status: values.status,
    matterRefs: list(values.matterRefs, /[,\n]/),
    reasons: values.reasons,
    reasonNarrative: blankToUndefined(values.reasonNarrative),
    permittedChannels: values.permittedChannels,
    designatedAddress: blankToUndefined(values.designatedAddress),
    spoc: hasSpoc
      ? {
          name: values.spocName.trim(),
          address: values.spocAddress.trim(),
          since: blankToUndefined(values.spocSince),
        }
      : undefined,
    advocate: hasAdvocate
      ? {
          name: values.advocateName.trim(),
          addresses: list(values.advocateAddresses, /[\s,;]+/),
          required: values.advocateRequired,
        }
      : undefined,
    contactLimit: hasLimit
      ? { max: numberOrText(values.limitMax), periodDays: numberOrText(values.limitPeriodDays) }
      : undefined,
    responsePolicy: values.responsePolicy,
    responseDays:
      values.responsePolicy === 'respond-within-days' ? numberOrText(values.responseDays) : undefined,
    refuseReopen: values.refuseReopen,
    reasonableAdjustments: list(values.adjustments, /\n/).map(
      (description) => keptAdjustments.get(description) ?? { description },
    ),
    warningGiven: blankToUndefined(values.warningGiven),
    notifiedInWriting: blankToUndefined(values.notifiedInWriting),
    startDate: blankToUndefined(values.startDate),
    nextReviewDate: blankToUndefined(values.nextReviewDate),
    decidedBy: blankToUndefined(values.decidedBy),
  };
  // The parser rejects explicit empties for some fields; an absent field is what "none" means.
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  if (raw.spoc && (raw.spoc as { since?: string }).since === undefined)
    delete (raw.spoc as { since?: string }).since;
  const parsed = parseStrategy(raw);
  if (!parsed.ok)
    return { ok: false, error: parsed.error.replace(/^strategy new-strategy(?: \([^)]*\))?: /, '') };
  const value = parsed.value as unknown as S & { id?: string };
  if (!('id' in base)) delete value.id;
  return { ok: true, value };
}
