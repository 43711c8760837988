// A body the add-in could not read (protected, empty) or must treat with care (meeting request,
// delivery report, automatic reply) is named, with what the handler must do.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { BodyReadability } from '../../../core/readability';

export function BodyNotice({ body }: { body: BodyReadability }) {
  if (body.kind === 'readable') return null;
  return (
    <MessageBar intent={body.read ? 'info' : 'warning'} layout="multiline" data-testid="body-notice">
      <MessageBarBody>
        <MessageBarTitle>{body.title}</MessageBarTitle> {body.action}
      </MessageBarBody>
    </MessageBar>
  );
}
