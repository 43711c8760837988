// What crosses to the reading worker: long texts go ahead in pieces no longer than POST_CHARS,
// each its own postMessage, and the worker rebuilds exactly the request the pane made.
import fc from 'fast-check';
import type { AttachmentContent, AttachmentInfo } from '../../src/reading/types';
import {
  createAssembler,
  toMessages,
  type ReadingRequest,
  type WorkerMessage,
} from '../../src/reading/worker-logic';

const info = (id: string): AttachmentInfo => ({
  id,
  name: `${id}.txt`,
  contentType: 'text/plain',
  size: 1,
  isInline: false,
  kind: 'file',
});

const content: fc.Arbitrary<AttachmentContent> = fc.oneof(
  fc.string({ maxLength: 300 }).map((base64) => ({ format: 'base64' as const, base64 })),
  fc.string({ maxLength: 300 }).map((text) => ({ format: 'eml' as const, text })),
  fc.string({ maxLength: 300 }).map((text) => ({ format: 'icalendar' as const, text })),
  fc.webUrl().map((url) => ({ format: 'url' as const, url })),
  fc.uint8Array({ maxLength: 50 }).map((bytes) => ({ format: 'bytes' as const, bytes })),
);

const request: fc.Arbitrary<ReadingRequest> = fc.oneof(
  fc.record(
    {
      type: fc.constant('body' as const),
      subject: fc.string({ maxLength: 20 }),
      body: fc.string({ maxLength: 500 }),
      fingerprintSecret: fc.string({ minLength: 16, maxLength: 40 }),
    },
    { requiredKeys: ['type', 'subject', 'body'] },
  ),
  fc.array(content, { maxLength: 5 }).map((cs) => ({
    type: 'attachments' as const,
    items: cs.map((c, i) => ({ info: info(`a${i}`), content: c })),
  })),
);

describe('messages to the reading worker', () => {
  it('rebuild the request exactly, with no piece longer than the limit', () => {
    fc.assert(
      fc.property(request, fc.integer({ min: 1, max: 64 }), (r, size) => {
        const messages = toMessages(7, r, size);
        for (const m of messages) if (m.type === 'text') expect(m.text.length).toBeLessThanOrEqual(size);
        expect(messages.at(-1)?.type).toBe('request');
        const assemble = createAssembler();
        // Through structured clone, as postMessage delivers them.
        const got = messages.map((m) => assemble(structuredClone(m)));
        expect(got.slice(0, -1).every((g) => g === null)).toBe(true);
        expect(got.at(-1)).toEqual(r);
      }),
    );
  });

  it('send a 10 MB body as pieces, leaving nothing of it in the request itself', () => {
    const body = 'my daughter is frightened. '.repeat(400_000);
    const messages = toMessages(1, {
      type: 'body',
      subject: 'Again',
      body,
      fingerprintSecret: 'x'.repeat(32),
    });
    const request = messages.at(-1) as Extract<WorkerMessage, { type: 'request' }>;
    expect(JSON.stringify(request).length).toBeLessThan(200);
    expect(messages.length).toBeGreaterThan(40);
    // The organisation's secret travels with the request: the worker fingerprints under it.
    expect(request.request).toMatchObject({ type: 'body', fingerprintSecret: 'x'.repeat(32) });
  });

  it('keep two requests apart when their pieces interleave', () => {
    const a: ReadingRequest = { type: 'body', subject: 'A', body: 'aaaa aaaa aaaa' };
    const b: ReadingRequest = { type: 'body', subject: 'B', body: 'bbbb bbbb' };
    const ma = toMessages(1, a, 3);
    const mb = toMessages(2, b, 3);
    const assemble = createAssembler();
    const out: ReadingRequest[] = [];
    for (let i = 0; i < Math.max(ma.length, mb.length); i++)
      for (const m of [ma[i], mb[i]]) {
        const r = m && assemble(m);
        if (r) out.push(r);
      }
    expect(out).toEqual([b, a]);
  });
});
