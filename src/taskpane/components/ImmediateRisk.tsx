// The force's immediate-risk instruction, shown before recording whenever the body holds a risk
// phrase or the handler answered yes to the safeguarding question. Core decides when, and which
// words (the settings' own, or its default), so the log row records exactly what is shown here.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { BarTitle } from './BarTitle';

export function ImmediateRisk({ instruction }: { instruction: string }) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="immediate-risk" role="alert">
      <MessageBarBody>
        <BarTitle>Before you record: immediate risk</BarTitle>
        {instruction}
      </MessageBarBody>
    </MessageBar>
  );
}
