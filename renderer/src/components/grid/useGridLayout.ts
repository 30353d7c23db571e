/** The column layout of one grid, loaded from and saved to this browser's local storage. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { emptyLayout, forgetLayout, loadLayout, saveLayout, type GridLayout, type KeyValueStore } from './engine/layout';

function storage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function useGridLayout(gridId: string | undefined, ids: readonly string[], pinned: readonly string[] = []) {
  const key = ids.join('\u0001');
  const defaults = useMemo(() => emptyLayout(ids, pinned), [key, pinned.join('\u0001')]); // eslint-disable-line react-hooks/exhaustive-deps
  const [layout, setLayoutState] = useState<GridLayout>(() => (gridId ? loadLayout(storage(), gridId, ids, defaults) : defaults));
  // Columns changed (another report shape, another language): re-read what was saved for them.
  const seen = useRef(key);
  useEffect(() => {
    if (seen.current === key) return;
    seen.current = key;
    setLayoutState(gridId ? loadLayout(storage(), gridId, ids, defaults) : defaults);
  }, [key, gridId, ids, defaults]);

  const setLayout = useCallback(
    (update: (l: GridLayout) => GridLayout) => {
      setLayoutState((l) => {
        const next = update(l);
        if (gridId) saveLayout(storage(), gridId, next);
        return next;
      });
    },
    [gridId],
  );
  const reset = useCallback(() => {
    if (gridId) forgetLayout(storage(), gridId);
    setLayoutState(defaults);
  }, [gridId, defaults]);
  return { layout, setLayout, reset };
}
