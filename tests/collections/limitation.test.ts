import { describe, expect, it } from 'vitest';
import { addYears, limitationStatus } from '../../electron/collections/limitation';

describe('limitation clock', () => {
  it('runs three years from the due date', () => {
    const s = limitationStatus('2023-06-30', [], '2026-01-01', 3, 90);
    expect(s.expires).toBe('2026-06-30');
    expect(s.restartedBy.kind).toBe('due_date');
    expect(s.state).toBe('ok');
  });

  it('is restarted by the latest interrupting event before expiry', () => {
    const s = limitationStatus(
      '2023-06-30',
      [
        { date: '2024-03-01', kind: 'part_payment', label: 'RC-1' },
        { date: '2025-02-10', kind: 'promise', label: 'written: Wang' },
        { date: '2026-12-01', kind: 'evidence', label: 'after as-of' },
      ],
      '2026-01-01',
      3,
      90,
    );
    expect(s.expires).toBe('2028-02-10');
    expect(s.restartedBy).toEqual({ date: '2025-02-10', kind: 'promise', label: 'written: Wang' });
  });

  it('cannot be revived by an event after it expired', () => {
    const s = limitationStatus('2020-01-15', [{ date: '2023-02-01', kind: 'part_payment', label: 'late' }], '2023-03-01', 3, 90);
    expect(s.expires).toBe('2023-01-15');
    expect(s.state).toBe('expired');
  });

  it('warns within the warning window', () => {
    expect(limitationStatus('2023-03-31', [], '2026-01-01', 3, 90).state).toBe('warning');
    expect(limitationStatus('2023-03-31', [], '2026-01-01', 3, 90).daysLeft).toBe(89);
  });

  it('29 February falls back to 28 February', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});
