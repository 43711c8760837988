// The format readers the handler never sees directly: RTF, HTML and text decoding, and how a file
// is recognised. Property tests: any text written into the format comes back out, and no input
// makes a reader throw.
import fc from 'fast-check';
import { encryptedDocx, png, rtf, scannedPdf, docx } from '../../sandbox/samples/files';
import { decodeText, latin1 } from '../../src/reading/decode';
import { decodeEntities, htmlToText } from '../../src/reading/html';
import { rtfToText } from '../../src/reading/rtf';
import { sniff } from '../../src/reading/sniff';

const utf8 = (t: string) => new TextEncoder().encode(t);

describe('RTF', () => {
  it('reads the paragraphs WordPad writes, without the font table or generator', () => {
    const text = rtfToText(latin1(rtf(['Dear Sir,', 'My son was hit by an officer.'])));
    expect(text).toBe('Dear Sir,\nMy son was hit by an officer.\n');
  });

  it('decodes \\u escapes, skipping their fallback, and Windows-1252 hex escapes', () => {
    expect(rtfToText("{\\rtf1\\uc1 caf\\u233?e \\'93quoted\\'94 \\u-3913?}")).toBe(
      'caf\u00e9e \u201cquoted\u201d \uf0b7',
    );
  });

  it('drops pictures, objects and unknown {\\* } destinations', () => {
    const doc = '{\\rtf1 before{\\pict\\pngblip 89504e47}{\\*\\unknown secret}{\\object data}after\\par}';
    expect(rtfToText(doc)).toBe('beforeafter\n');
  });

  it('gives back any text written into it', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'binary' }).map((s) => s.replace(/[\r\n]/g, ' ')),
          { maxLength: 5 },
        ),
        (paras) => {
          // Lone surrogates cannot be written as RTF \u pairs reliably; keep well-formed text.
          const clean = paras.map((p) => p.replace(/[\ud800-\udfff]/g, ''));
          expect(rtfToText(latin1(rtf(clean)))).toBe(clean.map((p) => `${p}\n`).join(''));
        },
      ),
    );
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(typeof rtfToText(`{\\rtf1 ${s}`)).toBe('string');
      }),
    );
  });
});

describe('HTML', () => {
  it('keeps the text, drops script, style and comments, breaks at blocks', () => {
    const html =
      '<html><head><title>x</title><style>p{}</style></head><body><p>I was <b>assaulted</b></p><script>alert(1)</script><!-- hidden --><div>by PC&nbsp;Example &amp; another</div></body></html>';
    expect(htmlToText(html)).toMatch(/^I was assaulted\n+by PC\u00a0Example & another$/);
  });

  it('stays linear on thousands of script tags', () => {
    const hostile = '<script>x</script>a'.repeat(20_000);
    expect(htmlToText(hostile)).toBe('a'.repeat(20_000));
  });

  it('gives back any text written into it as escaped HTML', () => {
    const escape = (t: string) => t.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/\s/.test(s)),
        (text) => {
          expect(htmlToText(`<p>${escape(text)}</p>`)).toBe(text.trim());
        },
      ),
    );
  });

  it('decodes numeric and named references, and leaves unknown ones alone', () => {
    expect(decodeEntities('&#163;5 &#x20AC; &pound; &bogus; &#xD800;')).toBe('£5 € £ &bogus; \ufffd');
  });

  it('never throws on anything', () => {
    fc.assert(fc.property(fc.string(), (s) => expect(typeof htmlToText(s)).toBe('string')));
  });
});

describe('text decoding', () => {
  it('reads UTF-8, UTF-16 with a byte-order mark, and Windows-1252', () => {
    expect(decodeText(utf8('I was hit'))).toBe('I was hit');
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x68, 0, 0x69, 0]))).toBe('hi');
    expect(decodeText(Uint8Array.from([0x93, 0x68, 0x69, 0x94]))).toBe('\u201chi\u201d');
  });
});

describe('recognising a file', () => {
  it('believes the bytes over the name', () => {
    expect(sniff(scannedPdf(), 'letter.txt', 'text/plain')).toEqual({ kind: 'text-format', format: 'pdf' });
    expect(sniff(png(), 'letter.pdf', 'application/pdf')).toEqual({ kind: 'image' });
  });

  it('tells a Word document from a password-protected one and from other zips', () => {
    expect(sniff(docx(['x']), 'letter.docx', '')).toEqual({ kind: 'text-format', format: 'docx' });
    expect(sniff(encryptedDocx(), 'letter.docx', '')).toEqual({ kind: 'encrypted' });
    expect(sniff(docx(['x']), 'photos.zip', 'application/zip')).toEqual({ kind: 'unknown' });
    expect(sniff(encryptedDocx(), 'old.doc', 'application/msword')).toEqual({ kind: 'unknown' });
  });

  it('reads text formats by their name or type, and calls binary of no known kind unknown', () => {
    expect(sniff(utf8('<p>hi</p>'), 'a.htm', '')).toEqual({ kind: 'text-format', format: 'html' });
    expect(sniff(utf8('hi'), 'a.txt', 'application/octet-stream')).toEqual({
      kind: 'text-format',
      format: 'text',
    });
    expect(sniff(Uint8Array.from([1, 0, 2, 3]), 'a.bin', 'application/octet-stream')).toEqual({
      kind: 'unknown',
    });
    expect(sniff(utf8('hi'), 'photo.jpg', 'image/jpeg')).toEqual({ kind: 'image' });
  });
});
