/**
 * Hand a downloaded file to the browser's "save", as if it were a link to it. Used for files the
 * API serves only with the bearer token (invoice PDFs): a plain link could not carry the token,
 * which lives in memory only.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; let it read the object first.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/** The file name of a `Content-Disposition: attachment; filename="..."` header, if any. */
export function attachmentName(header: string | null): string | null {
  const match = /filename="?([^";]+)"?/i.exec(header ?? '');
  return match?.[1] ?? null;
}
