// Outlook on the web, new Outlook and mobile allow at most 3 simultaneous async calls per add-in
// (limits-for-activation-and-javascript-api-for-outlook-add-ins); more fail with an error. Every
// *Async call the adapter makes goes through one of these.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`limiter size must be a positive integer, got ${max}`);
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    running--;
    const next = waiting.shift();
    if (next) next();
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        running++;
        let result: Promise<T>;
        try {
          result = task();
        } catch (err) {
          result = Promise.reject(err);
        }
        result.then(resolve, reject).finally(release);
      };
      if (running < max) start();
      else waiting.push(start);
    });
}
