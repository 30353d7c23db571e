import { useEffect, useRef, useState } from 'react';
import type { Language } from '../../../../shared/domain';
import { DEFAULT_TEMPLATES, PLACEHOLDERS, TEMPLATE_KINDS, templateProblem, type TemplateKind } from '../../../../shared/letter-templates';
import type { LetterTemplates } from '../../../../shared/api/settings';
import { call, invoke } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';

/**
 * Settings › Letter templates: the SMS and e-mail wording per language, with placeholders, a live
 * preview against a real customer, and "restore default". Main validates and stores them.
 */
export function LetterTemplatesCard() {
  const { t, lang, tError } = useI18n();
  const templates = useLoad(() => call('letter-templates-get', {}), []);
  const customers = useLoad(() => call('customer-list', {}), []);
  // The letters' language follows the interface until the user picks one here.
  const [picked, setLanguage] = useState<Language | null>(null);
  const language = picked ?? lang;
  const [kind, setKind] = useState<TemplateKind>('sms_overdue');
  /** What the user typed; null: the stored text of the chosen language and template, unedited. */
  const [draft, setText] = useState<string | null>(null);
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ text: string } | { error: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [stored, setStored] = useState<LetterTemplates | null>(null);
  const save = useSubmit('letter-template-set');
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (templates.data) setStored(templates.data);
  }, [templates.data]);
  const current = stored?.[language][kind];
  const text = draft ?? current?.text ?? '';
  // Switching language or template shows what is stored for it.
  useEffect(() => {
    setText(null);
    setNotice(null);
    save.setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, kind]);
  // The customer with the most open first is the most telling preview.
  useEffect(() => {
    if (customerId === null && customers.data?.length) {
      const best = [...customers.data].sort((a, b) => b.overdue - a.overdue || b.balance - a.balance)[0];
      setCustomerId(best.id);
    }
  }, [customers.data, customerId]);

  // Nothing to check or preview until the templates are loaded.
  const problem = current ? templateProblem(kind, text) : null;
  useEffect(() => {
    if (customerId === null || !current) return setPreview(null);
    if (problem) return setPreview({ error: tError(problem) });
    let live = true;
    const timer = setTimeout(() => {
      void invoke('letter-template-preview', { language, kind, text, customerId }).then((r) => {
        if (live) setPreview(r.ok ? { text: r.value.text } : { error: tError(r.error) });
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, kind, text, customerId, problem?.key, lang, current === undefined]);

  const insert = (name: string) => {
    const el = area.current;
    const token = `{${name}}`;
    if (!el) return setText(text + token);
    const start = el.selectionStart ?? text.length;
    const end = el.selectionEnd ?? start;
    const next = text.slice(0, start) + token + text.slice(end);
    setText(next);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const submit = async (value: string | null) => {
    setNotice(null);
    const r = await save.submit({ language, kind, text: value });
    if (r) {
      setStored(r);
      setText(null);
      setNotice(value === null ? t('settings.letters.restored') : t('settings.letters.saved'));
    }
  };
  const dirty = current !== undefined && text !== current.text;
  return (
    <section className="card settings-card settings-wide letters-card" data-testid="settings-letters">
      <h2>{t('settings.letters.title')}</h2>
      <p className="hint">{t('settings.letters.hint')}</p>
      {templates.error && <ErrorBox error={templates.error} onRetry={templates.reload} />}
      <div className="letters-toolbar">
        <span className="settings-label">{t('settings.letters.language')}</span>
        <div className="segmented" role="radiogroup" aria-label={t('settings.letters.language')}>
          {(['zh', 'en'] as Language[]).map((l) => (
            <label key={l} className={language === l ? 'on' : undefined}>
              <input type="radio" name="template-language" value={l} checked={language === l} onChange={() => setLanguage(l)} />
              {t(`lang.${l}`)}
            </label>
          ))}
        </div>
        <label className="inline-field">
          <span>{t('settings.letters.kind')}</span>
          <select name="template-kind" value={kind} onChange={(e) => setKind(e.target.value as TemplateKind)}>
            {TEMPLATE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`settings.letters.kind.${k}`)}
                {stored?.[language][k].custom ? ' ✎' : ''}
              </option>
            ))}
          </select>
        </label>
        {current && (
          <span className={`badge ${current.custom ? 'status-active' : 'muted-badge'}`} data-template-state={current.custom ? 'custom' : 'default'}>
            {current.custom ? t('settings.letters.custom') : t('settings.letters.default')}
          </span>
        )}
        {dirty && <span className="muted">{t('settings.letters.unsaved')}</span>}
      </div>
      <div className="letters-body">
        <div className="letters-edit">
          <textarea
            ref={area}
            name="template-text"
            rows={kind === 'email_body' ? 13 : kind === 'email_subject' ? 2 : 5}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={problem !== null}
            aria-label={t(`settings.letters.kind.${kind}`)}
            spellCheck={false}
          />
          {problem && (
            <div className="field-error" role="alert" data-error-for="template-text">
              {tError(problem)}
            </div>
          )}
          {save.error && <ErrorBox error={save.error} />}
          <div className="form-actions">
            <button type="button" className="primary" disabled={save.busy || problem !== null || !dirty} onClick={() => void submit(text)} data-action="save-template">
              {t('settings.letters.save')}
            </button>
            <button
              type="button"
              disabled={save.busy || (!current?.custom && text === DEFAULT_TEMPLATES[language][kind])}
              onClick={() => (current?.custom ? void submit(null) : setText(DEFAULT_TEMPLATES[language][kind]))}
              data-action="restore-template"
            >
              {t('settings.letters.restore')}
            </button>
            {notice && (
              <span className="notice" role="status">
                {notice}
              </span>
            )}
          </div>
        </div>
        <div className="letters-side">
          <div className="letters-label">{t('settings.letters.placeholders')}</div>
          <div className="placeholder-chips">
            {PLACEHOLDERS.map((p) => (
              <button key={p} type="button" className="chip placeholder-chip" title={t(`settings.letters.ph.${p}`)} onClick={() => insert(p)} data-placeholder={p}>
                <code>{`{${p}}`}</code> <span>{t(`settings.letters.ph.${p}`)}</span>
              </button>
            ))}
          </div>
        </div>
      </div>
      <div className="letters-preview">
        <label className="inline-field">
          <span>{t('settings.letters.preview')}</span>
          {customers.data?.length ? (
            <select name="preview-customer" value={customerId ?? ''} onChange={(e) => setCustomerId(Number(e.target.value))}>
              {customers.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {c.name}
                </option>
              ))}
            </select>
          ) : (
            <span className="muted">{t('settings.letters.noCustomers')}</span>
          )}
        </label>
        {preview && 'text' in preview && (
          <pre className="letters-preview-text" data-testid="template-preview">
            {preview.text}
          </pre>
        )}
        {preview && 'error' in preview && (
          <div className="letters-preview-text invalid" data-testid="template-preview">
            {preview.error}
          </div>
        )}
      </div>
      <p className="note" data-testid="demand-note">
        {t('settings.letters.demandNote')}
      </p>
    </section>
  );
}
