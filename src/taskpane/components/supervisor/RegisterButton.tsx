// "Register": opens the supervisors' register in an Office dialog with every strategy's row. The
// dialog has no mailbox, so the rows are built here (core's registerRows over the strategies and
// their contact log since at most a year back) and sent to it, as are the review pack and the
// subject access export it asks for (core's reviewPack, personOf and subjectAccessTable).
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { subjectAccessTable } from '../../../core/register/exports';
import { personOf } from '../../../core/register/person';
import { packSince, registerRows } from '../../../core/register/register';
import { reviewPack } from '../../../core/supervisor';
import { localDate } from '../../../core/time';
import type { ContactLogRecord } from '../../../core/types';
import { globalOffice } from '../../../office/office-api';
import { openRegister, type RegisterEvent, type RegisterSource } from '../../../register/dialog/open';
import { REGISTER_PAGE } from '../../../register/dialog/protocol';
import { describeError } from '../../state/errors';
import { useSupervisor } from '../../state/supervisor-context';
import type { ReadyState } from '../../state/types';

const YEAR_MS = 365 * 86_400_000;

export function RegisterButton({ state }: { state: ReadyState }) {
  const supervisor = useSupervisor();
  // What became of the last attempt: Office refused to open it, it failed, or it was closed.
  const [note, setNote] = useState<RegisterEvent | null>(null);

  const strategy = (id: string) => {
    const found = supervisor.strategyById(id);
    if (!found) throw new Error(`no strategy ${id} is known`);
    return found;
  };
  const source: RegisterSource = {
    async rows() {
      const now = supervisor.today();
      const since = new Date(now.getTime() - YEAR_MS).toISOString();
      const strategies = supervisor.strategies();
      const logs = await Promise.all(strategies.map((s) => supervisor.contactsFor(s.id, since)));
      // A row naming two strategies is read twice: keep it once.
      const log = [...new Map(logs.flat().map((r): [string, ContactLogRecord] => [r.key, r])).values()];
      return registerRows(strategies, log, state.settings, localDate(now, state.settings.timeZone));
    },
    async pack(id) {
      const st = strategy(id);
      const since = packSince(st, supervisor.today());
      return reviewPack(st, await supervisor.contactsFor(id, since), since);
    },
    async personLog(id) {
      // Everything held about the person: all their strategies and addresses, every decision.
      const person = personOf(strategy(id), supervisor.strategies());
      const { records, overrides, unreadable } = await supervisor.personLog(person);
      return {
        personName: person.name,
        strategyIds: person.strategyIds,
        table: subjectAccessTable(person, records, overrides),
        unreadable: unreadable.map((r) => r.message),
      };
    },
  };

  const open = () => {
    setNote(null);
    const office = globalOffice();
    const ui = office.context.ui;
    const { DialogMessageReceived, DialogEventReceived } = office.EventType;
    if (
      !ui ||
      !office.context.requirements?.isSetSupported('DialogApi', '1.2') ||
      !DialogMessageReceived ||
      !DialogEventReceived
    ) {
      setNote({
        kind: 'failed',
        message: 'This version of Outlook cannot open the register (it needs the Office dialog API 1.2).',
      });
      return;
    }
    openRegister({
      ui,
      eventTypes: { DialogMessageReceived, DialogEventReceived },
      url: new URL(REGISTER_PAGE, globalThis.location.href).href,
      source,
      describe: describeError,
      onEvent: setNote,
    }).catch((err: unknown) =>
      setNote({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
  };

  return (
    <div>
      <Button onClick={open}>Register of all strategies</Button>
      {/* A failure interrupts (alert); a plain close is said politely (status). */}
      {note?.kind === 'failed' && <p role="alert">{note.message}</p>}
      <div role="status">{note?.kind === 'closed' && <p>{note.message}</p>}</div>
    </div>
  );
}
