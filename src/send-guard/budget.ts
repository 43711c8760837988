// The send guard's time budget: Outlook shows its "taking longer than expected" dialog after five
// seconds, and mail must never wait on us, so after the budget the guard lets the mail go.
export type Timed<T> = { kind: 'done'; value: T } | { kind: 'late' } | { kind: 'failed'; error: unknown };

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The work's outcome if it settles within `ms`, else `late` (the work goes on, unwatched). */
export function withinBudget<T>(
  work: Promise<T>,
  ms: number,
  timers: Timers = realTimers,
): Promise<Timed<T>> {
  return new Promise((resolve) => {
    const handle = timers.setTimeout(() => resolve({ kind: 'late' }), Math.max(0, ms));
    work.then(
      (value) => {
        timers.clearTimeout(handle);
        resolve({ kind: 'done', value });
      },
      (error: unknown) => {
        timers.clearTimeout(handle);
        resolve({ kind: 'failed', error });
      },
    );
  });
}
