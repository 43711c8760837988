// The pane's side of the reading worker: one Worker, started on the first message with
// attachments or a long body (so a pane that never sees one never loads it), requests matched by
// id. A worker that cannot start or dies fails every request in words, so the pane says so.
// Long texts go in pieces, one postMessage per task (worker-logic.ts says why).
import type { Terms } from '../core/indicators';
import type { BodyReader } from './long-body';
import type { ReadingEngine } from './service';
import { toMessages, type ReadingRequest, type ReadingResult, type WorkerResponse } from './worker-logic';

/** Lets the pane's other tasks (input, rendering) run between two pieces. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Bytes go to the worker by transfer: no copy on the pane's thread (each buffer once). */
function transferables(request: ReadingRequest): ArrayBuffer[] {
  if (request.type !== 'attachments') return [];
  const buffers = new Set<ArrayBuffer>();
  for (const { content } of request.items)
    if (
      (content.format === 'bytes' || content.format === 'mime') &&
      content.bytes.buffer instanceof ArrayBuffer
    )
      buffers.add(content.bytes.buffer);
  return [...buffers];
}

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
    const response = new Promise<WorkerResponse>((resolve, reject) => waiting.set(id, { resolve, reject }));
    // Failed while the pieces are still going (the worker died): awaited below, never unhandled.
    response.catch(() => undefined);
    try {
      const messages = toMessages(id, request);
      const last = messages.length - 1;
      for (const [i, message] of messages.entries()) {
        if (i > 0) await nextTask();
        // A worker that died while the pieces went has already failed this request.
        if (!waiting.has(id)) break;
        if (i === last) start().postMessage(message, transferables(request));
        else start().postMessage(message);
      }
    } catch (err) {
      const pending = waiting.get(id);
      waiting.delete(id);
      pending?.reject(err instanceof Error ? err : new Error(String(err)));
    }
    const answer = await response;
    if (!answer.ok) throw new Error(answer.message);
    return answer.result;
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
