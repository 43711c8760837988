// The extraction libraries as Node loads them for jest. pdf.js is an ES module jest cannot load:
// its tests run in a Node child process (pdf.test.ts); here asking for it is a test error.
import mammoth from 'mammoth';
import PostalMime from 'postal-mime';
import type { ReaderLibs } from '../../src/reading/read';

export const nodeLibs: ReaderLibs = {
  pdf: () => Promise.reject(new Error('pdf.js runs in pdf.test.ts (a Node child process), not in jest')),
  docx: () => Promise.resolve(mammoth),
  eml: () => Promise.resolve(PostalMime),
};
