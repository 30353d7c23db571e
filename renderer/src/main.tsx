import './api'; // takes the browser-mode token out of the URL before anything reads the hash
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider, storedLanguage } from './i18n';
import './styles.css';

const initial = storedLanguage();
document.documentElement.lang = initial === 'zh' ? 'zh-CN' : 'en';

/**
 * Where the system has no Chinese font, the bundled fallback face (styles.css) must be loaded
 * before the first Chinese text is laid out: Chromium does not always repaint text that was first
 * drawn as boxes. It comes from the app itself, so this takes a few milliseconds; never more than 1.5 s.
 */
function cjkFontReady(): Promise<unknown> {
  if (!document.fonts?.load) return Promise.resolve();
  return Promise.race([document.fonts.load('16px "ARW CJK Fallback"', '中文').catch(() => undefined), new Promise((r) => setTimeout(r, 1500))]);
}

void cjkFontReady().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider initial={initial}>
        <App />
      </I18nProvider>
    </StrictMode>,
  ),
);
