// The attachment port: Office.js first, the Graph fallback where Office.js cannot give the content.
import { createAttachmentPort, officeRestId, type AttachmentFallback } from '../../src/office/attachments';
import type { OfficeApi } from '../../src/office/office-api';

type Result =
  | { status: 'succeeded'; value: { format: string; content: string } }
  | { status: 'failed'; error: { code: number; name: string; message: string } };

function fakeOffice(options: { mailbox18: boolean; answer: Result }) {
  const asked: string[] = [];
  const item = {
    itemType: 'message',
    itemId: 'AAMk/item+1=',
    attachments: [
      {
        id: 'AAMk/att+1=',
        name: 'letter.pdf',
        contentType: 'application/pdf',
        size: 10,
        isInline: false,
        attachmentType: 'file',
      },
    ],
    getAttachmentContentAsync: (id: string, cb: (r: Result) => void) => {
      asked.push(id);
      setTimeout(() => cb(options.answer), 0);
    },
  };
  const office = {
    context: {
      mailbox: {
        item,
        convertToRestId: (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_'),
      },
      requirements: {
        isSetSupported: (name: string, v: string) =>
          name === 'Mailbox' && (v <= '1.8' ? options.mailbox18 : false),
      },
    },
    MailboxEnums: { RestVersion: { v2_0: 'v2.0' } },
  } as unknown as OfficeApi;
  return { office, asked };
}

function fallback() {
  const calls: string[] = [];
  const fb: AttachmentFallback = {
    content: (info) => {
      calls.push(info.id);
      return Promise.resolve({ format: 'bytes', bytes: new Uint8Array([1, 2]) });
    },
  };
  return { fb, calls };
}

const OK: Result = { status: 'succeeded', value: { format: 'base64', content: 'JVBERg==' } };
const FAILED: Result = {
  status: 'failed',
  error: { code: 9020, name: 'GenericResponseError', message: 'no' },
};

describe('attachment content', () => {
  it('comes from Office.js when it can give it, and Graph is not asked', async () => {
    const { office, asked } = fakeOffice({ mailbox18: true, answer: OK });
    const { fb, calls } = fallback();
    const port = createAttachmentPort({ office, fallback: fb });
    const listing = port.list()!;
    expect(await port.content(listing.attachments[0]!, listing)).toEqual({
      format: 'base64',
      base64: 'JVBERg==',
    });
    expect(asked).toEqual(['AAMk/att+1=']);
    expect(calls).toEqual([]);
  });

  it('comes from Graph when getAttachmentContentAsync fails', async () => {
    const { office } = fakeOffice({ mailbox18: true, answer: FAILED });
    const { fb, calls } = fallback();
    const port = createAttachmentPort({ office, fallback: fb });
    const listing = port.list()!;
    expect((await port.content(listing.attachments[0]!, listing)).format).toBe('bytes');
    expect(calls).toEqual(['AAMk/att+1=']);
  });

  it('comes from Graph without asking Office.js where Mailbox 1.8 is missing', async () => {
    const { office, asked } = fakeOffice({ mailbox18: false, answer: OK });
    const { fb, calls } = fallback();
    const port = createAttachmentPort({ office, fallback: fb });
    const listing = port.list()!;
    await port.content(listing.attachments[0]!, listing);
    expect(asked).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("fails in Outlook's words when there is no fallback", async () => {
    const { office } = fakeOffice({ mailbox18: true, answer: FAILED });
    const port = createAttachmentPort({ office });
    const listing = port.list()!;
    await expect(port.content(listing.attachments[0]!, listing)).rejects.toThrow(/letter\.pdf/);
  });

  it('converts an attachment id to its REST form for Graph', () => {
    const { office } = fakeOffice({ mailbox18: true, answer: OK });
    expect(officeRestId(office)('AAMk/att+1=')).toBe('AAMk-att_1=');
  });
});
