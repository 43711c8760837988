// What jsdom lacks and the pane's dependencies use: TextEncoder (core hashes the log key),
// ResizeObserver (Fluent's MessageBar reflow) and scrollIntoView (jsdom has no layout; the browser
// tests check what is in view). Imported first by the DOM tests.
import { TextDecoder, TextEncoder } from 'node:util';

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
g.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

if (typeof Element !== 'undefined' && !('scrollIntoView' in Element.prototype))
  Object.defineProperty(Element.prototype, 'scrollIntoView', { value: () => undefined, writable: true });
