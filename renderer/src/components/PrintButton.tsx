import { useEffect, useState } from 'react';
import type { PrintTarget } from '../../../shared/api/papers';
import { useI18n } from '../i18n';
import { appMode, usePrint } from '../lib/print';

/**
 * "Print / 打印" beside an Open PDF action: the OS print dialog in the desktop app, the browser's
 * in browser mode. A failure shows next to the button in the user's language.
 */
export function PrintButton(props: { target: PrintTarget; className?: string; action?: string; label?: string }) {
  const { t, tError } = useI18n();
  const { print, busy, error } = usePrint();
  const [mode, setMode] = useState<'desktop' | 'web' | null>(null);
  useEffect(() => {
    let live = true;
    void appMode().then((m) => live && setMode(m));
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <button
        type="button"
        className={props.className}
        disabled={busy}
        onClick={() => void print(props.target)}
        data-action={props.action ?? 'print'}
        title={mode ? t(mode === 'desktop' ? 'print.hint.desktop' : 'print.hint.web') : undefined}
      >
        {busy ? t('print.busy') : (props.label ?? t('print.action'))}
      </button>
      {error && (
        <span className="form-error print-error" role="alert" data-testid="print-error">
          {tError(error)}
        </span>
      )}
    </>
  );
}
