/** Maps storage, transport and validation failures to the codes the screens translate. */
import { RecordValidationError } from '../storage/write';
import { StorageError } from '../storage/errors';
import { TransportError } from '../sync/transport';
import type { SyncFailureCode } from '../sync/engine';
import type { AppError, AppErrorCode } from './types';

const FROM_SERVER: Partial<Record<string, AppErrorCode>> = {
  network: 'network',
  unauthorized: 'unauthorized',
  deviceRevoked: 'deviceRevoked',
  accountDisabled: 'accountDisabled',
  forbidden: 'forbidden',
  clientTooOld: 'clientTooOld',
  invalidRecord: 'invalidInput',
  invalidRequest: 'invalidInput',
  payloadTooLarge: 'invalidInput',
  alreadyInitialized: 'alreadyInitialized',
  rateLimited: 'rateLimited',
};

/** The AppError of anything thrown below the state layer. */
export function toAppError(error: unknown): AppError {
  if (error instanceof RecordValidationError) return { code: 'invalidInput', issues: error.issues };
  if (error instanceof StorageError) return { code: error.code };
  if (error instanceof TransportError) {
    const code = FROM_SERVER[error.code] ?? 'server';
    return error.issues.length > 0 ? { code, issues: error.issues } : { code };
  }
  return { code: 'unknown' };
}

/** The AppError of a failed sync run. */
export function syncFailure(code: SyncFailureCode | null): AppError | null {
  return code === null ? null : { code };
}
