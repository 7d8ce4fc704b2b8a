/**
 * Reads and checks a backup file as a stream: the header members in their fixed order, then every
 * user, device, record, history row, audit row and erasure (version 2), each against its valibot schema (records also
 * against their entity's schema), plus what no single element shows: duplicated ids, devices of
 * unknown users, sequences beyond the recorded sequence, counts that do not match. The restore
 * runs it twice: once to check the whole file before touching the database, and once more to
 * feed the rows into the transaction (a file changed in between is caught the second time).
 */
import * as v from 'valibot';
import { isEntityName, storedRecordSchema, type EntityName } from '../../domain';
import {
  AuditRowSchema, BackupFormatError, CountsSchema, CreatedAtSchema, DeviceSchema, ErasureRowSchema, FormatSchema, FormatVersionSchema,
  HistoryRowSchema, MAX_ELEMENT_CHARS, MAX_HEADER_CHARS, MEMBER_ORDER, OrganizationSchema, READABLE_FORMAT_VERSIONS, RecordRowSchema, SequenceSchema,
  ServerSchema, UserSchema, backupIssues, membersOf, type BackupAuditRow, type BackupDevice, type BackupErasureRow, type BackupHeader,
  type BackupHistoryRow, type BackupIssue, type BackupRecord, type BackupUser,
} from './format';
import { JsonStreamReader } from './json-stream';

/** Receives the checked rows in file order (the restore's second pass). */
export interface BackupSink {
  header(header: BackupHeader): Promise<void>;
  user(user: BackupUser): Promise<void>;
  device(device: BackupDevice): Promise<void>;
  record(entity: EntityName, record: BackupRecord): Promise<void>;
  history(row: BackupHistoryRow): Promise<void>;
  audit(row: BackupAuditRow): Promise<void>;
  /** An entry of the erasure ledger (version 2). */
  erasure(row: BackupErasureRow): Promise<void>;
  /** Called once after the last element. */
  finish(): Promise<void>;
}

export interface ReadOptions {
  /** Migrations the target knows: a backup naming another one comes from a newer server. */
  knownMigrations?: readonly string[];
  /** Issues kept in the report (the rest are only counted). */
  maxIssues?: number;
}

export interface ReadResult {
  header: BackupHeader | null;
  /** Empty when the file is a valid backup. */
  issues: BackupIssue[];
  /** Issues found beyond `maxIssues`. */
  moreIssues: number;
  counts: { users: number; devices: number; records: number; history: number; audit: number; erasures: number };
}

class Issues {
  readonly list: BackupIssue[] = [];
  more = 0;
  constructor(private readonly max: number) {}
  add(issue: BackupIssue): void {
    if (this.list.length < this.max) this.list.push(issue);
    else this.more += 1;
  }
  addAll(issues: BackupIssue[]): void {
    for (const issue of issues) this.add(issue);
  }
  get any(): boolean {
    return this.list.length > 0;
  }
}

function check<S extends v.GenericSchema>(schema: S, value: unknown, path: string, issues: Issues): v.InferOutput<S> | null {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  issues.addAll(backupIssues(path, result.issues));
  return null;
}

/** Reads the backup from `source`; with a sink, hands it every row once the header is valid. */
export async function readBackup(source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>, sink: BackupSink | null, opts: ReadOptions = {}): Promise<ReadResult> {
  const issues = new Issues(opts.maxIssues ?? 50);
  const counts = { users: 0, devices: 0, records: 0, history: 0, audit: 0, erasures: 0 };
  const recordCounts = new Map<string, number>();
  const reader = new JsonStreamReader(source);
  const head: Partial<Record<string, unknown>> = {};
  let header: BackupHeader | null = null;
  const result = (): ReadResult => ({ header, issues: issues.list, moreIssues: issues.more, counts });
  const feeding = () => sink !== null && !issues.any;

  const userIds = new Set<string>();
  const logins = new Set<string>();
  const deviceIds = new Set<string>();
  const seqs = new Set<number>();
  const mutationIds = new Set<string>();
  const auditIds = new Set<number>();
  const erasedIds = new Set<string>();
  /** The members of the file's version, known once formatVersion is read. */
  let members: readonly string[] = MEMBER_ORDER;
  let formatVersion = 0;

  try {
    let member = 0;
    await reader.object('', async (key) => {
      const expected = members[member];
      if (key !== expected) throw new BackupFormatError({ path: expected ?? key, code: expected === undefined || MEMBER_ORDER.includes(key as never) ? 'unexpectedMember' : 'unknownMember' });
      member += 1;
      switch (key) {
        case 'format': {
          if (!v.is(FormatSchema, await reader.value('format', 200))) throw new BackupFormatError({ path: 'format', code: 'notObecniBackup' });
          return;
        }
        case 'formatVersion': {
          const version = await reader.value('formatVersion', 50);
          if (!v.is(FormatVersionSchema, version) || !READABLE_FORMAT_VERSIONS.includes(version)) throw new BackupFormatError({ path: 'formatVersion', code: 'unsupportedFormatVersion' });
          formatVersion = version;
          members = membersOf(version);
          return;
        }
        case 'createdAt': case 'server': case 'organization': case 'sequence': {
          const schema = { createdAt: CreatedAtSchema, server: ServerSchema, organization: OrganizationSchema, sequence: SequenceSchema }[key];
          head[key] = check(schema, await reader.value(key, MAX_HEADER_CHARS), key, issues);
          return;
        }
        case 'counts': {
          const parsed = check(CountsSchema, await reader.value(key, MAX_HEADER_CHARS), key, issues);
          for (const entity of Object.keys(parsed?.records ?? {})) if (!isEntityName(entity)) issues.add({ path: `counts.records.${entity}`, code: 'unknownEntity' });
          const server = head.server as BackupHeader['server'] | null;
          if (server && opts.knownMigrations) {
            server.migrations.forEach((name, i) => {
              if (!opts.knownMigrations?.includes(name)) issues.add({ path: `server.migrations[${i}]`, code: 'unknownMigration' });
            });
          }
          if (issues.any || !parsed) throw new StopReading();
          header = {
            format: 'obecni-backup', formatVersion, createdAt: head.createdAt as string, server: head.server as BackupHeader['server'],
            organization: head.organization as BackupHeader['organization'], sequence: head.sequence as BackupHeader['sequence'], counts: parsed,
          };
          if (sink) await sink.header(header);
          return;
        }
        case 'users':
          await reader.array('users', MAX_ELEMENT_CHARS, async (element, i) => {
            counts.users += 1;
            const user = check(UserSchema, element, `users[${i}]`, issues);
            if (!user) return;
            if (userIds.has(user.id)) issues.add({ path: `users[${i}].id`, code: 'duplicateId' });
            if (logins.has(user.login)) issues.add({ path: `users[${i}].login`, code: 'duplicateLogin' });
            userIds.add(user.id);
            logins.add(user.login);
            if (feeding()) await sink?.user(user);
          });
          return;
        case 'devices':
          await reader.array('devices', MAX_ELEMENT_CHARS, async (element, i) => {
            counts.devices += 1;
            const device = check(DeviceSchema, element, `devices[${i}]`, issues);
            if (!device) return;
            if (deviceIds.has(device.id)) issues.add({ path: `devices[${i}].id`, code: 'duplicateId' });
            if (!userIds.has(device.userId)) issues.add({ path: `devices[${i}].userId`, code: 'unknownUser' });
            deviceIds.add(device.id);
            if (feeding()) await sink?.device(device);
          });
          return;
        case 'records':
          await reader.object('records', async (entity) => {
            const path = `records.${entity}`;
            if (recordCounts.has(entity)) throw new BackupFormatError({ path, code: 'duplicateMember' });
            recordCounts.set(entity, 0);
            const known = isEntityName(entity);
            if (!known) issues.add({ path, code: 'unknownEntity' });
            const ids = new Set<string>();
            await reader.array(path, MAX_ELEMENT_CHARS, async (element, i) => {
              counts.records += 1;
              recordCounts.set(entity, (recordCounts.get(entity) ?? 0) + 1);
              if (!known) return;
              const row = check(RecordRowSchema, element, `${path}[${i}]`, issues);
              if (!row || !header) return;
              const at = `${path}[${i}]`;
              const data = check(storedRecordSchema(entity, row.data), row.data, `${at}.data`, issues) as Record<string, unknown> | null;
              if (ids.has(row.id)) issues.add({ path: `${at}.id`, code: 'duplicateId' });
              ids.add(row.id);
              if (seqs.has(row.seq)) issues.add({ path: `${at}.seq`, code: 'duplicateSeq' });
              seqs.add(row.seq);
              if (row.seq > header.sequence.changeSeq) issues.add({ path: `${at}.seq`, code: 'beyondSequence' });
              if (data) {
                if (data.id !== row.id) issues.add({ path: `${at}.data.id`, code: 'idMismatch' });
                if (data.organizationId !== header.organization.id) issues.add({ path: `${at}.data.organizationId`, code: 'otherOrganization' });
                if (data.deleted !== row.deleted) issues.add({ path: `${at}.data.deleted`, code: 'deletedMismatch' });
              }
              if (feeding()) await sink?.record(entity, row);
            });
          });
          return;
        case 'history':
          await reader.array('history', MAX_ELEMENT_CHARS, async (element, i) => {
            counts.history += 1;
            const row = check(HistoryRowSchema, element, `history[${i}]`, issues);
            if (!row) return;
            if (!isEntityName(row.entity)) issues.add({ path: `history[${i}].entity`, code: 'unknownEntity' });
            if (mutationIds.has(row.mutationId)) issues.add({ path: `history[${i}].mutationId`, code: 'duplicateId' });
            mutationIds.add(row.mutationId);
            if (feeding()) await sink?.history(row);
          });
          return;
        case 'audit':
          await reader.array('audit', MAX_ELEMENT_CHARS, async (element, i) => {
            counts.audit += 1;
            const row = check(AuditRowSchema, element, `audit[${i}]`, issues);
            if (!row) return;
            if (auditIds.has(row.id)) issues.add({ path: `audit[${i}].id`, code: 'duplicateId' });
            auditIds.add(row.id);
            if (feeding()) await sink?.audit(row);
          });
          return;
        case 'erasures':
          await reader.array('erasures', MAX_ELEMENT_CHARS, async (element, i) => {
            counts.erasures += 1;
            const row = check(ErasureRowSchema, element, `erasures[${i}]`, issues);
            if (!row) return;
            if (erasedIds.has(row.recordId)) issues.add({ path: `erasures[${i}].recordId`, code: 'duplicateId' });
            erasedIds.add(row.recordId);
            if (feeding()) await sink?.erasure(row);
          });
          return;
        default:
          throw new BackupFormatError({ path: key, code: 'unknownMember' });
      }
    });
    if (member < members.length) throw new BackupFormatError({ path: members[member] ?? '', code: 'required' });
    await reader.end();
  } catch (error) {
    if (error instanceof StopReading) return result();
    if (error instanceof BackupFormatError) {
      issues.add(error.issue);
      return result();
    }
    throw error;
  }

  const expected = (header as BackupHeader | null)?.counts;
  if (expected) {
    for (const section of ['users', 'devices', 'history', 'audit', 'erasures'] as const) {
      if ((expected[section] ?? 0) !== counts[section]) issues.add({ path: `counts.${section}`, code: 'countMismatch' });
    }
    for (const entity of new Set([...Object.keys(expected.records), ...recordCounts.keys()])) {
      if ((expected.records[entity] ?? 0) !== (recordCounts.get(entity) ?? 0)) issues.add({ path: `counts.records.${entity}`, code: 'countMismatch' });
    }
  }
  if (sink && !issues.any) await sink.finish();
  return result();
}

/** Ends the reading early once the header is known to be bad (nothing after it can be trusted). */
class StopReading extends Error {}
