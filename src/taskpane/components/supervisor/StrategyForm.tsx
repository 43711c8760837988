// Create or edit a strategy. Validation is core's parser: the message names the field.
import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { NewStrategy } from '../../../core/supervisor';
import {
  CHANNELS,
  REASONS,
  RESPONSE_POLICIES,
  STRATEGY_STATUSES,
  type Channel,
  type Reason,
  type ResponsePolicy,
  type StrategyStatus,
} from '../../../core/types';
import { CHANNEL_LABEL, REASON_LABEL, STATUS_LABEL, responsePolicyText } from '../../view/labels';
import { fromFormValues, toFormValues, type StrategyFormValues } from '../../view/strategy-form';
import { useShared } from '../styles';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
});

export interface StrategyFormProps<S extends NewStrategy> {
  initial: S;
  submitLabel: string;
  /** How often the organisation's settings ask for a review, in words, under "Next review". */
  reviewHint?: string;
  busy: boolean;
  onSubmit: (strategy: S) => void;
  onCancel: () => void;
}

export function StrategyForm<S extends NewStrategy>({
  initial,
  submitLabel,
  reviewHint,
  busy,
  onSubmit,
  onCancel,
}: StrategyFormProps<S>) {
  const s = useShared();
  const styles = useStyles();
  const errorId = useId();
  const [v, setV] = useState<StrategyFormValues>(() => toFormValues(initial));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof StrategyFormValues>(key: K, value: StrategyFormValues[K]) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const toggle = <T extends string>(key: 'reasons' | 'permittedChannels', item: T, on: boolean) =>
    setV((prev) => {
      const current = prev[key] as string[];
      const next = on ? [...new Set([...current, item])] : current.filter((x) => x !== item);
      return { ...prev, [key]: next };
    });
  const text = (
    key: keyof StrategyFormValues,
    label: string,
    extra: { hint?: string; type?: 'date' | 'email' | 'number'; required?: boolean } = {},
  ) => (
    <Field label={label} hint={extra.hint} required={extra.required}>
      <Input
        type={extra.type ?? 'text'}
        value={v[key] as string}
        onChange={(_e, d) => set(key, d.value as never)}
      />
    </Field>
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = fromFormValues(v, initial);
    if (!parsed.ok) return setError(parsed.error);
    setError(null);
    onSubmit(parsed.value);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-describedby={error ? errorId : undefined} noValidate>
      {text('personName', 'Person name', { required: true })}
      {text('knownNames', 'Other names they use', { hint: 'Separated by commas' })}
      <Field label="Email addresses" hint="One per line: every address the person writes from" required>
        <Textarea
          value={v.emailAddresses}
          onChange={(_e, d) => set('emailAddresses', d.value)}
          resize="vertical"
        />
      </Field>
      <Field label="Status">
        <Select value={v.status} onChange={(_e, d) => set('status', d.value as StrategyStatus)}>
          {STRATEGY_STATUSES.map((st) => (
            <option key={st} value={st}>
              {STATUS_LABEL[st]}
            </option>
          ))}
        </Select>
      </Field>
      {text('matterRefs', 'Matter references', {
        hint: 'The complaints or cases it covers, separated by commas',
      })}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Reasons</legend>
        {REASONS.map((r: Reason) => (
          <Checkbox
            key={r}
            label={REASON_LABEL[r]}
            checked={v.reasons.includes(r)}
            onChange={(_e, d) => toggle('reasons', r, d.checked === true)}
          />
        ))}
        <Field label="Narrative">
          <Textarea
            value={v.reasonNarrative}
            onChange={(_e, d) => set('reasonNarrative', d.value)}
            resize="vertical"
          />
        </Field>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Permitted channels</legend>
        {CHANNELS.map((c: Channel) => (
          <Checkbox
            key={c}
            label={CHANNEL_LABEL[c]}
            checked={v.permittedChannels.includes(c)}
            onChange={(_e, d) => toggle('permittedChannels', c, d.checked === true)}
          />
        ))}
      </fieldset>
      {text('designatedAddress', 'Designated address', {
        type: 'email',
        hint: 'The one mailbox the person must write to, if any',
      })}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Single point of contact</legend>
        {text('spocName', 'Name')}
        {text('spocAddress', 'Address', { type: 'email' })}
        {text('spocSince', 'Since', { type: 'date' })}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Advocate</legend>
        {text('advocateName', 'Name')}
        <Field label="Addresses" hint="One per line">
          <Textarea
            value={v.advocateAddresses}
            onChange={(_e, d) => set('advocateAddresses', d.value)}
            resize="vertical"
          />
        </Field>
        <Checkbox
          label="Contact must come through the advocate"
          checked={v.advocateRequired}
          onChange={(_e, d) => set('advocateRequired', d.checked === true)}
        />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Contact limit</legend>
        {text('limitMax', 'At most (contacts)', { type: 'number' })}
        {text('limitPeriodDays', 'Per (days)', { type: 'number' })}
      </fieldset>
      <Field label="Responses">
        <RadioGroup
          value={v.responsePolicy}
          onChange={(_e, d) => set('responsePolicy', d.value as ResponsePolicy)}
        >
          {RESPONSE_POLICIES.map((p) => (
            <Radio key={p} value={p} label={responsePolicyText(p)} />
          ))}
        </RadioGroup>
      </Field>
      {v.responsePolicy === 'respond-within-days' &&
        text('responseDays', 'Respond within (days)', { type: 'number', required: true })}
      <Checkbox
        label="Demands to reopen closed matters are not considered"
        checked={v.refuseReopen}
        onChange={(_e, d) => set('refuseReopen', d.checked === true)}
      />
      <Field label="Reasonable adjustments" hint="One per line">
        <Textarea value={v.adjustments} onChange={(_e, d) => set('adjustments', d.value)} resize="vertical" />
      </Field>
      {text('warningGiven', 'Warning given', { type: 'date' })}
      {text('notifiedInWriting', 'Notified in writing', { type: 'date' })}
      {text('startDate', 'Start date', { type: 'date' })}
      {text('nextReviewDate', 'Next review', { type: 'date', ...(reviewHint ? { hint: reviewHint } : {}) })}
      {text('decidedBy', 'Decided by')}
      {error && (
        <p id={errorId} role="alert" className={s.muted}>
          Not saved: {error}
        </p>
      )}
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
