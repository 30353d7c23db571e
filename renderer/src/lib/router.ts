import { useEffect, useState } from 'react';

/** Hash routes (#/customers/12): work the same from file:// in Electron and from the loopback server. */
export type Route =
  | { page: 'overview' }
  | { page: 'customers' }
  | { page: 'customer-new' }
  | { page: 'customer'; id: number }
  | { page: 'customer-edit'; id: number }
  | { page: 'aging' }
  | { page: 'credit' }
  | { page: 'collections' }
  | { page: 'documents' }
  | { page: 'settings' };

export type Section = 'overview' | 'customers' | 'aging' | 'credit' | 'collections' | 'documents' | 'settings';

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  switch (parts[0]) {
    case 'customers':
      if (parts[1] === 'new') return { page: 'customer-new' };
      if (parts[1] && /^\d+$/.test(parts[1])) return parts[2] === 'edit' ? { page: 'customer-edit', id: Number(parts[1]) } : { page: 'customer', id: Number(parts[1]) };
      return { page: 'customers' };
    case 'overview':
    case 'aging':
    case 'credit':
    case 'collections':
    case 'documents':
    case 'settings':
      return { page: parts[0] };
    default:
      return { page: 'customers' };
  }
}

export function sectionOf(route: Route): Section {
  return route.page === 'customer' || route.page === 'customer-new' || route.page === 'customer-edit' ? 'customers' : route.page;
}

export function href(path: string): string {
  return `#/${path.replace(/^\//, '')}`;
}

export function navigate(path: string): void {
  window.location.hash = href(path);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
