import type { ImportKindName, ImportPreview } from '../../../../shared/api/imports';
import { isIsoDate } from '../../../../shared/dates';
import { useI18n, type MessageKey } from '../../i18n';
import { fieldLabel, presetLabel } from './labels';
import type { Choices } from './upload';

/** Every needed field has a column, dates are unambiguous, and opening balances have their date. */
export function columnsReady(p: ImportPreview, kind: ImportKindName, c: Choices): boolean {
  const mapped = p.fields.every((f) => !f.needed || p.mapping[f.name] !== null);
  const dates = p.options.dateOrderDetected !== 'ambiguous' || !!c.dateOrder;
  return mapped && dates && (kind !== 'opening-balances' || (!!c.cutover && isIsoDate(c.cutover)));
}

const DEFAULT_NOTES: Record<string, MessageKey> = {
  payment_terms_days: 'import.default.payment_terms_days',
  credit_limit: 'import.default.credit_limit',
  currency: 'import.default.currency',
  due_date: 'import.default.due_date',
  applies_to: 'import.default.applies_to',
  rate: 'import.default.rate',
};

/** Step 3: which column carries each field, how values are written, and the first rows as understood. */
export function ColumnsStep(props: { kind: ImportKindName; preview: ImportPreview; choices: Choices; onChoose(c: Choices, remap?: boolean): void }) {
  const { t } = useI18n();
  const { kind, preview: p, choices, onChoose } = props;
  const setColumn = (field: string, value: string) => onChoose({ mapping: { ...p.mapping, [field]: value === '' ? null : Number(value) } });
  const mappedFields = p.fields.filter((f) => p.mapping[f.name] !== null);
  const hasDates = p.fields.some((f) => f.type === 'date' && p.mapping[f.name] !== null);
  const ambiguous = p.options.dateOrderDetected === 'ambiguous' && !choices.dateOrder;
  return (
    <div className="import-columns-step">
      <div className="import-options">
        <label className="inline-field">
          <span>{t('import.preset')}</span>
          <select name="preset" value={p.presetId} onChange={(e) => onChoose({ presetId: e.target.value }, true)}>
            {p.presets.map((x) => (
              <option key={x.id} value={x.id}>
                {presetLabel(t, x, kind)}
              </option>
            ))}
          </select>
        </label>
        {p.remembered && !choices.mapping && <span className="import-note">{t('import.remembered')}</span>}
      </div>
      <div className="import-columns">
        <table className="import-table mapping" data-testid="import-mapping">
          <thead>
            <tr>
              <th>{t('import.field')}</th>
              <th>{t('import.column')}</th>
            </tr>
          </thead>
          <tbody>
            {p.fields.map((f) => (
              <tr key={f.name} data-field={f.name} className={f.needed && p.mapping[f.name] === null ? 'missing' : undefined}>
                <th>
                  {fieldLabel(t, f.name, kind)}
                  {f.needed && <span className="import-needed"> *</span>}
                </th>
                <td>
                  <select name={`map-${f.name}`} value={p.mapping[f.name] ?? ''} onChange={(e) => setColumn(f.name, e.target.value)} aria-label={fieldLabel(t, f.name, kind)}>
                    <option value="">{t('import.notInFile')}</option>
                    {p.header.map((h, i) => (
                      <option key={i} value={i}>
                        {h || `#${i + 1}`}
                      </option>
                    ))}
                  </select>
                  {p.mapping[f.name] === null && DEFAULT_NOTES[f.name] && <span className="import-default">{t(DEFAULT_NOTES[f.name])}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <fieldset className="import-values">
          <legend>{t('import.values')}</legend>
          {kind === 'opening-balances' && (
            <label className="import-cutover">
              <span>{t('import.cutover')}</span>
              <input type="date" name="cutover" value={choices.cutover ?? ''} onChange={(e) => onChoose({ cutover: e.target.value || undefined })} />
              <span className="muted">{t('import.cutoverHint')}</span>
            </label>
          )}
          {hasDates && (
            <div className={`import-radio${ambiguous ? ' ask' : ''}`} role="radiogroup" aria-label={t('import.dateOrder')}>
              <span>{t('import.dateOrder')}</span>
              {(['dmy', 'mdy'] as const).map((o) => (
                <label key={o}>
                  <input type="radio" name="dateOrder" value={o} checked={!ambiguous && p.options.dateOrder === o} onChange={() => onChoose({ dateOrder: o })} />
                  {t(`import.${o}`)}
                </label>
              ))}
              {ambiguous ? <span className="import-warning">{t('import.dateOrderAmbiguous')}</span> : p.options.dateOrderDetected && !choices.dateOrder && <span className="muted">{t('import.dateOrderFromFile')}</span>}
            </div>
          )}
          <div className="import-radio" role="radiogroup" aria-label={t('import.decimal')}>
            <span>{t('import.decimal')}</span>
            {(['.', ','] as const).map((d) => (
              <label key={d}>
                <input type="radio" name="decimal" value={d} checked={p.options.decimal === d} onChange={() => onChoose({ decimal: d })} />
                {t(d === '.' ? 'import.decimalPoint' : 'import.decimalComma')}
              </label>
            ))}
          </div>
          {p.format === 'csv' && hasDates && (
            <label className="import-check">
              <input type="checkbox" name="date1904" checked={p.options.date1904} onChange={(e) => onChoose({ date1904: e.target.checked })} />
              {t('import.date1904')}
            </label>
          )}
        </fieldset>
      </div>
      <h3>{t('import.preview')}</h3>
      <div className="import-table-wrap">
        <table className="import-table sample" data-testid="import-sample">
          <thead>
            <tr>
              <th className="line">{t('import.line')}</th>
              {mappedFields.map((f) => (
                <th key={f.name} className={f.type === 'amount' ? 'amount' : undefined}>
                  {fieldLabel(t, f.name, kind)}
                  <span className="import-src">{p.header[p.mapping[f.name]!]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.sample.map((r) => (
              <tr key={r.line}>
                <th className="line">{r.line}</th>
                {mappedFields.map((f) => {
                  const c = r.cells[f.name];
                  return (
                    <td key={f.name} className={`${f.type === 'amount' ? 'amount' : ''}${c && !c.ok ? ' bad' : ''}`} title={c && c.raw !== c.value ? c.raw : undefined}>
                      {c ? (c.ok ? c.value : `${c.raw} (${t('import.unreadable')})`) : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
