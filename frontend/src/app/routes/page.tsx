import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

import type { PageRoute } from '@/config/paths';
import { usePageTitle } from '@/lib/page-title';

/** The route table's entry a route was built from: its title, for tests and the tab. */
export interface PageHandle {
  title: string;
}

/** A page component that also titles the browser tab from its route table entry. */
export function titled(title: string, Page: ComponentType): ComponentType {
  function TitledPage() {
    usePageTitle(title);
    return <Page />;
  }
  TitledPage.displayName = `Titled(${Page.displayName ?? Page.name})`;
  return TitledPage;
}

/**
 * A route of the route table whose code loads when it is first opened (so doctors and patients
 * never load admin code). `index` makes it the area's landing page.
 */
export function lazyPage(
  route: PageRoute<never>,
  load: () => Promise<ComponentType>,
  { index = false }: { index?: boolean } = {},
): RouteObject {
  const handle: PageHandle = { title: route.title };
  const lazy = async () => ({ Component: titled(route.title, await load()) });
  return index ? { index: true, handle, lazy } : { path: route.path, handle, lazy };
}
