import { useState } from 'react';
import { IMPORT_KINDS, IMPORT_MAX_MB, type ImportKindName, type ImportPreview } from '../../../../shared/api/imports';
import { useI18n } from '../../i18n';
import { fileSize } from './upload';

/** Step 1: what the file holds, and the file itself (picked or dropped). */
export function FileStep(props: {
  kind: ImportKindName;
  onKind(kind: ImportKindName): void;
  file: { name: string; size: number } | null;
  uploaded: number | null;
  preview: ImportPreview | null;
  onFile(file: File): void;
}) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  return (
    <div className="import-file-step">
      <fieldset className="import-kinds">
        <legend>{t('import.kind')}</legend>
        {IMPORT_KINDS.map((k) => (
          <label key={k} className={props.kind === k ? 'on' : undefined} data-kind={k}>
            <input type="radio" name="import-kind" value={k} checked={props.kind === k} onChange={() => props.onKind(k)} />
            <span className="import-kind-name">{t(`import.kind.${k}`)}</span>
            <span className="import-kind-hint">{t(`import.kindHint.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="muted">{t('import.order')}</p>
      <label
        className={`import-drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const f = e.dataTransfer.files[0];
          if (f) props.onFile(f);
        }}
      >
        <input type="file" name="import-file" accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain" hidden onChange={(e) => e.target.files?.[0] && props.onFile(e.target.files[0])} />
        <span className="button primary">{t('import.chooseFile')}</span>
        <span className="import-drop-hint">{t('import.dropHint', { mb: IMPORT_MAX_MB })}</span>
        {props.file && (
          <span className="import-file-line" data-testid="import-file" data-ready={props.preview && props.uploaded === null ? 'true' : undefined}>
            {props.uploaded !== null
              ? t('import.uploading', { name: props.file.name, percent: Math.round(props.uploaded * 100) })
              : `${t('import.fileLine', { name: props.file.name, size: fileSize(props.file.size) })} · ${props.preview ? `${t(`import.format.${props.preview.format}`)} · ${t('import.rowCount', { count: props.preview.rowCount })}` : `${t('import.phase.reading')}…`}`}
          </span>
        )}
        {props.uploaded !== null && <progress max={1} value={props.uploaded} />}
      </label>
    </div>
  );
}
