/** @jest-environment jsdom */
// Decisions the contact log refused for good: once the cause is fixed, the person sends them again
// from the status bar. The button reaches the pane's outbox; the bar goes when they are sent, and
// says so when SharePoint refuses them again.
import './jsdom-setup';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { rig, settle, type Rig } from './fakes';

const BUTTON = { name: 'Try refused decisions again' };

async function showRefused(r: Rig, count: number) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App controller={r.controller} />
    </FluentProvider>,
  );
  await act(async () => {
    await r.controller.start();
    await settle();
  });
  act(() => r.outbox.report({ refused: { count, reason: '404 itemNotFound' }, othersWaiting: 1 }));
}

it('sends this person’s refused decisions again, and the bar goes once the log takes them', async () => {
  const r = rig();
  let asked = 0;
  r.outbox.retryRefused = async () => {
    asked++;
    // The real outbox sends them; here the log takes them: nothing is refused any more.
    r.outbox.report({ refused: undefined });
  };
  await showRefused(r, 2);
  expect(screen.getByText('2 decisions refused by the contact log')).toBeTruthy();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', BUTTON));
    await settle();
  });
  expect(asked).toBe(1);
  expect(screen.queryByText(/refused by the contact log/)).toBeNull();
  expect(screen.queryByRole('button', BUTTON)).toBeNull();
  // Another person's decisions are still only counted, never offered for sending.
  expect(screen.getByText(/1 decision recorded on this computer by someone else is waiting/)).toBeTruthy();
});

it('says so when SharePoint refuses them again, and can be tried once more', async () => {
  const r = rig();
  let asked = 0;
  const gate: Array<() => void> = [];
  r.outbox.retryRefused = () => {
    asked++;
    return new Promise<void>((resolve) => gate.push(resolve));
  };
  await showRefused(r, 1);
  fireEvent.click(screen.getByRole('button', BUTTON));
  // While it is being sent the button cannot be pressed twice.
  const busy = await screen.findByRole('button', { name: 'Trying again…' });
  expect((busy as HTMLButtonElement).disabled).toBe(true);
  await act(async () => {
    gate.shift()?.();
    await settle();
  });
  expect(screen.getByText(/Tried again: SharePoint still refuses it\./)).toBeTruthy();
  const again = screen.getByRole('button', BUTTON) as HTMLButtonElement;
  expect(again.disabled).toBe(false);
  fireEvent.click(again);
  expect(asked).toBe(2);
  await act(async () => {
    gate.shift()?.();
    await settle();
  });
});
