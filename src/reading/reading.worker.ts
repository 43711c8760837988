// The reading worker: attachment extraction and scanning, off the pane's main thread.
// The worker scans attachments with the shipped lists: their prebuilt matcher comes with it.
import '../core/indicators/with-shipped-data';
import { browserLibs } from './libs';
import { createAssembler, createHandler, type WorkerMessage, type WorkerResponse } from './worker-logic';

const handle = createHandler(browserLibs);
const assemble = createAssembler();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

// One request at a time, in order: attachments for one message, then the next.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const { id } = event.data;
  const request = assemble(event.data);
  if (!request) return;
  queue = queue.then(async () => {
    try {
      scope.postMessage({ id, ok: true, result: await handle(request) });
    } catch (err) {
      scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  });
};
