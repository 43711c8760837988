// The read (lancs 3.10, kent 8-9): four yes/no questions, each pointed at by the indicators that
// bear on it. Nothing is pre-answered: the indicators only say where to look.
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { READ_QUESTIONS, type PartialReadAnswers, type ReadQuestion } from '../../core/types';
import type { QuestionPointers } from '../view/pointers';
import { INDICATOR_LABEL, QUESTION_HINT, QUESTION_TEXT } from '../view/labels';
import { useShared } from './styles';

export interface ReadGateProps {
  answers: PartialReadAnswers;
  pointers: QuestionPointers;
  disabled: boolean;
  onAnswer: (question: ReadQuestion, value: boolean) => void;
}

export function ReadGate({ answers, pointers, disabled, onAnswer }: ReadGateProps) {
  const s = useShared();
  return (
    <section aria-labelledby="read-heading" className={s.section}>
      <h2 id="read-heading" className={s.heading}>
        Your read
      </h2>
      <p className={s.muted}>Answer all four, whatever the strategy says.</p>
      {READ_QUESTIONS.map((q) => {
        const found = pointers[q];
        const value = answers[q];
        const hints = [
          QUESTION_HINT[q],
          found && found.size > 0
            ? `Indicators found: ${[...found].map(([code, n]) => `${INDICATOR_LABEL[code]} ×${n}`).join(', ')}.`
            : undefined,
        ].filter((h): h is string => !!h);
        return (
          <Field
            key={q}
            label={QUESTION_TEXT[q]}
            hint={hints.length > 0 ? hints.join(' ') : undefined}
            required
          >
            <RadioGroup
              layout="horizontal"
              value={value === undefined ? '' : value ? 'yes' : 'no'}
              disabled={disabled}
              onChange={(_e, data) => onAnswer(q, data.value === 'yes')}
              data-question={q}
            >
              <Radio value="yes" label="Yes" />
              <Radio value="no" label="No" />
            </RadioGroup>
          </Field>
        );
      })}
    </section>
  );
}
