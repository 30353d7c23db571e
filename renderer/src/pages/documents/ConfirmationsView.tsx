import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { IssueResult, PriceConfirmationView } from '../../../../shared/api/papers';
import { call } from '../../api';
import { DataGrid } from '../../components/DataGrid';
import { ErrorBox } from '../../components/ErrorBox';
import { Money } from '../../components/Money';
import { PrintButton } from '../../components/PrintButton';
import { useI18n, type Translate } from '../../i18n';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { StatusChip } from './columns';
import { statusKey } from './labels';
import { ConvertDialog, PcSignDialog } from './PcDialogs';
import { PcEditor } from './PcEditor';
import { usePaperFiles } from './usePdf';

const col = createColumnHelper<PriceConfirmationView>();

type Act = (pc: PriceConfirmationView, what: 'pdf' | 'sign' | 'convert') => void;

function columns(t: Translate, act: Act) {
  return [
    col.accessor('number', { header: t('doc.col.number'), size: 150 }),
    col.accessor('customerCode', { header: t('doc.col.customer'), size: 90 }),
    col.accessor('customerName', { header: t('doc.col.customerName'), size: 200 }),
    col.accessor('date', { header: t('doc.col.date'), size: 100 }),
    col.accessor('total', { header: t('doc.col.amount'), size: 120, meta: { align: 'right', digits: (r) => r.digits }, cell: (c) => <Money amount={c.getValue()} digits={c.row.original.digits} /> }),
    col.accessor('status', { header: t('doc.col.status'), size: 110, cell: (c) => <StatusChip status={c.getValue()} t={t} />, meta: { label: (v) => t(statusKey(v)) } }),
    col.accessor('invoiceNumber', { header: t('doc.col.invoice'), size: 110, cell: (c) => c.getValue() ?? '' }),
    col.display({
      id: 'actions',
      header: '',
      size: 310,
      meta: { noExport: true },
      cell: (c) => {
        const pc = c.row.original;
        return (
          <span className="doc-row-actions">
            <button type="button" className="small" onClick={() => act(pc, 'pdf')}>
              PDF
            </button>
            <PrintButton target={{ kind: 'paper', id: pc.paperId }} className="small" action="pc-print" />
            {pc.status === 'awaiting' && (
              <button type="button" className="small" onClick={() => act(pc, 'sign')} data-action="pc-sign">
                {t('doc.action.sign')}
              </button>
            )}
            {pc.status === 'signed' && (
              <button type="button" className="small primary" onClick={() => act(pc, 'convert')} data-action="pc-convert">
                {t('doc.action.convert')}
              </button>
            )}
          </span>
        );
      },
    }),
  ];
}

/** The sales flow on paper: create, print, mark signed, convert into an invoice with its IOU. */
export function ConfirmationsView(props: { editing: boolean; newFor: number | null; refresh: number; onIssued(r: IssueResult): void; onChanged(): void }) {
  const { t } = useI18n();
  const list = useLoad(() => call('price-confirmation-list', {}), [props.refresh]);
  const files = usePaperFiles();
  const [dialog, setDialog] = useState<{ pc: PriceConfirmationView; what: 'sign' | 'convert' } | null>(null);
  const [converted, setConverted] = useState<string | null>(null);
  const cols = useMemo(
    () =>
      columns(t, (pc, what) => {
        if (what === 'pdf') void files.openPdf(pc.paperId);
        else setDialog({ pc, what });
      }),
    [t, files],
  );
  if (props.editing)
    return (
      <PcEditor
        customerId={props.newFor}
        onCancel={() => navigate('documents/confirmations')}
        onCreated={(r) => {
          props.onIssued(r);
          props.onChanged();
          navigate('documents/confirmations');
        }}
      />
    );
  return (
    <section className="doc-grid-section">
      <div className="doc-section-head">
        <a className="button primary" href="#/documents/confirmations/new" data-action="new-pc">
          {t('doc.action.newPc')}
        </a>
        {converted && <span className="doc-ok">{converted}</span>}
      </div>
      {files.error && <ErrorBox error={files.error} />}
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && <DataGrid label={t('doc.tab.confirmations')} data={list.data} columns={cols} getRowId={(p) => String(p.id)} emptyText={t('doc.pc.empty')} gridId="price-confirmations" className="doc-grid" />}
      {dialog?.what === 'sign' && (
        <PcSignDialog
          pc={dialog.pc}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            list.reload();
            props.onChanged();
          }}
        />
      )}
      {dialog?.what === 'convert' && (
        <ConvertDialog
          pc={dialog.pc}
          onClose={() => setDialog(null)}
          onDone={(invoice, iou) => {
            setDialog(null);
            setConverted(t('doc.convert.done', { number: invoice }));
            if (iou) props.onIssued(iou);
            list.reload();
            props.onChanged();
          }}
        />
      )}
    </section>
  );
}
