/** Offers text as a file download (browser only). */
export function downloadText(
  fileName: string,
  text: string,
  mimeType: string,
): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  downloadUrl(fileName, url);
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Offers a URL (object URL or data URL) as a file download. */
export function downloadUrl(fileName: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
