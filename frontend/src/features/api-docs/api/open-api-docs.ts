import { useMutation } from '@tanstack/react-query';

import { authenticatedFetch } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';

export const API_DOCS_PATH = '/api/docs/';
const DOCS_SESSION_PATH = '/api/docs/session/';

/**
 * Let this browser load Swagger UI: the API answers the admin's bearer token with a short-lived
 * HttpOnly docs cookie (scoped to /api/), which the page and its schema request then carry. The
 * docs may be limited to admins (HMS_PUBLIC_API_DOCS off), and a page load cannot send a bearer.
 */
export async function startDocsSession(): Promise<void> {
  const response = await authenticatedFetch(DOCS_SESSION_PATH, { method: 'POST' });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, body);
  }
}

/**
 * Open the API documentation in `tab`, a window the click opened at once (so that no pop-up
 * blocker stops it); without one, in this tab. The tab is closed when the API refuses.
 */
export function useOpenApiDocs() {
  return useMutation({
    mutationFn: async (tab: Window | null) => {
      try {
        await startDocsSession();
      } catch (error) {
        tab?.close();
        throw error;
      }
      if (tab === null) {
        window.location.assign(API_DOCS_PATH);
        return;
      }
      tab.opener = null;
      tab.location.href = API_DOCS_PATH;
    },
  });
}
