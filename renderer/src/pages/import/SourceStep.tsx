import { IMPORT_ENCODINGS, type ImportPreview } from '../../../../shared/api/imports';
import { useI18n, type MessageKey } from '../../i18n';
import { DELIMITERS } from './labels';
import type { Choices } from './upload';

/** Step 2: how the file is read. The raw top rows show at once whether the encoding is right. */
export function SourceStep({ preview, onChoose }: { preview: ImportPreview; onChoose(c: Choices, remap?: boolean): void }) {
  const { t } = useI18n();
  const width = Math.min(12, Math.max(1, ...preview.topRows.map((r) => r.cells.length)));
  return (
    <div className="import-source-step">
      <div className="import-options">
        <span className="import-format" data-testid="import-format">
          {t(`import.format.${preview.format}`)}
        </span>
        {preview.format === 'csv' && (
          <>
            <label className="inline-field">
              <span>{t('import.encoding')}</span>
              <select name="encoding" value={preview.encoding ?? ''} onChange={(e) => onChoose({ encoding: e.target.value as Choices['encoding'] }, true)}>
                {IMPORT_ENCODINGS.map((enc) => (
                  <option key={enc} value={enc}>
                    {t(`import.enc.${enc}` as MessageKey)}
                    {enc === preview.detectedEncoding ? ` (${t('import.encodingDetected')})` : ''}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              <span>{t('import.delimiter')}</span>
              <select name="delimiter" value={preview.delimiter ?? ','} onChange={(e) => onChoose({ delimiter: e.target.value as Choices['delimiter'] }, true)}>
                {DELIMITERS.map((d) => (
                  <option key={d.label} value={d.value}>
                    {t(d.label)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {preview.format === 'xlsx' && preview.sheets.length > 1 && (
          <label className="inline-field">
            <span>{t('import.sheet')}</span>
            <select name="sheet" value={preview.sheet} onChange={(e) => onChoose({ sheet: Number(e.target.value), headerRow: undefined }, true)}>
              {preview.sheets.map((s, i) => (
                <option key={s} value={i}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="inline-field">
          <span>{t('import.headerRow')}</span>
          <select name="headerRow" value={preview.headerRow} onChange={(e) => onChoose({ headerRow: Number(e.target.value) }, true)}>
            {preview.topRows.map((r, i) => (
              <option key={r.line} value={i}>
                {r.line}
              </option>
            ))}
          </select>
        </label>
      </div>
      {preview.badChars > 0 ? (
        <p className="import-warning" role="alert">
          {t('import.badChars', { count: preview.badChars })}
        </p>
      ) : (
        !preview.encodingConfident && <p className="muted">{t('import.encodingGuess')}</p>
      )}
      <h3>{t('import.rawPreview')}</h3>
      <div className="import-table-wrap">
        <table className="import-table raw" data-testid="import-raw">
          <tbody>
            {preview.topRows.map((r, i) => (
              <tr key={r.line} className={i === preview.headerRow ? 'header-row' : i < preview.headerRow ? 'above' : undefined}>
                <th className="line">{r.line}</th>
                {Array.from({ length: width }, (_, c) => (
                  <td key={c}>{r.cells[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('import.rowCount', { count: preview.rowCount })}</p>
    </div>
  );
}
