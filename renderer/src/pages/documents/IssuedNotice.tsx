import type { IssueResult } from '../../../../shared/api/papers';
import { PrintButton } from '../../components/PrintButton';
import { useI18n } from '../../i18n';
import { usePaperFiles } from './usePdf';

/** After issuing: the new number, a button to open its PDF, and any characters the fonts lack. */
export function IssuedNotice(props: { result: IssueResult; onDismiss(): void }) {
  const { t } = useI18n();
  const files = usePaperFiles();
  const { paper, missingGlyphs } = props.result;
  return (
    <div className="doc-notice" role="status" data-testid="issued-notice">
      <span>{t('doc.issued', { number: paper.number })}</span>
      <button type="button" className="primary small" onClick={() => files.openPdf(paper.id)} data-action="open-issued-pdf">
        {t('doc.action.pdf')}
      </button>
      <PrintButton target={{ kind: 'paper', id: paper.id }} className="small" action="print-issued" />
      {missingGlyphs.length > 0 && <span className="muted">{t('doc.missingGlyphs', { chars: missingGlyphs.join(' ') })}</span>}
      <button type="button" className="link-button" aria-label={t('common.close')} onClick={props.onDismiss}>
        ×
      </button>
    </div>
  );
}
