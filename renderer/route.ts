import { useEffect, useState } from 'react';

/** Where the window is: the library, the trash, or one issue (by folder name). */
export type Route = { view: 'library' } | { view: 'trash' } | { view: 'issue'; slug: string };

/** The route in the URL hash (`#/issue/<slug>`), so a reload returns to the same place. */
export function parseRoute(hash: string): Route {
  const m = /^#\/issue\/(.+)$/.exec(hash);
  if (m) return { view: 'issue', slug: decodeURIComponent(m[1]) };
  if (hash === '#/trash') return { view: 'trash' };
  return { view: 'library' };
}

export function routeHash(route: Route): string {
  if (route.view === 'issue') return `#/issue/${encodeURIComponent(route.slug)}`;
  if (route.view === 'trash') return '#/trash';
  return '#/';
}

/** Navigates to a route. */
export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
