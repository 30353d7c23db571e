import { useCallback, useState } from 'react';
import type { ApiErrorBody } from '../../../../shared/errors';
import { invoke } from '../../api';
import { saveBase64 } from '../../lib/files';

/** Fetches a paper's stored PDF (or a sign-back scan) from main and hands it to the user. */
export function usePaperFiles() {
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const openPdf = useCallback(async (id: number) => {
    const r = await invoke('paper-pdf', { id });
    if (r.ok) saveBase64(r.value.base64, r.value.fileName, 'application/pdf');
    setError(r.ok ? null : r.error);
  }, []);
  const openScan = useCallback(async (id: number) => {
    const r = await invoke('paper-scan', { id });
    if (r.ok) saveBase64(r.value.base64, r.value.fileName, r.value.mime);
    setError(r.ok ? null : r.error);
  }, []);
  return { error, openPdf, openScan };
}
