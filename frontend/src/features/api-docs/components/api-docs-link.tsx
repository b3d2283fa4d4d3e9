import { NavLink } from '@mantine/core';

import { notifyError } from '@/lib/notify';

import { API_DOCS_PATH, useOpenApiDocs } from '../api/open-api-docs';

/** The admin's way to the API documentation (Swagger UI), opened in a new tab. */
export function ApiDocsLink() {
  const openDocs = useOpenApiDocs();
  return (
    <NavLink
      component="a"
      href={API_DOCS_PATH}
      target="_blank"
      rel="noopener"
      label="API documentation"
      description="Swagger UI, opens in a new tab"
      disabled={openDocs.isPending}
      onClick={(event) => {
        event.preventDefault();
        const tab = window.open('about:blank', '_blank');
        openDocs.mutate(tab, {
          onError: (error) => {
            notifyError('The API documentation did not open', error);
          },
        });
      }}
    />
  );
}
