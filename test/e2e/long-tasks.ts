// The browser's own long-task timing (tasks over 50 ms) in the pane's frame, for the browser test
// and the reading bench: start watching, then read the longest tasks seen since, split by whose
// work they were.
//
// - The emulated Outlook page: in the sandbox it shares the pane's thread (one origin). In Outlook
//   it does not: the add-in's frame is on another site, which Chromium (Outlook on the web, and
//   WebView2 in new Outlook) runs in a process of its own. The browser attributes each task to
//   the frame whose script ran in it; 'same-origin-ancestor' is the page's.
// - Office.js receiving a message from Outlook: the browser copies it into the pane's frame when
//   it is first read (a 10 MB body, tens of milliseconds, in one piece). It runs on the pane's
//   thread in Outlook too, but it is Office's code, not the add-in's: the sandbox host measures it
//   (OFFICE_DELIVERY) and it is reported apart, and taken out of the task it happened in.
// - The pane: everything else, including tasks the browser could not attribute.
import type { Frame } from 'playwright-core';
import { OFFICE_DELIVERY } from '../../sandbox/office-host/protocol';

export interface LongestTasks {
  /** The longest task of the pane's own work (Office.js's delivery taken out). */
  pane: number;
  /** The longest delivery of a message by the (emulated) Office.js, on the pane's thread. */
  officeDelivery: number;
  /** The longest task of the emulated Outlook page (the sandbox's own work). */
  page: number;
}

interface Seen {
  tasks: Array<{ start: number; end: number; page: boolean }>;
  delivery: Array<{ start: number; end: number }>;
}

export async function watchLongTasks(frame: Frame): Promise<() => Promise<LongestTasks>> {
  await frame.evaluate((delivery) => {
    const w = window as unknown as { seen: Seen };
    w.seen = { tasks: [], delivery: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.seen.tasks.push({
          start: e.startTime,
          end: e.startTime + e.duration,
          page: e.name === 'same-origin-ancestor',
        });
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === delivery) w.seen.delivery.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'measure' });
  }, OFFICE_DELIVERY);
  return async () => {
    const seen = await frame.evaluate(() => (window as unknown as { seen: Seen }).seen);
    const longest: LongestTasks = { pane: 0, officeDelivery: 0, page: 0 };
    for (const d of seen.delivery) longest.officeDelivery = Math.max(longest.officeDelivery, d.end - d.start);
    for (const t of seen.tasks) {
      if (t.page) {
        longest.page = Math.max(longest.page, t.end - t.start);
        continue;
      }
      const office = seen.delivery.reduce(
        (sum, d) => sum + Math.max(0, Math.min(t.end, d.end) - Math.max(t.start, d.start)),
        0,
      );
      longest.pane = Math.max(longest.pane, t.end - t.start - office);
    }
    return longest;
  };
}
