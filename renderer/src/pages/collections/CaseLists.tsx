import type { CaseDetail } from '../../../../shared/api/collections-types';
import { call } from '../../api';
import { Money } from '../../components/Money';
import { PrintButton } from '../../components/PrintButton';
import { saveBase64 as downloadBase64 } from '../../lib/files';
import { useI18n } from '../../i18n';
import { evidenceKey, howKey, pstatusKey, stepKey } from './labels';

/** Promises with their status, evidence with its SHA-256, letters issued. */
export function PromiseTable({ detail: d }: { detail: CaseDetail }) {
  const { t } = useI18n();
  if (!d.promises.length) return <p className="muted">{t('coll.case.noPromises')}</p>;
  return (
    <table className="coll-table" data-table="promises">
      <thead>
        <tr>
          <th>{t('coll.f.madeOn')}</th>
          <th>{t('coll.f.dueDate')}</th>
          <th className="num">{t('coll.f.amount')}</th>
          <th>{t('coll.f.promisedBy')}</th>
          <th>{t('coll.f.how')}</th>
          <th className="num">{t('coll.targets.received')}</th>
          <th>{t('coll.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {d.promises.map((p) => (
          <tr key={p.id} data-promise-status={p.status}>
            <td>{p.madeOn}</td>
            <td>{p.dueDate}</td>
            <td className="num">
              <Money amount={p.amount} digits={d.digits} />
            </td>
            <td>{p.promisedBy}</td>
            <td>{t(howKey(p.how))}</td>
            <td className="num">
              <Money amount={p.received} digits={d.digits} />
            </td>
            <td>
              <span className={`coll-chip p-${p.status}`}>{t(pstatusKey(p.status))}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function save(caseId: number, kind: 'evidence' | 'document', fileId: number) {
  const f = await call('case-file', { id: caseId, kind, fileId });
  downloadBase64(f.base64, f.fileName, f.mime);
}

export function EvidenceTable({ detail: d }: { detail: CaseDetail }) {
  const { t } = useI18n();
  if (!d.evidence.length && !d.documents.length) return <p className="muted">{t('coll.case.noEvidence')}</p>;
  return (
    <table className="coll-table" data-table="evidence">
      <tbody>
        {d.evidence.map((e) => (
          <tr key={`e${e.id}`} data-evidence={e.seq}>
            <td className="coll-index">E{String(e.seq).padStart(2, '0')}</td>
            <td>
              <div>{e.description}</div>
              <div className="muted small">
                {t(evidenceKey(e.kind))} · {e.date} · {e.proves}
              </div>
            </td>
            <td className="coll-sha" title={e.sha256}>
              <button type="button" className="link-button" data-action="open-evidence" onClick={() => save(d.id, 'evidence', e.id)}>
                {e.fileName}
              </button>
              <br />
              {e.mime} · SHA-256 {e.sha256.slice(0, 16)}…
            </td>
          </tr>
        ))}
        {d.documents.map((x) => (
          <tr key={`d${x.id}`}>
            <td className="coll-index">✉</td>
            <td>
              <div>{t(stepKey(x.kind))}</div>
              <div className="muted small">{x.date}</div>
            </td>
            <td className="coll-sha" title={x.sha256}>
              <button type="button" className="link-button" onClick={() => save(d.id, 'document', x.id)}>
                {x.fileName}
              </button>
              {x.mime === 'application/pdf' && <PrintButton target={{ kind: 'case-document', caseId: d.id, documentId: x.id }} className="small" action="print-document" />}
              <br />
              SHA-256 {x.sha256.slice(0, 16)}…
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
