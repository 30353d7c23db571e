/**
 * Printing a PDF that main holds. The desktop app asks main to show the operating system's print
 * dialog ('paper-print'); browser mode loads the PDF into a hidden same-origin frame and calls the
 * browser's print on it, or opens the PDF in a new tab when the browser will not print a frame.
 */
import { useCallback, useState } from 'react';
import type { PrintTarget } from '../../../shared/api/papers';
import type { ApiErrorBody } from '../../../shared/errors';
import { invoke } from '../api';
import { base64ToBlob, downloadUrl } from './files';

let mode: Promise<'desktop' | 'web'> | null = null;

/** Where the renderer runs, from main's app-info (asked once). */
export function appMode(): Promise<'desktop' | 'web'> {
  mode ??= invoke('app-info', {}).then((r) => (r.ok ? r.value.mode : 'web'));
  return mode;
}


/** How long a print frame stays after its dialog was opened (the browser may still be reading it). */
const FRAME_LIFETIME_MS = 10 * 60_000;
const LOAD_TIMEOUT_MS = 15_000;

function removeFrame(frame: HTMLIFrameElement, url: string): void {
  frame.remove();
  URL.revokeObjectURL(url);
}

/** The PDF in a tab of its own (the browser's print button is one click away), else as a download. */
function openOrSave(url: string, fileName: string): void {
  const tab = window.open(url, '_blank');
  if (tab) {
    tab.opener = null;
    return;
  }
  // A popup blocker said no (the click is too long ago): hand the file over instead.
  downloadUrl(url, fileName);
}

/** The browser's print dialog for a PDF, through a hidden frame; falls back to opening the PDF. */
export async function printPdfInPage(pdf: Blob, fileName: string): Promise<void> {
  for (const old of document.querySelectorAll<HTMLIFrameElement>('iframe[data-print-frame]')) old.remove();
  const url = URL.createObjectURL(pdf);
  const frame = document.createElement('iframe');
  frame.dataset.printFrame = '';
  frame.title = 'print';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Not display:none: a frame that is not rendered does not load its PDF in every browser.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '1px', height: '1px', border: '0', opacity: '0', pointerEvents: 'none' });
  const loaded = new Promise<boolean>((resolve) => {
    const timer = window.setTimeout(() => resolve(false), LOAD_TIMEOUT_MS);
    frame.addEventListener('load', () => {
      window.clearTimeout(timer);
      resolve(true);
    }, { once: true });
  });
  frame.src = url;
  document.body.appendChild(frame);
  const ok = await loaded;
  try {
    if (!ok || !frame.contentWindow) throw new Error('the PDF did not load in a frame');
    frame.contentWindow.focus();
    frame.contentWindow.print();
    window.setTimeout(() => removeFrame(frame, url), FRAME_LIFETIME_MS);
  } catch {
    frame.remove();
    openOrSave(url, fileName);
    window.setTimeout(() => URL.revokeObjectURL(url), FRAME_LIFETIME_MS);
  }
}

/** Print a target in the way this mode can: the OS dialog (desktop) or the browser's (browser mode). */
export function usePrint() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const print = useCallback(async (target: PrintTarget) => {
    setBusy(true);
    setError(null);
    try {
      if ((await appMode()) === 'desktop') {
        const r = await invoke('paper-print', target);
        if (!r.ok) setError(r.error);
        return;
      }
      const r = await invoke('paper-print-pdf', target);
      if (!r.ok) {
        setError(r.error);
        return;
      }
      await printPdfInPage(base64ToBlob(r.value.base64, 'application/pdf'), r.value.fileName);
    } finally {
      setBusy(false);
    }
  }, []);
  return { print, busy, error };
}
