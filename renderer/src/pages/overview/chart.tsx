/** Small pieces the Overview's hand-made SVG charts share: width, scale, labels, colours, focus, tooltip. */
import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
export { useWidth } from '../../lib/useWidth';
import type { Language } from '../../../../shared/domain';
import { STYLE_MARKS } from '../../../../shared/number-format';
import { numberStyle } from '../../lib/format';

/** A short label of an amount for axes and bar tops ("1.2M", "3.1亿"); exact figures are in tooltips and tables. */
export function compactAmount(minor: number, digits: number, lang: Language): string {
  const major = minor / 10 ** digits;
  const text = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { notation: 'compact', maximumFractionDigits: Math.abs(major) < 10 ? 2 : 1 }).format(major);
  const decimal = STYLE_MARKS[numberStyle()].decimal;
  return decimal === '.' ? text : text.replace('.', decimal);
}

/** A rounded top for an axis and its ticks: 0 … max in `count` steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceScale(max: number, count = 4): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0] };
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  return { top, ticks };
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const locale = (lang: Language) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** "Jan 26" / "26年1月" for a month end or a 'YYYY-MM' period. */
export function monthLabel(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(utc(iso.length === 7 ? `${iso}-01` : iso));
}

/** "7 Dec" / "12月7日". */
export function dayLabel(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(utc(iso));
}

export const pct = (r: number | null) => (r === null ? null : `${(r * 100).toFixed(1)}%`);

/** Not yet due in green, then amber through deep red to maroon as debts age. */
const AGED = [
  [233, 185, 73],
  [232, 145, 58],
  [217, 72, 15],
  [192, 57, 43],
  [150, 45, 62],
  [109, 33, 64],
  [74, 21, 48],
];
export const NOT_DUE_COLOUR = '#3b8f5e';

export function bucketColours(count: number, firstIsNotDue: boolean): string[] {
  const aged = firstIsNotDue ? count - 1 : count;
  const out = firstIsNotDue ? [NOT_DUE_COLOUR] : [];
  for (let i = 0; i < aged; i++) {
    const t = aged === 1 ? 0 : (i / (aged - 1)) * (AGED.length - 1);
    const a = AGED[Math.floor(t)];
    const b = AGED[Math.min(AGED.length - 1, Math.floor(t) + 1)];
    const f = t - Math.floor(t);
    out.push(`rgb(${a.map((v, j) => Math.round(v + (b[j] - v) * f)).join(',')})`);
  }
  return out;
}

/**
 * Which column of a chart is pointed at or focused, with roving focus: one tab stop for the
 * chart, arrow keys (Home, End) move between its columns.
 */
export function useColumnFocus(count: number) {
  const [active, setActive] = useState<number | null>(null);
  const [stop, setStop] = useState(count - 1);
  const items = useRef<(SVGGElement | null)[]>([]);
  const tabStop = Math.min(stop, count - 1);
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const from = active ?? tabStop;
      const to = e.key === 'ArrowLeft' ? from - 1 : e.key === 'ArrowRight' ? from + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : null;
      if (to === null) {
        if (e.key === 'Escape') setActive(null);
        return;
      }
      e.preventDefault();
      const next = Math.max(0, Math.min(count - 1, to));
      setStop(next);
      setActive(next);
      items.current[next]?.focus();
    },
    [active, tabStop, count],
  );
  const props = (k: number) => ({
    ref: (el: SVGGElement | null) => {
      items.current[k] = el;
    },
    tabIndex: k === tabStop ? 0 : -1,
    onMouseEnter: () => setActive(k),
    onMouseLeave: () => setActive((a) => (a === k ? null : a)),
    onFocus: () => {
      setStop(k);
      setActive(k);
    },
    onBlur: () => setActive((a) => (a === k ? null : a)),
  });
  return { active, onKeyDown, props };
}

/** The figures of a column, beside it (right of it when there is room, else left), inside the chart's box. */
export function ChartTooltip(props: { x: number; half: number; width: number; boxWidth: number; top: number; children: ReactNode }) {
  const right = props.x + props.half + 4;
  const left = right + props.width <= props.boxWidth ? right : Math.max(0, props.x - props.half - 4 - props.width);
  return (
    <div className="ov-tooltip" role="presentation" style={{ left, top: props.top, width: props.width }}>
      {props.children}
    </div>
  );
}
