// Attachments over HTTPS as Graph serves them: listed with their content, one by id, an attached
// mail's MIME through $value, and hasAttachments false when every attachment is inline.
import { startEmulator } from '../../emulator';
import type { RunningEmulator } from '../../emulator/types';
import { HANDLER, SHARED, clientFor, testSeed } from './helpers';

let emu: RunningEmulator;
let me: ReturnType<typeof clientFor>;

const b64 = (text: string) => Buffer.from(text).toString('base64');
/** Bytes that are not text: a PDF's header and a byte no UTF-8 decoding keeps. */
const PDF = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0xc3]);
const MIME = 'From: jo@example.org\r\nSubject: Earlier\r\n\r\nHello\r\n';

beforeAll(async () => {
  const seed = testSeed();
  const shared = seed.mailboxes?.find((m) => m.upn === SHARED);
  shared?.messages?.push(
    {
      internetMessageId: '<att-1@example.org>',
      subject: 'With a letter',
      attachments: [
        { name: 'letter.txt', contentType: 'text/plain', contentBase64: b64('I was hit') },
        { kind: 'item', name: 'Earlier', contentType: 'message/rfc822', contentBase64: b64(MIME) },
        { name: 'scan.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') },
        { kind: 'reference', name: 'Statement', contentType: '', contentBase64: '' },
      ],
    },
    {
      internetMessageId: '<att-2@example.org>',
      subject: 'Logo only',
      attachments: [{ name: 'logo.png', contentType: 'image/png', isInline: true, contentBase64: b64('x') }],
    },
  );
  emu = await startEmulator({ seed });
  me = clientFor(emu, HANDLER);
});
afterAll(() => emu.close());

async function messageId(internetMessageId: string): Promise<string> {
  const list = await me(`/users/${SHARED}/messages?$top=100`);
  const found = (list.json.value as Array<{ id: string; internetMessageId: string }>).find(
    (m) => m.internetMessageId === internetMessageId,
  );
  if (!found) throw new Error(`no ${internetMessageId}`);
  return found.id;
}

it('lists file attachments with their bytes and item attachments without', async () => {
  const id = await messageId('<att-1@example.org>');
  const r = await me(`/users/${SHARED}/messages/${id}/attachments`);
  expect(r.status).toBe(200);
  expect(r.json.value.slice(0, 2)).toEqual([
    expect.objectContaining({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'letter.txt',
      size: 9,
      isInline: false,
      contentBytes: b64('I was hit'),
    }),
    expect.objectContaining({ '@odata.type': '#microsoft.graph.itemAttachment', name: 'Earlier' }),
  ]);
  expect(r.json.value[1].contentBytes).toBeUndefined();
});

it('gives one attachment by id, an attached mail as MIME through $value, and 404 for an unknown id', async () => {
  const id = await messageId('<att-1@example.org>');
  const list = (await me(`/users/${SHARED}/messages/${id}/attachments?$select=name,size`)).json.value;
  expect(Object.keys(list[0]).sort()).toEqual(['@odata.type', 'id', 'name', 'size']);
  const one = await me(`/users/${SHARED}/messages/${id}/attachments/${list[0].id}`);
  expect(one.json.name).toBe('letter.txt');
  const mime = await me(`/users/${SHARED}/messages/${id}/attachments/${list[1].id}/$value`);
  expect(mime.text).toBe(MIME);
  expect((await me(`/users/${SHARED}/messages/${id}/attachments/nope`)).status).toBe(404);
});

it('says hasAttachments only for attachments that are not inline', async () => {
  const withFile = await me(`/users/${SHARED}/messages/${await messageId('<att-1@example.org>')}`);
  const logoOnly = await me(`/users/${SHARED}/messages/${await messageId('<att-2@example.org>')}`);
  expect(withFile.json.hasAttachments).toBe(true);
  expect(logoOnly.json.hasAttachments).toBe(false);
});

it("gives a file's own bytes through $value with its type, and 405 for a cloud link's", async () => {
  const id = await messageId('<att-1@example.org>');
  const list = (await me(`/users/${SHARED}/messages/${id}/attachments?$select=name`)).json.value as Array<{
    id: string;
    name: string;
    '@odata.type': string;
  }>;
  const pdf = list.find((a) => a.name === 'scan.pdf')!;
  const raw = await me(`/users/${SHARED}/messages/${id}/attachments/${pdf.id}/$value`);
  expect(raw.status).toBe(200);
  expect(raw.headers['content-type']).toBe('application/pdf');
  expect(Buffer.from(raw.bytes)).toEqual(PDF);
  const cloud = list.find((a) => a.name === 'Statement')!;
  expect(cloud['@odata.type']).toBe('#microsoft.graph.referenceAttachment');
  const refused = await me(`/users/${SHARED}/messages/${id}/attachments/${cloud.id}/$value`);
  expect(refused.status).toBe(405);
});

it("finds the attachment under the message's immutable id, as the add-in asks for it", async () => {
  const id = await messageId('<att-1@example.org>');
  const immutable = (
    await me(`/users/${SHARED}/messages/${id}?$select=id`, { headers: { Prefer: 'IdType="ImmutableId"' } })
  ).json.id as string;
  expect(immutable).not.toBe(id);
  const list = (await me(`/users/${SHARED}/messages/${immutable}/attachments?$select=name`)).json.value;
  const raw = await me(`/users/${SHARED}/messages/${immutable}/attachments/${list[0].id}/$value`, {
    headers: { Prefer: 'IdType="ImmutableId"' },
  });
  expect(Buffer.from(raw.bytes).toString()).toBe('I was hit');
});
