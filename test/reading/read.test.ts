// Reading attachments end to end (without pdf.js, which pdf.test.ts runs in Node): what the
// handler is shown for each file, and that nothing unread passes as read.
import { docx, eml, encryptedDocx, png, rtf } from '../../sandbox/samples/files';
import { scanIndicators } from '../../src/core/indicators';
import { planAttachments } from '../../src/reading/plan';
import { readAttachment, type ReadContext } from '../../src/reading/read';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_TOTAL_BYTES,
  readCounts,
  type AttachmentInfo,
  type AttachmentReading,
} from '../../src/reading/types';
import { createHandler } from '../../src/reading/worker-logic';
import { nodeLibs } from './libs';

const ctx: ReadContext = { libs: nodeLibs, scan: (t) => scanIndicators(t) };
const info = (name: string, contentType = '', extra: Partial<AttachmentInfo> = {}): AttachmentInfo => ({
  id: name,
  name,
  contentType,
  size: 1000,
  isInline: false,
  kind: 'file',
  ...extra,
});
const bytes = (b: Uint8Array) => ({ format: 'bytes' as const, bytes: b });
const codes = (r: AttachmentReading) => (r.status === 'read' ? r.indicators.map((i) => i.code) : []);

describe('reading one attachment', () => {
  it('finds a new allegation in a Word document and shows it with its context', async () => {
    const r = await readAttachment(
      info('letter.docx'),
      bytes(docx(['Dear PSD,', 'PC Example assaulted my son at the station.'])),
      ctx,
    );
    expect(r.status).toBe('read');
    expect(codes(r)).toContain('NEW_ALLEGATION');
    if (r.status !== 'read') return;
    expect(r.format).toBe('docx');
    expect(r.excerpts[0]).toMatchObject({
      text: 'PC Example assaulted',
      after: expect.stringContaining('my son'),
    });
  });

  it('reads RTF, HTML and plain text with the same indicators as the body', async () => {
    const line = 'Officer Example lied in his statement';
    for (const [name, file] of [
      ['a.rtf', rtf([line])],
      ['a.html', new TextEncoder().encode(`<p>${line}</p>`)],
      ['a.txt', new TextEncoder().encode(line)],
    ] as const) {
      expect(codes(await readAttachment(info(name), bytes(file), ctx))).toEqual(['NEW_ALLEGATION']);
    }
  });

  it('decodes base64 content as Office.js gives it', async () => {
    const base64 = Buffer.from('my daughter is frightened of him').toString('base64');
    const r = await readAttachment(info('note.txt', 'text/plain'), { format: 'base64', base64 }, ctx);
    expect(codes(r)).toContain('SAFEGUARDING');
  });

  it('names what it cannot read: a picture, a protected file, an unknown format, a cloud link', async () => {
    const reasons = await Promise.all([
      readAttachment(info('scan.jpg', 'image/jpeg'), bytes(png()), ctx),
      readAttachment(info('letter.docx'), bytes(encryptedDocx()), ctx),
      readAttachment(info('data.bin'), bytes(Uint8Array.from([0, 1, 2, 3])), ctx),
      readAttachment(
        info('big.pdf', '', { kind: 'cloud' }),
        { format: 'url', url: 'https://example.com/x' },
        ctx,
      ),
    ]);
    expect(reasons.map((r) => (r.status === 'not-read' ? r.reason.kind : r.status))).toEqual([
      'image',
      'encrypted',
      'unknown-format',
      'cloud-link',
    ]);
  });

  it('says a Word document that will not open failed, rather than finding nothing in it', async () => {
    const broken = docx(['x']).slice(0, 60);
    const r = await readAttachment(info('letter.docx'), bytes(broken), ctx);
    expect(r).toMatchObject({ status: 'not-read', reason: { kind: 'failed' } });
  });
});

describe('an attached mail', () => {
  const inner = eml({
    from: 'Jo Example <jo@example.org>',
    to: 'psd@force.example.police.uk',
    subject: 'What happened',
    text: 'See the statement attached.',
    attachments: [
      {
        name: 'statement.docx',
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: docx(['PC Example assaulted my son.']),
      },
      { name: 'photo.png', type: 'image/png', bytes: png() },
    ],
  });

  it('reads its text and its own attachments, one level down', async () => {
    const r = await readAttachment(
      info('Fwd.eml', 'message/rfc822', { kind: 'item' }),
      { format: 'eml', text: inner },
      ctx,
    );
    expect(r).toMatchObject({ status: 'read', format: 'eml' });
    expect(r.children.map((c) => [c.info.name, c.status])).toEqual([
      ['statement.docx', 'read'],
      ['photo.png', 'not-read'],
    ]);
    expect(codes(r.children[0]!)).toContain('NEW_ALLEGATION');
    expect(readCounts([r])).toEqual({ total: 3, read: 2 });
  });

  it('names the attachments of a mail attached to an attached mail, without reading them', async () => {
    const outer = eml({
      from: 'Jo Example <jo@example.org>',
      to: 'psd@force.example.police.uk',
      subject: 'Forwarding',
      text: 'Forwarded below.',
      attachments: [{ name: 'inner.eml', type: 'message/rfc822', bytes: new TextEncoder().encode(inner) }],
    });
    const r = await readAttachment(
      info('outer.eml', 'message/rfc822', { kind: 'item' }),
      { format: 'eml', text: outer },
      ctx,
    );
    const child = r.children[0]!;
    expect(child.status).toBe('read');
    expect(child.children.map((c) => c.status === 'not-read' && c.reason.kind)).toEqual([
      'too-deep',
      'too-deep',
    ]);
  });
});

describe('the caps', () => {
  it('fetches nothing over the per-attachment cap, nor past the total, and no cloud link', () => {
    const plan = planAttachments([
      info('huge.pdf', '', { size: MAX_ATTACHMENT_BYTES + 1 }),
      info('a.pdf', '', { size: MAX_ATTACHMENT_BYTES }),
      info('b.pdf', '', { size: MAX_ATTACHMENT_BYTES }),
      info('c.pdf', '', { size: MAX_TOTAL_BYTES - 2 * MAX_ATTACHMENT_BYTES + 1 }),
      info('small.txt', '', { size: 10 }),
      info('link', '', { kind: 'cloud' }),
    ]);
    expect(plan.map((p) => (p.fetch ? 'fetch' : p.reason.kind))).toEqual([
      'too-large',
      'fetch',
      'fetch',
      'over-total',
      'fetch',
      'cloud-link',
    ]);
  });

  it('checks the real size too: Outlook may under-report it', async () => {
    const r = await readAttachment(
      info('a.txt'),
      bytes(new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(65)),
      ctx,
    );
    expect(r).toMatchObject({ status: 'not-read', reason: { kind: 'too-large' } });
  });
});

describe('the worker logic', () => {
  it('scans with the organisation terms it is given, in the order asked', async () => {
    const handle = createHandler(nodeLibs);
    const terms = { NEW_ALLEGATION: ['@default', 'bodycam deleted'] };
    const result = await handle({
      type: 'attachments',
      terms,
      items: [
        { info: info('1.txt'), content: bytes(new TextEncoder().encode('the bodycam deleted it')) },
        { info: info('2.txt'), content: bytes(new TextEncoder().encode('nothing here')) },
      ],
    });
    if (result.type !== 'attachments') throw new Error(`answered ${result.type}`);
    expect(result.readings.map((r) => [r.info.name, codes(r)])).toEqual([
      ['1.txt', ['NEW_ALLEGATION']],
      ['2.txt', []],
    ]);
  });
});
