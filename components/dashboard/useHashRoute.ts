import { useEffect, useRef, useState } from 'preact/hooks';
import { parseRoute, SECTIONS, type Route } from '@/utils/dashboard/routes';
import { dashboardText } from '@/utils/text';

/** The route in the page's hash, followed as it changes (links and the back button). */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** Names the tab after the section, and after navigating moves focus to it for keyboard and screen readers. */
export function useSectionFocus(route: Route): void {
  const previousRoute = useRef<Route | null>(null);
  useEffect(() => {
    const section = SECTIONS.find((candidate) => candidate.id === route.section);
    document.title = dashboardText.documentTitle(section?.label);
    // After navigating (not on first load), start reading at the section, unless a control form takes focus.
    if (previousRoute.current !== null && route.controlId === null)
      document.getElementById('section')?.focus();
    previousRoute.current = route;
  }, [route]);
}
