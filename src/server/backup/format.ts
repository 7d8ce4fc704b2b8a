/**
 * The backup file format "obecni-backup", version 2 (documented in docs/backup-format.md). One
 * JSON object whose members come in a fixed order, header first, so a reader learns the format
 * and version before the megabytes of records, and can stream the big arrays element by element.
 * Every element is checked with the valibot schemas below; errors name the JSON path and a code,
 * never a value (a backup is full of personal data).
 */
import * as v from 'valibot';
import { ERASABLE_ENTITIES, HlcSchema, IdSchema, ROLES } from '../../domain';

export const BACKUP_FORMAT = 'obecni-backup';
/** Version 2 (issue 13): records of erased people are tombstones, and the erasure ledger follows the audit log. */
export const BACKUP_FORMAT_VERSION = 2;
/** The versions a reader restores: 1 has no erasure ledger. */
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2];

/** The largest text of one array element (a record, a history row...): a guard against a hostile file. */
export const MAX_ELEMENT_CHARS = 1024 * 1024;
/** The largest text of a header member. */
export const MAX_HEADER_CHARS = 64 * 1024;

/** The top-level members, in the order a file must have them. */
export const MEMBER_ORDER = [
  'format', 'formatVersion', 'createdAt', 'server', 'organization', 'sequence', 'counts', 'users', 'devices', 'records', 'history', 'audit', 'erasures',
] as const;
export type MemberName = (typeof MEMBER_ORDER)[number];

/** The members a file of `version` has, in order (version 1 ends with the audit log). */
export function membersOf(version: number): readonly MemberName[] {
  return version === 1 ? MEMBER_ORDER.slice(0, -1) : MEMBER_ORDER;
}

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max, 'tooLong'));
const NonEmptyText = (max: number) => v.pipe(v.string(), v.minLength(1, 'required'), v.maxLength(max, 'tooLong'));
/** An instant as written by Date.toISOString (UTC, milliseconds). */
const Instant = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'invalidInstant'), v.check((s) => !Number.isNaN(Date.parse(s)), 'invalidInstant'));
const Seq = v.pipe(v.number(), v.safeInteger('invalidInteger'), v.minValue(0, 'tooSmall'));
const Count = v.pipe(v.number(), v.safeInteger('invalidInteger'), v.minValue(0, 'tooSmall'));
const JsonObject = v.record(v.string(), v.unknown());
/** Entity names as stored (checked against the registry separately). */
const EntityName = v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, 'invalidEntity'));

export const FormatSchema = v.literal(BACKUP_FORMAT, 'notObecniBackup');
export const FormatVersionSchema = v.pipe(v.number(), v.integer('invalidFormatVersion'));
export const CreatedAtSchema = Instant;

export const ServerSchema = v.strictObject({
  version: NonEmptyText(40),
  protocolVersion: v.pipe(v.number(), v.safeInteger('invalidInteger'), v.minValue(1, 'tooSmall')),
  database: v.picklist(['pglite', 'postgres'], 'invalidOption'),
  migrations: v.pipe(v.array(v.pipe(v.string(), v.regex(/^\d{3}_[a-z0-9_]{1,80}$/, 'invalidMigration'))), v.maxLength(1000, 'tooLong')),
});

export const OrganizationSchema = v.strictObject({
  id: IdSchema,
  name: NonEmptyText(500),
  createdAt: Instant,
});

export const SequenceSchema = v.strictObject({
  /** The value of the change sequence when the backup was taken: every record's seq is at most this. */
  changeSeq: Seq,
});

export const CountsSchema = v.strictObject({
  users: Count,
  devices: Count,
  records: v.record(EntityName, Count),
  history: Count,
  audit: Count,
  /** Entries of the erasure ledger (version 2). */
  erasures: v.optional(Count),
});

export const UserSchema = v.strictObject({
  id: IdSchema,
  login: NonEmptyText(200),
  displayName: NonEmptyText(500),
  passwordHash: v.pipe(v.string(), v.regex(/^scrypt\$\d{1,7}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9_-]{1,200}\$[A-Za-z0-9_-]{16,200}$/, 'invalidPasswordHash')),
  roles: v.pipe(v.array(v.picklist(ROLES, 'invalidRole')), v.maxLength(ROLES.length, 'tooLong')),
  unitIds: v.pipe(v.array(IdSchema), v.maxLength(10_000, 'tooLong')),
  failedLogins: Count,
  lockedUntil: v.nullable(Instant),
  disabled: v.boolean(),
  createdAt: Instant,
});

/** A device without its token: restored devices are revoked and sign in again. */
export const DeviceSchema = v.strictObject({
  id: IdSchema,
  userId: IdSchema,
  name: Text(500),
  createdAt: Instant,
  lastSeenAt: v.nullable(Instant),
  revokedAt: v.nullable(Instant),
});

/** A stored record: the merged data (checked against its entity's schema too), per-field stamps, sequence. */
export const RecordRowSchema = v.strictObject({
  id: IdSchema,
  seq: v.pipe(Seq, v.minValue(1, 'tooSmall')),
  hlc: HlcSchema,
  deleted: v.boolean(),
  fieldHlc: v.record(v.pipe(v.string(), v.maxLength(200, 'tooLong')), HlcSchema),
  data: JsonObject,
});

export const HistoryRowSchema = v.strictObject({
  mutationId: IdSchema,
  seq: v.nullable(Seq),
  entity: EntityName,
  recordId: IdSchema,
  userId: IdSchema,
  deviceId: IdSchema,
  hlc: HlcSchema,
  patch: JsonObject,
  oldValues: JsonObject,
  appliedFields: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200, 'tooLong'))), v.maxLength(1000, 'tooLong')),
  /** The applied fields that were create-only defaults; absent in backups made before the server kept them. */
  defaultFields: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200, 'tooLong'))), v.maxLength(1000, 'tooLong'))),
  receivedAt: Instant,
});

export const AuditRowSchema = v.strictObject({
  id: v.pipe(Seq, v.minValue(1, 'tooSmall')),
  at: Instant,
  userId: v.nullable(IdSchema),
  deviceId: v.nullable(IdSchema),
  action: NonEmptyText(80),
  entity: v.nullable(Text(80)),
  recordId: v.nullable(Text(200)),
  details: JsonObject,
});

/** An entry of the erasure ledger: ids and dates only (also the element of a ledger file, erasure-ledger.ts). */
export const ErasureRowSchema = v.strictObject({
  entity: v.picklist(ERASABLE_ENTITIES, 'invalidEntity'),
  recordId: IdSchema,
  no: v.pipe(v.number(), v.safeInteger('invalidInteger'), v.minValue(1, 'tooSmall')),
  erasedAt: Instant,
});

export type BackupServer = v.InferOutput<typeof ServerSchema>;
export type BackupOrganization = v.InferOutput<typeof OrganizationSchema>;
export type BackupCounts = v.InferOutput<typeof CountsSchema>;
export type BackupUser = v.InferOutput<typeof UserSchema>;
export type BackupDevice = v.InferOutput<typeof DeviceSchema>;
export type BackupRecord = v.InferOutput<typeof RecordRowSchema>;
export type BackupHistoryRow = v.InferOutput<typeof HistoryRowSchema>;
export type BackupAuditRow = v.InferOutput<typeof AuditRowSchema>;
export type BackupErasureRow = v.InferOutput<typeof ErasureRowSchema>;

/** The header of a backup: everything before the users. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  server: BackupServer;
  organization: BackupOrganization;
  sequence: { changeSeq: number };
  counts: BackupCounts;
}

/** One problem of a backup file: a JSON path (`records.dayMarks[12].data.day`) and a code. */
export interface BackupIssue { path: string; code: string }

/** Thrown when a file cannot be read further (not JSON, truncated, members out of order). */
export class BackupFormatError extends Error {
  constructor(readonly issue: BackupIssue) {
    super(`${issue.path || '(file)'}: ${issue.code}`);
    this.name = 'BackupFormatError';
  }
}

const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*$/;

/** Path and code of each valibot issue under `prefix`; valibot's default messages quote values, so those become the issue type. */
export function backupIssues(prefix: string, issues: readonly v.BaseIssue<unknown>[]): BackupIssue[] {
  return issues.map((issue) => {
    let path = prefix;
    for (const item of issue.path ?? []) path += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
    let code: string;
    if (MESSAGE_KEY.test(issue.message)) code = issue.message;
    else if (issue.kind === 'schema') code = issue.input === undefined ? 'required' : issue.type === 'strict_object' ? 'unknownMember' : 'invalidType';
    else code = issue.type.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
    return { path, code };
  });
}
