// The outcome of a strategy save. A conflict shows the version someone else saved and offers a
// reload: nothing is overwritten silently.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { BarTitle } from './BarTitle';
import type { SaveResult } from '../../graph/types';
import { Essentials } from './Essentials';

export function SaveNotice({ result, onReload }: { result: SaveResult | null; onReload?: () => void }) {
  if (!result) return null;
  switch (result.kind) {
    case 'saved':
      return (
        <MessageBar intent="success">
          <MessageBarBody>Saved: strategy {result.strategy.id}.</MessageBarBody>
        </MessageBar>
      );
    case 'forbidden':
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <BarTitle>Not saved</BarTitle>
            SharePoint did not let you change strategies ({result.message}).
          </MessageBarBody>
        </MessageBar>
      );
    case 'conflict':
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <BarTitle>Changed by someone else</BarTitle>
            {result.current
              ? 'Someone saved this strategy after you opened it. Your changes were not saved. Their version is below; reload to start again from it.'
              : 'Someone removed this strategy after you opened it. Your changes were not saved.'}
            {/* Open: the point of the notice is to show what they changed. */}
            {result.current && <Essentials strategy={result.current} open />}
          </MessageBarBody>
          {onReload && (
            <MessageBarActions>
              <Button onClick={onReload}>Reload</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      );
  }
}
