// A render error in one message's view must not blank the pane: React unmounts the whole root
// for an uncaught error, which would take the status bar and every later message with it.
// Keyed by the item where it is used, so the next message starts clean.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { describeError } from '../state/errors';
import { BarTitle } from './BarTitle';

export class ItemBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error('unknown error') };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <BarTitle>This message could not be shown</BarTitle>
          The pane failed while drawing it ({describeError(this.state.error)}). Read it in Outlook as usual
          for new complaints, allegations, crimes and safeguarding, and tell your administrator.
        </MessageBarBody>
      </MessageBar>
    );
  }
}
