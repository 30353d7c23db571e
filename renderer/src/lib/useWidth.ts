import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The width of a box, followed as it resizes (never below `min`): the hand-made SVG charts are
 * drawn at their real width so their text is never scaled.
 */
export function useWidth(initial = 600, min = 240): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(min, Math.floor(el.clientWidth)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [min]);
  return [ref, width];
}
