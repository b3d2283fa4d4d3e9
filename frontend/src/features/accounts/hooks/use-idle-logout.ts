import { useEffect, useEffectEvent } from 'react';

/** Sign out after this long without user input (SPEC: shared workstations in wards). */
export const IDLE_TIMEOUT_MS = 15 * 60 * 1000;

/** Input that counts as "the user is still here". */
export const ACTIVITY_EVENTS = [
  'mousemove',
  'mousedown',
  'click',
  'keydown',
  'touchstart',
  'wheel',
] as const;

/** Call `onIdle` once after `timeoutMs` without any user input on the page. */
export function useIdleLogout(onIdle: () => void, timeoutMs: number = IDLE_TIMEOUT_MS): void {
  const fire = useEffectEvent(onIdle);

  useEffect(() => {
    const start = () =>
      window.setTimeout(() => {
        fire();
      }, timeoutMs);
    let timer = start();
    const restart = () => {
      window.clearTimeout(timer);
      timer = start();
    };
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, restart, { capture: true, passive: true });
    }
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) {
        window.removeEventListener(type, restart, { capture: true });
      }
    };
  }, [timeoutMs]);
}
