import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A small panel below an anchor element (column menus, the column chooser, the export menu).
 * Escape or a click outside closes it; focus moves into it and back to the anchor when it closes.
 */
export function Popover(props: { anchor: HTMLElement; onClose(): void; label: string; children: ReactNode; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const { anchor, onClose } = props;

  useLayoutEffect(() => {
    const r = anchor.getBoundingClientRect();
    const width = box.current?.offsetWidth ?? 240;
    const height = box.current?.offsetHeight ?? 200;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
    const below = r.bottom + 4;
    const top = below + height > window.innerHeight - 8 ? Math.max(8, r.top - height - 4) : below;
    setPos({ left, top });
  }, [anchor]);

  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>('input, select, button');
    first?.focus();
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!box.current?.contains(target) && !anchor.contains(target)) onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
        anchor.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [anchor, onClose]);

  return (
    <div
      ref={box}
      role="dialog"
      aria-label={props.label}
      className={`xg-popover ${props.className ?? ''}`}
      style={pos ? { left: pos.left, top: pos.top } : { left: -9999, top: 0 }}
    >
      {props.children}
    </div>
  );
}
