import { useCallback, useMemo } from 'react';
import { useLocation, useNavigation, useSearchParams } from 'react-router';

type Change = string | number | null | undefined;

/**
 * A page's filters kept in the address (`?status=PENDING&page=2`), so a link, a reload and the
 * Back button all show the same list. `keys` must be a module-level constant.
 *
 * Changing any filter other than `page` goes back to the first page.
 */
export function useUrlParams<Key extends string>(keys: readonly Key[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const { pathname } = useLocation();
  // The user is on the way to another page (its code or data still loading): a late filter
  // change, such as a debounced search, must not pull them back to this list.
  const leaving = navigation.location !== undefined && navigation.location.pathname !== pathname;

  const values = useMemo(() => {
    const result = {} as Record<Key, string>;
    for (const key of keys) result[key] = searchParams.get(key) ?? '';
    return result;
  }, [keys, searchParams]);

  const update = useCallback(
    (changes: Partial<Record<Key, Change>>) => {
      if (leaving) return;
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries<Change>(changes)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [leaving, setSearchParams],
  );

  return [values, update] as const;
}

/** A positive page number from the address; anything else is page 1. */
export function pageFrom(value: string): number {
  const page = Number.parseInt(value, 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

/** A positive id from a route parameter, or null when it is not one. */
export function idFrom(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const id = Number(value);
  return id > 0 && Number.isSafeInteger(id) ? id : null;
}
