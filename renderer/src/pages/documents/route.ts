import { useEffect, useState } from 'react';

/** Routes inside Documents: #/documents (awaiting), /register, /register/12, /confirmations, /confirmations/new/3, /month-end. */
export type DocumentsRoute =
  | { view: 'awaiting' }
  | { view: 'register'; id: number | null }
  | { view: 'confirmations'; newFor: number | null; editing: boolean }
  | { view: 'month-end' };

export function parseDocumentsRoute(hash: string): DocumentsRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'documents') return { view: 'awaiting' };
  const num = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);
  switch (parts[1]) {
    case 'register':
      return { view: 'register', id: num(parts[2]) };
    case 'confirmations':
      return { view: 'confirmations', editing: parts[2] === 'new', newFor: num(parts[3]) };
    case 'month-end':
      return { view: 'month-end' };
    default:
      return { view: 'awaiting' };
  }
}

export function useDocumentsRoute(): DocumentsRoute {
  const [route, setRoute] = useState(() => parseDocumentsRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseDocumentsRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
