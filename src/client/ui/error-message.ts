/**
 * The one place where an AppError code becomes a message key (CONVENTIONS 9). The map is typed
 * against AppErrorCode, so a new code without a message is a compile error.
 */
import type { EntityName } from '../../domain';
import type { TextKey } from '../i18n';
import type { AppError, AppErrorCode } from '../state';

const ERROR_KEYS = {
  quotaExceeded: 'error.quotaExceeded',
  storageUnavailable: 'error.storageUnavailable',
  versionChanged: 'error.versionChanged',
  connectionLost: 'error.connectionLost',
  network: 'error.network',
  unauthorized: 'error.unauthorized',
  deviceRevoked: 'error.deviceRevoked',
  accountDisabled: 'error.accountDisabled',
  forbidden: 'error.forbidden',
  clientTooOld: 'error.clientTooOld',
  invalidInput: 'error.invalidInput',
  alreadyInitialized: 'error.alreadyInitialized',
  rateLimited: 'error.rateLimited',
  totpRequired: 'login.codeNeeded',
  server: 'error.server',
  unknown: 'error.unknown',
} as const satisfies Record<AppErrorCode, TextKey>;

/** The message key of an error; unknown codes fall back to the generic message. */
export function errorKey(error: AppError): TextKey {
  return (ERROR_KEYS as Record<string, TextKey | undefined>)[error.code] ?? 'error.unknown';
}

const REJECTED_KEYS: Partial<Record<string, TextKey>> = {
  payloadTooLarge: 'sync.rejected.payloadTooLarge',
  invalidRecord: 'sync.rejected.invalidRecord',
  forbidden: 'sync.rejected.forbidden',
  clockAhead: 'sync.rejected.clockAhead',
};

/** Why a change was not sent or was refused, from the server's reason code (any other: a generic refusal). */
export function rejectedReasonKey(reason: string): TextKey {
  return REJECTED_KEYS[reason] ?? 'sync.rejected.other';
}

const ENTITY_KEYS = {
  organizations: 'entity.organizations', units: 'entity.units', rooms: 'entity.rooms', staff: 'entity.staff',
  participants: 'entity.participants', activities: 'entity.activities', sessions: 'entity.sessions', dayMarks: 'entity.dayMarks',
  sessionMarks: 'entity.sessionMarks', absenceNotices: 'entity.absenceNotices', routes: 'entity.routes', routeStops: 'entity.routeStops',
  mealOrders: 'entity.mealOrders', transportEvents: 'entity.transportEvents',
} as const satisfies Record<EntityName, TextKey>;

/** The kind of a record in words ("uczestnik", "obecność w danym dniu"). */
export function entityKindKey(entity: EntityName): TextKey {
  return ENTITY_KEYS[entity];
}
