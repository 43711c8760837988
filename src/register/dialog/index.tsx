// Entry of the register dialog page (register.html). It has no mailbox and no Graph: it says it is
// ready with messageParent and draws the rows the pane sends with messageChild; a review pack and
// a person's log are asked of the pane the same way.
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  webLightTheme,
} from '@fluentui/react-components';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { RegisterRow } from '../../core/register/register';
import { createAsker } from './ask';
import { PackPage } from './PackPage';
import { readToDialog, type FromDialog } from './protocol';
import { FIRST_VIEW, RegisterTable, type RegisterView } from './RegisterTable';

type DialogOffice = {
  EventType: { DialogParentMessageReceived: string };
  context: {
    ui: {
      messageParent(message: string): void;
      addHandlerAsync(type: string, handler: (arg: { message: string }) => void, cb?: unknown): void;
    };
  };
  onReady(): Promise<unknown>;
};

type View =
  | { kind: 'waiting' }
  | { kind: 'failed'; message: string }
  | { kind: 'rows'; rows: RegisterRow[]; open?: RegisterRow; returnTo?: string };

function officeOf(): DialogOffice | null {
  // The dialog's Office (office.js, or the sandbox's dialog host): only the part a dialog has.
  const office = (globalThis as unknown as { Office?: DialogOffice }).Office;
  return office?.context?.ui?.addHandlerAsync ? office : null;
}

function RegisterDialog() {
  const [view, setView] = useState<View>({ kind: 'waiting' });
  const [table, setTable] = useState<RegisterView>(FIRST_VIEW);
  const office = useMemo(officeOf, []);
  const asker = useMemo(() => createAsker((text) => office?.context.ui.messageParent(text)), [office]);
  useEffect(() => {
    if (!office) {
      setView({ kind: 'failed', message: 'Open the register from the add-in’s supervisor tools.' });
      return;
    }
    void office.onReady().then(() => {
      office.context.ui.addHandlerAsync(
        office.EventType.DialogParentMessageReceived,
        (arg) => {
          const message = readToDialog(arg.message);
          if (message && asker.receive(message)) return;
          if (!message)
            setView({ kind: 'failed', message: 'The pane sent something the register cannot read.' });
          else if (message.kind === 'failed') setView({ kind: 'failed', message: message.message });
          // Rows sent again (a second ready) keep the pack the supervisor has open.
          else if (message.kind === 'rows')
            setView((v) =>
              v.kind === 'rows' ? { ...v, rows: message.rows } : { kind: 'rows', rows: message.rows },
            );
        },
        () => {
          const ready: FromDialog = { type: 'cst-register', kind: 'ready' };
          office.context.ui.messageParent(JSON.stringify(ready));
        },
      );
    });
  }, [office, asker]);
  if (view.kind === 'waiting') return <Spinner label="Waiting for the register from the pane…" />;
  if (view.kind === 'failed')
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{view.message}</MessageBarBody>
      </MessageBar>
    );
  const { rows, open } = view;
  if (open)
    return (
      <PackPage row={open} asker={asker} onBack={() => setView({ kind: 'rows', rows, returnTo: open.id })} />
    );
  return (
    <RegisterTable
      rows={rows}
      view={table}
      onView={setTable}
      onOpen={(row) => setView({ kind: 'rows', rows, open: row })}
      {...(view.returnTo ? { returnTo: view.returnTo } : {})}
    />
  );
}

const el = document.getElementById('root');
if (el)
  createRoot(el).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <RegisterDialog />
      </FluentProvider>
    </StrictMode>,
  );
