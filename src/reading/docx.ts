// Text from a Word document (.docx) with mammoth, passed in as a lazy chunk like pdf.js.
export interface DocxLib {
  // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`: both are given.
  extractRawText(input: { arrayBuffer: ArrayBuffer; buffer: Uint8Array }): Promise<{ value: string }>;
}

export type DocxText = { kind: 'text'; text: string } | { kind: 'failed'; message: string };

export async function docxText(lib: DocxLib, bytes: Uint8Array): Promise<DocxText> {
  try {
    const copy = bytes.slice();
    const result = await lib.extractRawText({ arrayBuffer: copy.buffer, buffer: copy });
    return { kind: 'text', text: result.value };
  } catch (err) {
    return {
      kind: 'failed',
      message: `the Word document could not be opened (${err instanceof Error ? err.name : 'unknown error'})`,
    };
  }
}
