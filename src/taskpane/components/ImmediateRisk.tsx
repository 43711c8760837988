// The force's immediate-risk instruction, shown before recording when the handler's "yes" to the
// safeguarding question made it due (a risk phrase in the body puts it in the risk headline
// instead, at the top). Core decides when, where, and which words (the settings' own, or its
// default), so the log row records exactly what is shown.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { WithAddresses } from './Address';
import { BarTitle } from './BarTitle';

export function ImmediateRisk({ instruction }: { instruction: string }) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="immediate-risk" role="alert">
      <MessageBarBody>
        <BarTitle>Before you record: immediate risk</BarTitle>
        <WithAddresses text={instruction} />
      </MessageBarBody>
    </MessageBar>
  );
}
