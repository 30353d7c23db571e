import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { navigate } from '../lib/router';
import { ImportWizard } from '../pages/import/ImportWizard';
import { AboutDialog } from './AboutDialog';
import { GlobalSearch } from './GlobalSearch';
import { ShortcutsPanel } from './ShortcutsPanel';
import { Tour } from './Tour';
import './comfort.css';

type Open = 'search' | 'shortcuts' | 'about' | 'tour' | 'import' | null;
/** Alt+1 … Alt+7: the sections in the order of the navigation. */
const SECTIONS = ['overview', 'customers', 'aging', 'credit', 'collections', 'documents', 'settings'];

/** Anything else wants the tour (the empty customer list's button). */
export function startTour(): void {
  window.dispatchEvent(new CustomEvent('arw:start-tour'));
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** The header's search box and help menu, and the app-wide keyboard shortcuts. */
export function HeaderTools() {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const [menu, setMenu] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && k === 'k') setOpen('search');
      else if (e.altKey && !e.ctrlKey && !e.metaKey && /^digit[1-7]$/.test(e.code.toLowerCase())) navigate(SECTIONS[Number(e.code.slice(5)) - 1]);
      else if (e.altKey && !e.ctrlKey && e.code === 'KeyN') navigate('customers/new');
      else if (e.altKey && !e.ctrlKey && e.code === 'KeyI') {
        // The page's own Import button, if it has one, so the page refreshes after the import.
        const own = document.querySelector<HTMLButtonElement>('main [data-action=open-import]');
        if (own) own.click();
        else setOpen('import');
      } else if (e.key === 'F1' || (e.key === '?' && !typing(e.target))) setOpen('shortcuts');
      else if (e.key === '/' && !typing(e.target) && !document.querySelector('[aria-modal=true]')) setOpen('search');
      else return;
      e.preventDefault();
    };
    const onTour = () => setOpen('tour');
    document.addEventListener('keydown', onKey);
    window.addEventListener('arw:start-tour', onTour);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('arw:start-tour', onTour);
    };
  }, []);
  useEffect(() => {
    if (!menu) return;
    const away = (e: MouseEvent) => !menuRef.current?.contains(e.target as Node) && setMenu(false);
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [menu]);

  const pick = (what: Open) => {
    setMenu(false);
    setOpen(what);
  };
  const close = () => setOpen(null);
  return (
    <>
      <button type="button" className="header-search" data-action="open-search" onClick={() => setOpen('search')} title={t('search.label')}>
        <span aria-hidden="true">⌕</span> {t('search.open')} <kbd>Ctrl K</kbd>
      </button>
      <div className="help-menu" ref={menuRef}>
        <button type="button" className="help-button" aria-haspopup="menu" aria-expanded={menu} aria-label={t('help.menu')} data-action="help-menu" onClick={() => setMenu(!menu)}>
          ?
        </button>
        {menu && (
          <ul role="menu" className="help-items">
            <li role="none">
              <button type="button" role="menuitem" data-action="show-shortcuts" onClick={() => pick('shortcuts')}>
                {t('help.shortcuts')} <kbd>?</kbd>
              </button>
            </li>
            <li role="none">
              <button type="button" role="menuitem" data-action="start-tour" onClick={() => pick('tour')}>
                {t('help.tour')}
              </button>
            </li>
            <li role="none">
              <button type="button" role="menuitem" data-action="show-about" onClick={() => pick('about')}>
                {t('help.about')}
              </button>
            </li>
          </ul>
        )}
      </div>
      {open === 'search' && <GlobalSearch onClose={close} />}
      {open === 'shortcuts' && <ShortcutsPanel onClose={close} />}
      {open === 'about' && <AboutDialog onClose={close} />}
      {open === 'tour' && <Tour onClose={close} />}
      {open === 'import' && <ImportWizard onClose={close} />}
    </>
  );
}
