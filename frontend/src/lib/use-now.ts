import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs`: for screens whose controls depend on whether
 * a moment has passed (an appointment that has started may be marked attended, one that has
 * not may still be cancelled).
 */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, intervalMs);
    return () => {
      window.clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
