import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';

import { AppProvider } from '@/app/provider';
import { routes } from '@/app/routes';

interface RenderAppOptions {
  /** Options for userEvent, e.g. `advanceTimers` when the test uses fake timers. */
  user?: Parameters<typeof userEvent.setup>[0];
}

/** Render the whole app (providers, router, guards) at `path`, as the browser would. */
export function renderApp(path: string, options: RenderAppOptions = {}) {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Infinity },
      mutations: { retry: false },
    },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup({ delay: null, ...options.user });
  const view = render(
    <AppProvider queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, router, user, queryClient };
}
