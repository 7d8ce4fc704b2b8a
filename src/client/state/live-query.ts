/**
 * Live reads for Preact: a hook runs a storage query under Dexie's `liveQuery`, so the screen
 * re-renders whenever a local write or a pulled page changes what the query read. Errors come
 * back as AppErrors in the result, never thrown into the render.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { AppDB } from '../storage/db';
import { toAppError } from './errors';
import { runtime } from './runtime';
import type { QueryResult } from './types';

const LOADING: QueryResult<never> = { data: undefined, isLoading: true, error: null };

/**
 * Runs `query` against the device database and keeps the result current. With `query` null (no
 * unit chosen yet) the result is `empty` when given, loading otherwise.
 */
export function useLiveQuery<T>(query: ((db: AppDB) => Promise<T>) | null, deps: readonly unknown[], empty?: T): QueryResult<T> {
  const db = runtime.db.value;
  const [result, setResult] = useState<QueryResult<T>>(LOADING);
  useEffect(() => {
    if (!query) {
      setResult(empty === undefined ? LOADING : { data: empty, isLoading: false, error: null });
      return undefined;
    }
    if (!db) {
      setResult(LOADING);
      return undefined;
    }
    setResult(LOADING);
    const subscription = liveQuery(() => query(db)).subscribe({
      next: (data) => setResult({ data, isLoading: false, error: null }),
      error: (error: unknown) => setResult({ data: undefined, isLoading: false, error: toAppError(error) }),
    });
    return () => subscription.unsubscribe();
  }, [db, query === null, ...deps]);
  return result;
}
