import { useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';

// The state of a list page: filters, sorting and paging in the URL's search params (so the
// browser's Back button and a shared link keep them), the address search in the history
// entry's state (a search term never becomes part of a URL, so it cannot reach a server,
// proxy or browser-history log). The last state is kept per user and page in sessionStorage,
// so that the page's "Terug" link (a plain link without parameters) comes back to it too.

interface Saved {
  params: string;
  search: string;
}

type HistoryState = { zoek?: unknown } | null;

const searchOf = (state: unknown): string => {
  const zoek = (state as HistoryState)?.zoek;
  return typeof zoek === 'string' ? zoek : '';
};

function load(key: string): Saved | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Saved | null;
    return saved && typeof saved.params === 'string' && typeof saved.search === 'string' && (saved.params || saved.search) ? saved : null;
  } catch {
    return null;
  }
}

export interface ListParams {
  get(name: string): string | null;
  search: string;
  /** Sets (or, with null or '', removes) parameters; `search` replaces the address search. */
  update(changes: Record<string, string | null>, search?: string): void;
  /** Back to no filters at all. */
  reset(): void;
}

export function useListParams(storageKey: string): ListParams {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const current: Saved = { params: params.toString(), search: searchOf(location.state) };
  // Opened without any state (menu, "Terug" link): start from the saved state, without first showing an unfiltered list.
  const [pending, setPending] = useState(() => (current.params || current.search ? null : load(storageKey)));
  useEffect(() => {
    if (!pending) return;
    setParams(new URLSearchParams(pending.params), { replace: true, state: { zoek: pending.search } });
    setPending(null);
  }, [pending, setParams]);
  const effective = pending ?? current;
  const toSave = pending ? null : JSON.stringify(effective);
  useEffect(() => {
    if (toSave) sessionStorage.setItem(storageKey, toSave);
  }, [storageKey, toSave]);
  const values = new URLSearchParams(effective.params);
  return {
    get: (name) => values.get(name),
    search: effective.search,
    update: (changes, search = effective.search) => {
      const next = new URLSearchParams(effective.params);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      setParams(next, { replace: true, state: { zoek: search } });
    },
    reset: () => setParams(new URLSearchParams(), { replace: true, state: { zoek: '' } }),
  };
}
