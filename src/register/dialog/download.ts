// Saves text as a CSV file the browser downloads. The dialog has no file system access and a
// Blob URL needs no server; the URL is revoked once the download has started.
export function csvUrl(text: string): string {
  return URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

export function saveCsv(fileName: string, text: string): void {
  const url = csvUrl(text);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from a strategy reference, keeping only characters every file system accepts. */
export function fileName(prefix: string, reference: string): string {
  return `${prefix}-${reference.replace(/[^A-Za-z0-9-]+/g, '_')}.csv`;
}
