import { useCallback, useState } from 'react';

export type SavedFilter = { name: string; query: string };

const keyFor = (userId: string) => `gehoord.savedFilters.${userId}`;

function load(userId: string): SavedFilter[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyFor(userId)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (item): item is SavedFilter =>
        typeof item?.name === 'string' && typeof item?.query === 'string' && item.name.length > 0,
    );
  } catch {
    return [];
  }
}

/** Saved work-queue filters, per user, in this browser (no personal data: only filter values). */
export function useSavedFilters(userId: string) {
  const [filters, setFilters] = useState<SavedFilter[]>(() => load(userId));
  const persist = useCallback(
    (next: SavedFilter[]) => {
      setFilters(next);
      try {
        localStorage.setItem(keyFor(userId), JSON.stringify(next));
      } catch {
        // Storage blocked: the filters still work for this visit.
      }
    },
    [userId],
  );
  const save = (filter: SavedFilter) =>
    persist([...filters.filter((f) => f.name !== filter.name), filter].slice(-20));
  const remove = (name: string) => persist(filters.filter((f) => f.name !== name));
  return { filters, save, remove };
}
