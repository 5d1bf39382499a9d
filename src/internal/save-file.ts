/** Hands a downloaded file to the browser, as a link with `download` would. */
import type { DownloadedFile } from '../api/endpoint.js';

export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download has only started when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Opens a window synchronously (inside the click that asked, so no popup
 * blocker objects), then shows the file in it once it has arrived: the
 * browser's PDF viewer prints it.
 */
export function openForPrint(file: Promise<DownloadedFile>): Promise<void> {
  const target = window.open('', '_blank');
  return file.then(
    ({ blob }) => {
      const url = URL.createObjectURL(blob);
      if (target) target.location.href = url;
      else window.location.assign(url);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    (error: unknown) => {
      target?.close();
      throw error;
    },
  );
}
