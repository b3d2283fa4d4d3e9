import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';

import type { CSSVariablesResolver, MantineColorSchemeManager } from '@mantine/core';
import { MantineProvider, Modal, Notification, createTheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useState } from 'react';

import { SessionProvider } from '@/lib/auth/session';
import { createQueryClient } from '@/lib/query-client';

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white-on-blue buttons and blue links above WCAG AA contrast (4.5:1).
  primaryShade: 8,
  // Keyboard users always see where focus is; mouse clicks do not leave rings behind.
  focusRing: 'auto',
  defaultRadius: 'md',
  components: {
    // Mantine's close buttons have no accessible name, and a titled notification's text is
    // grey 6 (3.3:1 on white): named buttons, and the AA-safe dimmed grey instead.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
});

// Mantine's default dimmed grey and error red fall below AA contrast on white; darker shades pass.
const resolveCssVariables: CSSVariablesResolver = (currentTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': currentTheme.colors.gray[7],
    '--mantine-color-error': currentTheme.colors.red[9],
  },
  dark: {},
});

// Mantine's default manager persists the colour scheme in localStorage; this app keeps nothing
// in web storage (SPEC section 5), so the scheme lives in memory only.
const memoryColorSchemeManager: MantineColorSchemeManager = {
  get: (defaultValue) => defaultValue,
  set: () => undefined,
  subscribe: () => undefined,
  unsubscribe: () => undefined,
  clear: () => undefined,
};

// The hospital's language is English (the API's messages are English): month and weekday names
// in English, weeks from Monday. Date inputs show "06 Dec 2026", which no reader can take for
// another day, whatever order their own locale writes day and month in.
const DATES_SETTINGS = { locale: 'en', firstDayOfWeek: 1, consistentWeeks: true } as const;

interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own client; the app makes one per page load. */
  queryClient?: QueryClient;
  /** `test` turns off Mantine's transitions and portals. */
  env?: 'default' | 'test';
}

export function AppProvider({ children, queryClient, env = 'default' }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="light"
      colorSchemeManager={memoryColorSchemeManager}
      cssVariablesResolver={resolveCssVariables}
      env={env}
    >
      <DatesProvider settings={DATES_SETTINGS}>
        {/* Toasts appear at the bottom, away from the header's controls (the Sign out button). */}
        <Notifications position="bottom-right" />
        <QueryClientProvider client={client}>
          <SessionProvider>{children}</SessionProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
