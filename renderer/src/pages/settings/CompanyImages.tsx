import { useEffect, useState } from 'react';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../lib/useSubmit';

type Kind = 'logo' | 'seal';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Logo and seal printed on papers. Main checks the bytes; the page only previews what main stored. */
export function CompanyImages() {
  const { t, tError } = useI18n();
  return (
    <section className="card settings-card">
      <h2>{t('settings.images')}</h2>
      <p className="hint">{t('settings.imagesHint')}</p>
      <div className="image-slots">
        <ImageSlot kind="logo" label={t('settings.logo')} t={t} tError={tError} />
        <ImageSlot kind="seal" label={t('settings.seal')} t={t} tError={tError} />
      </div>
    </section>
  );
}

function ImageSlot(props: { kind: Kind; label: string; t: ReturnType<typeof useI18n>['t']; tError: ReturnType<typeof useI18n>['tError'] }) {
  const { kind, label, t, tError } = props;
  const [preview, setPreview] = useState<string | null>(null);
  const set = useSubmit('company-image-set');
  const load = () =>
    call('company-image-get', { kind }).then(
      (r) => setPreview(r.dataBase64 && r.mime ? `data:${r.mime};base64,${r.dataBase64}` : null),
      () => setPreview(null),
    );
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    const ok = await set.submit({ kind, dataBase64: await readBase64(file) });
    if (ok) await load();
  };
  return (
    <div className="image-slot" data-image={kind}>
      <div className="image-label">{label}</div>
      <div className="image-preview">{preview ? <img src={preview} alt={label} /> : <span className="muted">{t('settings.noImage')}</span>}</div>
      <label className="button small">
        {t('settings.chooseImage')}
        <input type="file" accept="image/png,image/jpeg" hidden onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {preview && (
        <button type="button" className="small" onClick={async () => (await set.submit({ kind, dataBase64: null })) && (await load())}>
          {t('settings.removeImage')}
        </button>
      )}
      {set.error && <div className="field-error" role="alert">{tError(set.error)}</div>}
    </div>
  );
}
