import { createOpenApiHttp } from 'openapi-msw';

import type { paths } from '@/lib/api/schema';

/** MSW's `http`, typed from the generated schema: paths, bodies and responses must exist. */
export const http = createOpenApiHttp<paths>({ baseUrl: window.location.origin });
