// What jsdom lacks and the pane's dependencies use: TextEncoder (core hashes the log key) and
// ResizeObserver (Fluent's MessageBar reflow). Imported first by the DOM tests.
import { TextDecoder, TextEncoder } from 'node:util';

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
g.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
