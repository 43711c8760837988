// Places in an attachment's text to show beside its name: the phrase and a little either side.
// The pane never shows an attachment's whole text (the handler opens the file to read it).
import type { Indicator } from '../core/types';
import type { Excerpt } from './types';

const CONTEXT = 60;
export const MAX_EXCERPTS = 12;

const squash = (text: string): string => text.replace(/\s+/g, ' ');

export function excerptsOf(text: string, indicators: readonly Indicator[]): Excerpt[] {
  const sorted = [...indicators].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<Excerpt & { start: number; end: number }> = [];
  for (const hit of sorted) {
    const last = out.at(-1);
    // Overlapping phrases ("hit my son", "my son") are one place with both codes.
    if (last && hit.start < last.end) {
      if (!last.codes.includes(hit.code)) last.codes.push(hit.code);
      if (hit.end > last.end) {
        last.text = text.slice(last.start, hit.end);
        last.end = hit.end;
        last.after = squash(text.slice(hit.end, hit.end + CONTEXT));
      }
      continue;
    }
    if (out.length === MAX_EXCERPTS) break;
    out.push({
      start: hit.start,
      end: hit.end,
      before: squash(text.slice(Math.max(0, hit.start - CONTEXT), hit.start)),
      text: text.slice(hit.start, hit.end),
      after: squash(text.slice(hit.end, hit.end + CONTEXT)),
      codes: [hit.code],
    });
  }
  return out.map(({ before, text: t, after, codes }) => ({ before, text: t, after, codes }));
}
