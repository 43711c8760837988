// Entry point: wait for Office, wire the ports, render the pane in Outlook's theme. Whatever
// fails on the way is shown as a clear error state, never a blank pane.
import { FluentProvider, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { BarTitle } from './components/BarTitle';
import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { provideShippedMatcherData } from '../core/indicators/shipped';
import { readRuntimeConfig } from '../office/config';
import { createServices } from './bootstrap';
import { App } from './components/App';
import { warmUpMatchers } from './state/config';
import { TriageController } from './state/controller';
import { describeError } from './state/errors';
import { themeFor } from './view/theme';

// The shipped term lists' prebuilt matcher is 76 KB gzipped: a chunk of its own, which the page
// preloads beside this bundle (webpack.config.js), asked for before Office is ready. Should it
// fail to load, the first evaluation compiles the lists instead (slower, same result).
const shippedTerms = import(/* webpackChunkName: "shipped-terms" */ '../core/indicators/shipped-data').then(
  (m) => provideShippedMatcherData(m.SHIPPED_MATCHER_DATA),
);
shippedTerms.catch(() => undefined); // awaited, and its failure reported, by the start-up

function mount(): Root | null {
  const el = document.getElementById('root');
  return el ? createRoot(el) : null;
}

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

async function boot(root: Root): Promise<void> {
  const theme = themeFor(Office.context?.officeTheme);
  show(root, theme, <Spinner style={{ padding: 24 }} label="Starting…" />);
  try {
    const config = readRuntimeConfig();
    const { services, outboxWarning } = await createServices(config);
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

const root = mount();
if (root) {
  if (typeof Office === 'undefined') {
    // office.js did not load (offline, blocked): nothing below can work without it.
    show(root, themeFor(undefined), <BootError message="Office did not load in this pane." />);
  } else {
    void Office.onReady().then(() => boot(root));
  }
}
