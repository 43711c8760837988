// The pane's side of the reading worker: one Worker, started on the first message with
// attachments or a long body (so a pane that never sees one never loads it), requests matched by
// id. A worker that cannot start or dies fails every request in words, so the pane says so.
import type { Terms } from '../core/indicators';
import type { BodyReader } from './long-body';
import type { ReadingEngine } from './service';
import type { ReadingRequest, ReadingResult, WorkerResponse } from './worker-logic';

export function createWorkerEngine(): ReadingEngine & BodyReader {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: WorkerResponse) => void; reject: (e: Error) => void }>();

  const failAll = (message: string): void => {
    for (const w of waiting.values()) w.reject(new Error(message));
    waiting.clear();
    worker?.terminate();
    worker = null;
  };

  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./reading.worker.ts', import.meta.url));
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const pending = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      pending?.resolve(event.data);
    };
    w.onerror = (event) => {
      event.preventDefault();
      failAll(`the reading worker stopped (${event.message || 'no reason given'})`);
    };
    worker = w;
    return w;
  };

  const ask = async (request: ReadingRequest): Promise<ReadingResult> => {
    const id = nextId++;
    const response = await new Promise<WorkerResponse>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      try {
        start().postMessage({ id, ...request });
      } catch (err) {
        waiting.delete(id);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    if (!response.ok) throw new Error(response.message);
    return response.result;
  };

  return {
    async read(items, terms?: Terms) {
      const result = await ask({ type: 'attachments', items, ...(terms ? { terms } : {}) });
      if (result.type !== 'attachments') throw new Error('the reading worker answered another request');
      return result.readings;
    },
    async readBody(subject, body, terms, fingerprintSecret) {
      const result = await ask({
        type: 'body',
        subject,
        body,
        ...(terms ? { terms } : {}),
        ...(fingerprintSecret !== undefined ? { fingerprintSecret } : {}),
      });
      if (result.type !== 'body') throw new Error('the reading worker answered another request');
      return result.facts;
    },
  };
}

let shared: (ReadingEngine & BodyReader) | null = null;

/** One worker for the pane's lifetime. */
export function sharedWorkerEngine(): ReadingEngine & BodyReader {
  shared ??= createWorkerEngine();
  return shared;
}
