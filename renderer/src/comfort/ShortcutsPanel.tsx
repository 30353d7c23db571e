import { Modal } from '../components/Modal';
import { useI18n, type MessageKey } from '../i18n';

export const SHORTCUTS: { keys: string[]; label: MessageKey }[] = [
  { keys: ['Ctrl+K', '/'], label: 'keys.search' },
  { keys: ['?', 'F1'], label: 'keys.help' },
  { keys: ['Alt+1 … Alt+7'], label: 'keys.sections' },
  { keys: ['Alt+N'], label: 'keys.newCustomer' },
  { keys: ['Alt+I'], label: 'keys.import' },
  { keys: ['↑', '↓'], label: 'keys.move' },
  { keys: ['Enter'], label: 'keys.open' },
  { keys: ['Esc'], label: 'keys.close' },
];

/** The help panel listing every keyboard shortcut the app answers to. */
export function ShortcutsPanel({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('keys.title')} onClose={onClose}>
      <table className="shortcuts" data-testid="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.label}>
              <td className="shortcut-keys">
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{t(s.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('keys.note')}</p>
    </Modal>
  );
}
