// The dialog's requests to the pane: each is sent with messageParent and settled by the pane's
// answer for the same request (messageChild), so the page can await a review pack like a fetch.
import type { Table } from '../../core/register/exports';
import type { ReviewPack } from '../../core/supervisor';
import type { FromDialog, PersonExport, Request, ToDialog } from './protocol';

export interface Asker {
  pack(strategyId: string): Promise<{ pack: ReviewPack; table: Table }>;
  personLog(strategyId: string): Promise<PersonExport>;
  /** Hands the pane's message over; true when it settled a request. */
  receive(message: ToDialog): boolean;
}

type Waiting = { resolve(m: ToDialog): void; reject(e: Error): void };

const keyOf = (r: Request) => `${r.kind}:${r.id}`;

export function createAsker(messageParent: (text: string) => void): Asker {
  const waiting = new Map<string, Waiting[]>();

  function send(request: Request): Promise<ToDialog> {
    return new Promise((resolve, reject) => {
      const key = keyOf(request);
      waiting.set(key, [...(waiting.get(key) ?? []), { resolve, reject }]);
      const message: FromDialog = { type: 'cst-register', kind: 'ask', request };
      messageParent(JSON.stringify(message));
    });
  }

  async function pack(id: string) {
    const m = await send({ kind: 'pack', id });
    if (m.kind !== 'pack') throw new Error('The pane answered something else.');
    return { pack: m.pack, table: m.table };
  }

  async function personLog(id: string) {
    const m = await send({ kind: 'person-log', id });
    if (m.kind !== 'person-log') throw new Error('The pane answered something else.');
    return m.export;
  }

  function receive(message: ToDialog): boolean {
    let request: Request;
    if (message.kind === 'pack') request = { kind: 'pack', id: message.id };
    else if (message.kind === 'person-log') request = { kind: 'person-log', id: message.id };
    else if (message.kind === 'refused') request = message.request;
    else return false;
    const key = keyOf(request);
    const list = waiting.get(key) ?? [];
    waiting.delete(key);
    for (const w of list) {
      if (message.kind === 'refused') w.reject(new Error(message.message));
      else w.resolve(message);
    }
    return list.length > 0;
  }

  return { pack, personLog, receive };
}
