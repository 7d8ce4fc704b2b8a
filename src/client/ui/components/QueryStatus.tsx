/**
 * The explicit loading and error states of a read hook: a status line while loading, an alert
 * with the translated error, and the children once the data is there.
 */
import type { ComponentChildren } from 'preact';
import { useT } from '../../i18n';
import type { QueryResult } from '../../state';
import { errorKey } from '../error-message';

/** Props: the hook's result and what to render with its data. */
export interface QueryStatusProps<T> {
  result: QueryResult<T>;
  children: (data: T) => ComponentChildren;
}

/** Renders loading, error or the data, never a blank screen. */
export function QueryStatus<T>({ result, children }: QueryStatusProps<T>) {
  const t = useT();
  if (result.error) return <p class="callout callout--error" role="alert">{t(errorKey(result.error))}</p>;
  if (result.data === undefined) return <p class="loading" role="status">{t('common.loading')}</p>;
  return <>{children(result.data)}</>;
}
