import './api'; // takes the browser-mode token out of the URL before anything reads the hash
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider, storedLanguage } from './i18n';
import './styles.css';

const initial = storedLanguage();
document.documentElement.lang = initial === 'zh' ? 'zh-CN' : 'en';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initial={initial}>
      <App />
    </I18nProvider>
  </StrictMode>,
);
