// hooks.js - reading API resources from components: useGet (one answer, reloadable) and
// usePaged (a list endpoint read page by page with its cursor: "More"). Answers that arrive
// after a newer request are dropped. The fetch wrapper itself is api.js.
import { useState, useEffect, useRef } from '/vendor/preact-htm.js';
import { get } from './api.js';

/**
 * GET `path` now and whenever `path` or `deps` change: {data, error, reload, setData}. `data`
 * is null until the answer arrives; `error` is the ApiError of a failed read.
 */
export function useGet(path, deps = []) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const seq = useRef(0);
  async function reload() {
    const mine = ++seq.current;
    setError(null);
    try {
      const r = await get(path);
      if (mine === seq.current) setData(r);
    } catch (err) {
      if (mine === seq.current) setError(err);
    }
  }
  useEffect(() => { reload(); }, [path, ...deps]);
  return { data, error, reload, setData };
}

/**
 * A list endpoint read a page at a time: {items, error, hasMore, loadingMore, more, reload}.
 * `path` may hold a query; limit and cursor are added here.
 */
export function usePaged(path, limit, deps = []) {
  const [items, setItems] = useState(null);
  const [cursor, setCursor] = useState(null);
  const [error, setError] = useState(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const seq = useRef(0);
  const url = (c) => `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${c ? `&cursor=${encodeURIComponent(c)}` : ''}`;

  async function reload() {
    const mine = ++seq.current;
    setError(null);
    try {
      const r = await get(url(null));
      if (mine !== seq.current) return;
      setItems(r.items || []);
      setCursor(r.next_cursor || null);
    } catch (err) {
      if (mine === seq.current) setError(err);
    }
  }
  async function more() {
    const mine = seq.current;
    setLoadingMore(true);
    try {
      const r = await get(url(cursor));
      if (mine !== seq.current) return;
      setItems((l) => [...(l || []), ...(r.items || [])]);
      setCursor(r.next_cursor || null);
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      setLoadingMore(false);
    }
  }
  useEffect(() => { reload(); }, [path, ...deps]);
  return { items, error, hasMore: !!cursor, loadingMore, more, reload };
}

/**
 * A two-step removal (Delete, then "Delete X?" or Keep) for the rows of a list:
 * {asking, busy, error, ask(id), keep(), clearError(), remove(id, fn, what)}. remove runs fn
 * (the DELETE) and resolves to the ApiError it failed with, or null; the failure's detail is kept
 * in `error` as "what: detail".
 */
export function useRemoval() {
  const [asking, setAsking] = useState(null);
  const [busy, setBusy] = useState(null);
  const [error, setError] = useState(null);
  async function remove(id, fn, what) {
    setBusy(id);
    setError(null);
    try {
      await fn();
      return null;
    } catch (err) {
      setError(`${what}: ${err.detail}`);
      return err;
    } finally {
      setBusy(null);
      setAsking(null);
    }
  }
  return {
    asking, busy, error, remove,
    ask: (id) => { setAsking(id); setError(null); },
    keep: () => setAsking(null),
    clearError: () => setError(null),
  };
}
