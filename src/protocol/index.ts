/**
 * The API and sync contract between the PWA and the server. Every request carries
 * PROTOCOL_VERSION; every refusal carries a reason code from REASON_CODES and a human message.
 */
import * as v from 'valibot';
import { DaySchema, ENTITY_NAMES, HlcSchema, IdSchema, NameSchema, ROLES, type EntityName, type FieldIssue, UNIT_KINDS } from '../domain';

/**
 * Bumped on any incompatible change of the wire format. 2: sync, history and admin calls carry a
 * short-lived access token instead of the device token (POST /auth/token).
 */
export const PROTOCOL_VERSION = 2;
/** The oldest client protocol the server still accepts (a version-1 app is told to update). */
export const MIN_PROTOCOL_VERSION = 2;

export const REASON_CODES = [
  'clientTooOld', 'unauthorized', 'forbidden', 'invalidRecord', 'invalidRequest', 'payloadTooLarge',
  'notFound', 'alreadyInitialized', 'notInitialized', 'rateLimited', 'cursorExpired', 'conflict', 'internal', 'tokenExpired',
  // 401 for a device the administrator revoked, or whose account is disabled: the device wipes its data (issue 14.5).
  'deviceRevoked', 'accountDisabled',
  'clockAhead',
  // The device's sign-in ended (idle too long, too old, or the password changed): it keeps its data and asks for the password.
  'sessionExpired',
  // The password was right and the account has a second factor: send the login again with `otp`.
  'totpRequired',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** What is wrong with a request or a record: a field path and a message key, never a value. */
export type Issue = FieldIssue;

/** The body of every refusal. `message` never contains personal data. */
export interface ApiError { error: ReasonCode; message: string; issues?: Issue[] }

export const ProtocolHeader = 'x-obecni-protocol';

/** A field name in a mutation (a key of its patch, or a create-only field). */
const FieldNameSchema = v.pipe(v.string(), v.maxLength(64));
/** At most this many create-only fields in one mutation (no entity has that many fields). */
export const MAX_IF_ABSENT_FIELDS = 100;

/** One change made on a device: a set of fields of one record, stamped with the device's HLC. */
export const MutationSchema = v.object({
  mutationId: IdSchema,
  entity: v.picklist(ENTITY_NAMES as [EntityName, ...EntityName[]]),
  recordId: IdSchema,
  hlc: HlcSchema,
  /** Changed fields and their new values (the whole record on create). */
  patch: v.record(FieldNameSchema, v.unknown()),
  deleted: v.boolean(),
  /**
   * Create-only fields: those of `patch` that are only defaults for creating the record (a studio
   * log made on a device that has no session record yet says `status: 'planned'`, not "undo the
   * cancellation"). The server applies them only where the field has never been set, whatever the
   * stamps. Optional and additive: old clients omit it, and a field it names outside `patch` is ignored.
   */
  ifAbsent: v.optional(v.pipe(v.array(FieldNameSchema), v.maxLength(MAX_IF_ABSENT_FIELDS, 'tooManyFields'))),
  /**
   * On a delete: delete only a record that holds nothing but create-only defaults (every field's
   * stamp is a default stamp), such as the undo of "mark the rest present"; a record with any real
   * value (another device's mark) is left as it is. The deletion is stamped like a default, so any
   * real write arriving later brings the record back. Optional and additive, like `ifAbsent`.
   */
  onlyDefaults: v.optional(v.boolean()),
});
export type Mutation = v.InferOutput<typeof MutationSchema>;

export const MAX_PUSH_MUTATIONS = 500;
export const MAX_PULL_LIMIT = 2000;
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/**
 * The largest single mutation (its JSON, in UTF-8 bytes). No valid record comes near it (text
 * fields are a few thousand characters at most); it leaves room for a full batch of ordinary
 * mutations under MAX_BODY_BYTES. A larger one is refused alone (`payloadTooLarge` in the push
 * response), and the app sets it aside before sending it at all.
 */
export const MAX_MUTATION_BYTES = 512 * 1024;

/** The size of `value` as JSON, in UTF-8 bytes (what the body limits count). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is one 4-byte character; a lone surrogate is written as 3 bytes (U+FFFD).
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export const PushRequestSchema = v.object({
  protocolVersion: v.pipe(v.number(), v.integer()),
  deviceId: IdSchema,
  mutations: v.pipe(v.array(MutationSchema), v.maxLength(MAX_PUSH_MUTATIONS, 'tooManyMutations')),
});
export type PushRequest = v.InferOutput<typeof PushRequestSchema>;

/**
 * The envelope of a push, checked strictly before any mutation. The mutations are then checked one
 * by one against MutationSchema, so one broken mutation is rejected alone (`invalidRecord`) and
 * does not take the valid ones of its batch down with it.
 */
export const PushEnvelopeSchema = v.object({
  protocolVersion: v.pipe(v.number(), v.integer()),
  deviceId: IdSchema,
  mutations: v.pipe(v.array(v.unknown()), v.maxLength(MAX_PUSH_MUTATIONS, 'tooManyMutations')),
});

/**
 * The id of a mutation that may break its schema, when the id itself is usable (a valid id), so
 * the mutation can be answered on its own; null when it is not (the whole push is then refused).
 */
export function usableMutationId(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const id = (input as { mutationId?: unknown }).mutationId;
  return v.is(IdSchema, id) ? id : null;
}

/** A record as one caller may see it: cut down to the fields of the caller's role, as pull sends it. */
export interface RecordVersion {
  data: Record<string, unknown>;
  deleted: boolean;
  /** True when the caller's role receives only some fields of this record (drivers, kitchen). */
  partial?: boolean;
}

/** A mutation the server refused for good, with the reason and the field paths (never values). */
export interface RejectedMutation {
  mutationId: string;
  reason: ReasonCode;
  issues: Issue[];
  /**
   * The server's current version of the record (after the whole batch), as the caller may see it;
   * null when the server has no such record or the caller may not see it. The device puts its
   * copy back to it (with its own other unsent changes on top), so a refused change does not
   * linger on the device. Absent when the mutation did not name a valid entity and record.
   */
  current?: RecordVersion | null;
}

export interface PushResponse {
  /** Mutation ids the server has stored (now or in an earlier, retried push). */
  accepted: string[];
  rejected: RejectedMutation[];
  /**
   * The server's clock when it answered (epoch ms): the device keeps its offset to it (issue 13).
   * Optional and additive: an older server omits it, and the device then keeps its last offset.
   */
  serverTimeMs?: number;
}

/** One stored change as the server hands it out: the merged record after that change. */
export interface PulledChange {
  seq: number;
  entity: EntityName;
  recordId: string;
  data: Record<string, unknown>;
  deleted: boolean;
  /** True when the caller's role receives only some fields of this record (drivers, kitchen). */
  partial?: boolean;
  /**
   * True when the record has left the caller's scope (moved to a unit the caller does not work
   * in): `deleted` is true and `data` holds only `{ id }`. The device drops its copy; the record
   * still exists on the server.
   */
  revoked?: boolean;
}

export interface PullResponse {
  changes: PulledChange[];
  /** The sequence to pass as `since` next time. */
  cursor: number;
  hasMore: boolean;
  /** The server's clock when it answered (epoch ms), as in PushResponse. */
  serverTimeMs?: number;
}

/** The shortest password accepted when one is set (setup, a new account, a change or reset); signing in checks none of this. */
export const PASSWORD_MIN_LENGTH = 12;
const PasswordSchema = v.pipe(v.string(), v.minLength(PASSWORD_MIN_LENGTH, 'passwordTooShort'), v.maxLength(200, 'tooLong'));

/**
 * The part of the password rule that client and server share (issue 14 item 9): the length, and
 * not the login or the person's name (with or without digits and signs around it). The server adds
 * the dictionary check (common passwords, Polish words and names: zxcvbn) and answers
 * `passwordTooCommon`; the forms show that reason next to the field.
 */
export function passwordIssue(password: string, person: { login?: string; displayName?: string }): 'passwordTooShort' | 'passwordIsLogin' | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
  const letters = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}]/gu, '');
  const names = [person.login ?? '', person.displayName ?? '', ...(person.displayName ?? '').split(/\s+/)].map(letters).filter((n) => n.length >= 3);
  return names.includes(letters(password)) ? 'passwordIsLogin' : null;
}

export const SetupRequestSchema = v.object({
  organizationName: NameSchema,
  city: v.pipe(v.string(), v.trim(), v.maxLength(100)),
  unitName: NameSchema,
  unitKind: v.picklist(UNIT_KINDS),
  adminName: NameSchema,
  login: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9._-]{3,40}$/, 'invalidLogin')),
  password: PasswordSchema,
});
export type SetupRequest = v.InferOutput<typeof SetupRequestSchema>;

export const LoginRequestSchema = v.object({
  login: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1, 'required'), v.maxLength(40)),
  password: v.pipe(v.string(), v.minLength(1, 'required'), v.maxLength(200)),
  deviceName: v.pipe(v.string(), v.trim(), v.maxLength(100)),
  /** The 6-digit code of an authenticator app, or a recovery code, when the account has a second factor. */
  otp: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(32))),
});
export type LoginRequest = v.InferOutput<typeof LoginRequestSchema>;

/** What a device learns when it signs in (login, setup or demo load). */
export interface SessionInfo {
  deviceId: string;
  deviceToken: string;
  user: { id: string; displayName: string; login: string; roles: string[]; unitIds: string[]; organizationId: string };
  /** The server's clock (epoch ms), so a device knows its clock's offset before its first change (issue 13). */
  serverTimeMs?: number;
}

/**
 * A short-lived access token (POST /api/v1/auth/token with the device token): what sync, history
 * and admin calls carry. `expiresInSeconds` is relative, so a device clock that is off does not
 * matter; an expired token is answered 401 `tokenExpired` and the device asks for a new one.
 */
export interface AccessTokenResponse { accessToken: string; expiresInSeconds: number }

export interface SetupStatus { initialized: boolean; demoAvailable: boolean }

export interface HealthResponse {
  status: 'ok';
  version: string;
  protocolVersion: number;
  database: 'pglite' | 'postgres';
  migrations: string[];
}

/** One accepted change of a record, as the history screen shows it: who, when, from which device, what. */
export interface HistoryEntry {
  atMs: number;
  user: string;
  device: string;
  /**
   * The fields this change set, with their values before and after (only fields that applied).
   * `isDefault` is true for a create-only default (`ifAbsent`: the field had never been set), not
   * a value the user chose; absent otherwise (and for changes stored before the server knew it).
   */
  changes: { field: string; before: unknown; after: unknown; isDefault?: true }[];
  /** True when the change lost on every field to a later one (kept for the record, not applied). */
  superseded: boolean;
}

export interface HistoryResponse { entries: HistoryEntry[] }

/** A record in an access export: as the server holds it, whole. */
export interface AccessRecord { entity: EntityName; id: string; deleted: boolean; data: Record<string, unknown> }

/**
 * GET /api/v1/admin/participants/:id/access?format=json|print (GDPR art. 15, administrators only):
 * everything the server holds about one person: the record, the records about them (marks,
 * notices, stops, the driver's marks), the history of each with its values, and the audit
 * entries naming them. The server records the export in the audit log (report
 * `participantAccess`, format json or print).
 */
export interface AccessExport {
  format: 'obecni-access';
  generatedAtMs: number;
  person: AccessRecord;
  /** Records about the person, by entity then id. */
  records: AccessRecord[];
  /** The history of the person's record and of the records about them, oldest first. */
  history: (HistoryEntry & { entity: EntityName; recordId: string })[];
  /** Audit entries naming the person's record or a record about them, oldest first. */
  audit: { atMs: number; action: string; user: string; entity: string | null; recordId: string | null }[];
}

export const ACCESS_FORMATS = ['json', 'print'] as const;
export type AccessFormat = (typeof ACCESS_FORMATS)[number];

/** Accounts and devices, for administrators. */
export interface AccountInfo { id: string; login: string; displayName: string; roles: string[]; unitIds: string[]; disabled: boolean }
export interface DeviceInfo { id: string; userId: string; userName: string; name: string; createdAtMs: number; lastSeenAtMs: number | null; revokedAtMs: number | null }
export interface AccountsResponse { accounts: AccountInfo[]; devices: DeviceInfo[] }

const LoginSchema = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9._-]{3,40}$/, 'invalidLogin'));
const RolesSchema = v.pipe(v.array(v.picklist(ROLES)), v.minLength(1, 'required'));

export const NewAccountSchema = v.object({
  login: LoginSchema,
  displayName: NameSchema,
  password: PasswordSchema,
  roles: RolesSchema,
  unitIds: v.array(IdSchema),
});
export type NewAccount = v.InferOutput<typeof NewAccountSchema>;

export const AccountPatchSchema = v.object({
  displayName: v.optional(NameSchema),
  roles: v.optional(RolesSchema),
  unitIds: v.optional(v.array(IdSchema)),
  disabled: v.optional(v.boolean()),
  password: v.optional(PasswordSchema),
});
export type AccountPatch = v.InferOutput<typeof AccountPatchSchema>;

/** POST /api/v1/account/password: the signed-in user changes their own password (the other devices are signed out). */
export const PasswordChangeSchema = v.object({
  currentPassword: v.pipe(v.string(), v.minLength(1, 'required'), v.maxLength(200)),
  newPassword: PasswordSchema,
});
export type PasswordChange = v.InferOutput<typeof PasswordChangeSchema>;

/** The second factor (administrators): start with the password, confirm with a first code, or turn off with the password and a code. */
export const TotpStartSchema = v.object({ currentPassword: v.pipe(v.string(), v.minLength(1, 'required'), v.maxLength(200)) });
export const TotpConfirmSchema = v.object({ code: v.pipe(v.string(), v.trim(), v.regex(/^\d{6}$/, 'invalidCode')) });
export const TotpDisableSchema = v.object({ currentPassword: v.pipe(v.string(), v.minLength(1, 'required'), v.maxLength(200)), code: v.pipe(v.string(), v.trim(), v.maxLength(32)) });
/** Enrolment started: the secret to type in, or the URI to scan, into an authenticator app. */
export interface TotpStartResponse { secret: string; uri: string }
/** Enrolment done: the one-time recovery codes, shown once. */
export interface TotpEnabledResponse { recoveryCodes: string[] }

/**
 * What was exported (issue 7): the report, the file format (or paper), the unit and the period.
 * The participant register (a dated list, so its period is the day it was made) and the month's
 * meals are exports of personal data too.
 */
export const EXPORT_REPORTS = ['monthlySheet', 'periodReport', 'participantSummary', 'participantRegister', 'mealMonth', 'participantAccess', 'sdsRegister', 'wtzAnnualReport'] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'print', 'json'] as const;

/**
 * POST /api/v1/exports: the device records an export in the server's audit log. `exportId` is made
 * on the device (UUIDv7), so a record sent again after a lost answer is stored once; `atMs` is the
 * device's clock when the file was made (the server also keeps its own receipt time).
 */
export const ExportRecordSchema = v.object({
  exportId: IdSchema,
  unitId: IdSchema,
  report: v.picklist(EXPORT_REPORTS),
  format: v.picklist(EXPORT_FORMATS),
  from: DaySchema,
  to: DaySchema,
  /** How many people the file lists (a count, never names). */
  rows: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
  atMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type ExportRecord = v.InferOutput<typeof ExportRecordSchema>;

/** GET /api/v1/admin/exports: the newest exports first, for administrators. */
export interface ExportLogEntry extends Omit<ExportRecord, 'atMs'> { receivedAtMs: number; deviceAtMs: number; user: string; device: string }
export interface ExportLogResponse { exports: ExportLogEntry[] }
