import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';

import { useHospitalFormat } from './hospital';

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('useHospitalFormat', () => {
  it("formats with the hospital's currency and time zone from GET /hospital/", async () => {
    const { result } = renderHook(() => useHospitalFormat(), { wrapper });

    await waitFor(() => {
      expect(result.current.hospital).toBeDefined();
    });
    // jsdom's locale is en-US; the hospital (fixture) is in Asia/Kolkata and bills in INR.
    expect(result.current.money('3350.00')).toBe('₹3,350.00');
    expect(result.current.dateTime('2026-11-26T04:00:00Z')).toBe('Nov 26, 2026, 9:30 AM');
    expect(result.current.date('2024-01-05')).toBe('Jan 5, 2024');
  });
});
