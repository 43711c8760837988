// The force's immediate-risk instruction, shown before recording whenever the body holds a risk
// phrase or the handler answered yes to the safeguarding question (core/verdict decides when).
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { IMMEDIATE_RISK_INSTRUCTION } from '../view/labels';
import { BarTitle } from './BarTitle';

export function ImmediateRisk({ instruction = IMMEDIATE_RISK_INSTRUCTION }: { instruction?: string }) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="immediate-risk" role="alert">
      <MessageBarBody>
        <BarTitle>Before you record: immediate risk</BarTitle>
        {instruction}
      </MessageBarBody>
    </MessageBar>
  );
}
