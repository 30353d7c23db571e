/** Export of the current view and copy of the selection, with a short message in the status bar. */
import { useEffect, useState, type RefObject } from 'react';
import type { Translate } from '../../i18n';
import { download, exportBlob, type ExportFormat, type ExportInput } from './exportView';

export function useGridExport<T>(t: Translate, scroller: RefObject<HTMLDivElement | null>, input: () => ExportInput<T>) {
  const [message, setMessage] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    if (!message) return;
    const id = setTimeout(() => setMessage(null), 4000);
    return () => clearTimeout(id);
  }, [message]);
  const doExport = (format: ExportFormat) => {
    setExporting(true);
    // Let the button show its busy state before the work blocks the thread.
    setTimeout(() => {
      try {
        const out = exportBlob(input(), format);
        download(out.blob, out.fileName);
        setMessage(t('grid.exported', { count: out.rows }));
      } finally {
        setExporting(false);
      }
    }, 30);
  };
  /** The copy event lands on the focused grid, which fills the clipboard with the selection. */
  const copy = () => {
    scroller.current?.focus({ preventScroll: true });
    document.execCommand('copy');
  };
  return { message, setMessage, exporting, doExport, copy };
}
