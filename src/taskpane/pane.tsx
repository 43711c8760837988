// The pane itself, a chunk of its own that the page preloads (webpack.config.js): React, Fluent
// and the pane's state are most of the JavaScript, and evaluating them is one long task. The
// entry (index.tsx) asks Outlook for the first token before running this, so that task overlaps
// the host's answer instead of holding the sign-in up. Whatever fails is shown as a clear error
// state, never a blank pane.
import { FluentProvider, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { provideShippedMatcherData } from '../core/indicators/shipped';
import type { BootResult } from './bootstrap';
import { App } from './components/App';
import { BarTitle } from './components/BarTitle';
import { warmUpMatchers } from './state/config';
import { TriageController } from './state/controller';
import { describeError } from './state/errors';
import { themeFor } from './view/theme';

// The shipped term lists' prebuilt matcher is 76 KB gzipped: a chunk of its own, which the page
// preloads too. Should it fail to load, the first evaluation compiles the lists instead (slower,
// same result).
const shippedTerms = import(/* webpackChunkName: "shipped-terms" */ '../core/indicators/shipped-data').then(
  (m) => provideShippedMatcherData(m.SHIPPED_MATCHER_DATA),
);
shippedTerms.catch(() => undefined); // awaited, and its failure reported, by the start-up

function show(root: Root, theme: ReturnType<typeof themeFor>, node: ReactNode): void {
  root.render(
    <StrictMode>
      <FluentProvider theme={theme}>{node}</FluentProvider>
    </StrictMode>,
  );
}

function BootError({ message }: { message: string }) {
  return (
    <main style={{ padding: 12 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <BarTitle>The contact strategy pane could not start</BarTitle>
          {message} Close and reopen the pane; if it keeps happening, tell your administrator. Read and handle
          the message in Outlook as usual meanwhile.
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}

/** office.js did not load (offline, blocked): nothing can work without it. */
export function showOfficeMissing(el: HTMLElement): void {
  show(createRoot(el), themeFor(undefined), <BootError message="Office did not load in this pane." />);
}

/** Renders the pane into `el` once Office is ready, with the services `startServices` began. */
export async function runPane(el: HTMLElement, booting: Promise<BootResult>): Promise<void> {
  const root = createRoot(el);
  const theme = themeFor(Office.context?.officeTheme);
  show(root, theme, <Spinner style={{ padding: 24 }} label="Starting…" />);
  try {
    const { services, outboxWarning } = await booting;
    const controller = new TriageController(services, {
      visible: () => document.visibilityState === 'visible',
      events: { window, document },
      warnings: outboxWarning ? [outboxWarning] : [],
      warmUp: () => shippedTerms.then(warmUpMatchers),
    });
    window.addEventListener(
      'pagehide',
      () => {
        controller.dispose();
        // Frees this pane's claim on rows it was sending, so the next pane sends them at once.
        services.outbox.close();
      },
      { once: true },
    );
    show(root, theme, <App controller={controller} />);
    await controller.start();
  } catch (err) {
    show(root, theme, <BootError message={`${describeError(err)}.`} />);
  }
}
