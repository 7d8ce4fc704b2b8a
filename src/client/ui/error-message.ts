/**
 * The one place where an AppError code becomes a message key (CONVENTIONS 9). The map is typed
 * against AppErrorCode, so a new code without a message is a compile error.
 */
import type { TextKey } from '../i18n';
import type { AppError, AppErrorCode } from '../state';

const ERROR_KEYS = {
  quotaExceeded: 'error.quotaExceeded',
  storageUnavailable: 'error.storageUnavailable',
  versionChanged: 'error.versionChanged',
  network: 'error.network',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  clientTooOld: 'error.clientTooOld',
  invalidInput: 'error.invalidInput',
  alreadyInitialized: 'error.alreadyInitialized',
  rateLimited: 'error.rateLimited',
  server: 'error.server',
  unknown: 'error.unknown',
} as const satisfies Record<AppErrorCode, TextKey>;

/** The message key of an error; unknown codes fall back to the generic message. */
export function errorKey(error: AppError): TextKey {
  return (ERROR_KEYS as Record<string, TextKey | undefined>)[error.code] ?? 'error.unknown';
}
