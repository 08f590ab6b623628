/** Saving what an export made: a file the browser downloads, named by the app. */

/** Offers `blob` as a download named `fileName`. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is let go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
