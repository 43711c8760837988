// The browser's own long-task timing (tasks over 50 ms) in a frame, for the browser test and the
// reading bench: start watching, then read the longest task seen since.
import type { Frame } from 'playwright-core';

export async function watchLongTasks(frame: Frame): Promise<() => Promise<number>> {
  await frame.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  return () => frame.evaluate(() => (window as unknown as { longest: number }).longest);
}
