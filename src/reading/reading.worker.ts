// The reading worker: attachment extraction and scanning, off the pane's main thread.
// The worker scans attachments with the shipped lists: their prebuilt matcher comes with it.
import '../core/indicators/with-shipped-data';
import { browserLibs } from './libs';
import { createHandler, type WorkerRequest, type WorkerResponse } from './worker-logic';

const handle = createHandler(browserLibs);
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

// One request at a time, in order: attachments for one message, then the next.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const { id, ...request } = event.data;
  queue = queue.then(async () => {
    try {
      scope.postMessage({ id, ok: true, result: await handle(request) });
    } catch (err) {
      scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  });
};
