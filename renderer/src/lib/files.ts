/**
 * Bytes between main and the user, in one place: base64 from main to a Blob, a Blob or URL handed
 * to the browser's (or Electron's) download, and a picked file to base64 for main, which checks
 * what it really is.
 */
export function base64ToBlob(base64: string, mime: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** Hands a URL over as a file download (the anchor-click every browser and Electron honour). */
export function downloadUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function saveBlob(blob: Blob, fileName: string, keepMs = 60_000): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), keepMs);
}

/** Hands bytes that main produced (base64) to the user as a file. */
export function saveBase64(base64: string, fileName: string, mime: string): void {
  saveBlob(base64ToBlob(base64, mime), fileName);
}

/** A picked file as base64 (the part after "data:…;base64,"). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
