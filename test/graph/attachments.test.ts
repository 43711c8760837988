// The Graph fallback for attachment content: which URL, which scopes, what comes back.
import { createGraphAttachmentFallback } from '../../src/graph/attachments';
import type { GraphCall, GraphClient } from '../../src/graph/client';
import type { AttachmentListing } from '../../src/office/attachments';
import type { AttachmentInfo } from '../../src/reading/types';

const info = (over: Partial<AttachmentInfo> = {}): AttachmentInfo => ({
  id: 'AAMkAtt/1+x=',
  name: 'letter.pdf',
  contentType: 'application/pdf',
  size: 10,
  isInline: false,
  kind: 'file',
  ...over,
});
const listing = (over: Partial<AttachmentListing> = {}): AttachmentListing => ({
  itemId: 'AAMkItem/1+y=',
  restId: 'AAMkItem-1_y=',
  attachments: [],
  ...over,
});

function fakeClient(answer: Uint8Array | Error) {
  const calls: GraphCall[] = [];
  const client: GraphClient = {
    counter: { requests: 0 },
    request: <T>(call: GraphCall) => {
      calls.push(call);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer as T);
    },
    pages: () => {
      throw new Error('not used');
    },
  };
  return { client, calls };
}

const convert = (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_');

describe('attachment content from Graph', () => {
  it("asks for a file's raw bytes by REST ids in the user's own mailbox, with the mail scope and immutable ids", async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const { client, calls } = fakeClient(bytes);
    const content = await createGraphAttachmentFallback({ client, convert }).content(info(), listing());
    expect(content).toEqual({ format: 'bytes', bytes });
    expect(calls).toEqual([
      {
        url: '/me/messages/AAMkItem-1_y%3D/attachments/AAMkAtt-1_x%3D/$value',
        headers: { Prefer: 'IdType="ImmutableId"' },
        scopes: ['Mail.ReadWrite'],
        response: 'bytes',
      },
    ]);
  });

  it("reads a shared mailbox's message in that mailbox, with the .Shared scope", async () => {
    const { client, calls } = fakeClient(new Uint8Array([1]));
    await createGraphAttachmentFallback({ client, convert }).content(
      info(),
      listing({ mailboxOwner: 'psd@force.example.police.uk' }),
    );
    expect(calls[0]?.url).toMatch(/^\/users\/psd%40force\.example\.police\.uk\/messages\//);
    expect(calls[0]?.scopes).toEqual(['Mail.ReadWrite.Shared']);
  });

  it('gives an attached mail as MIME bytes for the worker to parse', async () => {
    const mime = new TextEncoder().encode('Subject: Earlier\r\n\r\nI was hit\r\n');
    const { client } = fakeClient(mime);
    const content = await createGraphAttachmentFallback({ client, convert }).content(
      info({ kind: 'item', name: 'Earlier', contentType: '' }),
      listing(),
    );
    expect(content).toEqual({ format: 'mime', bytes: mime });
  });

  it('never asks for a cloud link (Graph answers 405), and says why a message without an id fails', async () => {
    const { client, calls } = fakeClient(new Uint8Array());
    const fallback = createGraphAttachmentFallback({ client, convert });
    await expect(fallback.content(info({ kind: 'cloud' }), listing())).rejects.toThrow(/cloud attachment/);
    await expect(fallback.content(info(), listing({ restId: undefined }))).rejects.toThrow(/no id Graph/);
    expect(calls).toEqual([]);
  });

  it('passes a Graph refusal on, so the pane names the attachment as not read', async () => {
    const { client } = fakeClient(new Error('Graph said 403 ErrorAccessDenied'));
    await expect(
      createGraphAttachmentFallback({ client, convert }).content(info(), listing()),
    ).rejects.toThrow(/403/);
  });
});
