import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorBody } from '../../api';
import type { ImportProgressView, ImportResult } from '../../../../shared/api/imports';
import type { ApiErrorBody } from '../../../../shared/errors';
import type { Settings } from './upload';

export interface ImportJob {
  running: 'check' | 'import' | null;
  progress: ImportProgressView | null;
  checked: ImportResult | null;
  imported: ImportResult | null;
  error: ApiErrorBody | null;
  check(s: Settings): Promise<void>;
  commit(s: Settings): Promise<void>;
  cancel(): void;
  reset(): void;
}

/** A check (dry run) or an import in main, with its progress polled and a way to stop it. */
export function useImportJob(uploadId: string | null): ImportJob {
  const [running, setRunning] = useState<ImportJob['running']>(null);
  const [progress, setProgress] = useState<ImportProgressView | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopPolling = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const run = useCallback(async (s: Settings, what: 'check' | 'import') => {
    setRunning(what);
    setError(null);
    setProgress({ running: true, phase: 'reading', done: 0, total: 0 });
    stopPolling();
    timer.current = setInterval(() => {
      call('import-progress', { uploadId: s.uploadId }).then((p) => p.running && setProgress(p), () => undefined);
    }, 250);
    try {
      const r = await call(what === 'check' ? 'import-dry-run' : 'import-commit', s);
      if (what === 'check') setChecked(r);
      else if (r.cancelled || r.problemCount > 0) setChecked(r);
      else setImported(r);
    } catch (e) {
      setError(errorBody(e));
    } finally {
      stopPolling();
      setRunning(null);
      setProgress(null);
    }
  }, []);

  return {
    running,
    progress,
    checked,
    imported,
    error,
    check: (s) => run(s, 'check'),
    commit: (s) => run(s, 'import'),
    cancel: () => {
      if (uploadId) void call('import-cancel', { uploadId }).catch(() => undefined);
    },
    reset: () => {
      setChecked(null);
      setImported(null);
      setError(null);
    },
  };
}
