import { useEffect, useState } from 'react';

/** Routes inside the Collections section: #/collections (today), /cases, /cases/12, /targets, /settings. */
export type CollectionsRoute = { view: 'worklist' } | { view: 'cases' } | { view: 'case'; id: number } | { view: 'targets' } | { view: 'settings' };

export function parseCollectionsRoute(hash: string): CollectionsRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'collections') return { view: 'worklist' };
  if (parts[1] === 'cases' && parts[2] && /^\d+$/.test(parts[2])) return { view: 'case', id: Number(parts[2]) };
  if (parts[1] === 'cases') return { view: 'cases' };
  if (parts[1] === 'targets') return { view: 'targets' };
  if (parts[1] === 'settings') return { view: 'settings' };
  return { view: 'worklist' };
}

export function useCollectionsRoute(): CollectionsRoute {
  const [route, setRoute] = useState(() => parseCollectionsRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseCollectionsRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
