import { useEffect } from 'react';

import { useHospital } from './hospital';

/** The browser tab's title for a page: "<page> · <hospital name>". */
export function documentTitle(page: string, hospitalName: string | undefined): string {
  return `${page} · ${hospitalName ?? 'HMS'}`;
}

/**
 * Set the browser tab's title for the page on screen. The hospital's name comes from its public
 * settings (loaded once per visit); until they arrive the tab says "HMS".
 */
export function usePageTitle(page: string): void {
  const hospital = useHospital();
  const title = documentTitle(page, hospital.data?.name);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
