/**
 * Backup and restore contract (issue 7), run against every Store: the demo centre with a signed-in
 * device, a tombstone and a failed login goes through `backupToFile` and `restoreFromFile` into an
 * empty server; every table must come back equal (records renumbered above the cursor floor, in
 * the same order; devices revoked, without tokens), a device must sign in again and pull the same
 * records, and a cursor of the old server must be answered cursorExpired. Bad files must be
 * refused with a path and a code, leaving the target empty.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dayMarkId } from '../../../src/domain';
import { PROTOCOL_VERSION, type PullResponse, type SessionInfo } from '../../../src/protocol';
import { hashToken } from '../../../src/server/auth';
import { ledgerOf, parseLedger, type ErasureLedger } from '../../../src/server/backup/erasure-ledger';
import { backupToFile, restoreFromFile } from '../../../src/server/backup/files';
import { loadDemo } from '../../../src/server/setup/demo';
import type { Store } from '../../../src/server/store/store';
import { rawSql } from '../store/raw-sql';
import { call, fakeClock, hlc, mutation, pullAll, push, roomPatch, testApp } from '../helpers';

type Rows = Record<string, unknown>[];

/** Every row of `table` (all organizations), ordered. */
async function rows(store: Store, sql: string): Promise<Rows> {
  return rawSql(store, sql);
}

/** Row counts of every table (the target of a refused restore must stay at zero). */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['organizations', 'users', 'devices', 'records', 'mutations', 'audit_log', 'erasures']) {
    const r = await rows(store, `SELECT count(*) AS n FROM ${table}`);
    out[table] = Number(r[0]?.n);
  }
  return out;
}

export const EMPTY_COUNTS = { organizations: 0, users: 0, devices: 0, records: 0, mutations: 0, audit_log: 0, erasures: 0 };

/** Timestamps as epoch ms and jsonb as parsed JSON, so PGlite and node-postgres rows compare alike. */
function normal(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.getTime() : typeof v === 'bigint' ? Number(v) : v]));
}

const withoutSeq = (changes: PullResponse['changes']) => changes.map(({ seq: _seq, ...rest }) => rest);

export function backupContractSuite(open: () => Promise<Store>): void {
  const clock = fakeClock(Date.UTC(2026, 10, 23, 8, 0, 0));
  const dir = mkdtempSync(join(tmpdir(), 'obecni-backup-'));
  const file = join(dir, 'backup.json');
  let source: Store;
  let target: Store;
  let admin: SessionInfo;
  let sourceCursor = 0;
  let sourceChanges: PullResponse['changes'] = [];
  let text = '';

  beforeAll(async () => {
    source = await open();
    const demo = await loadDemo(source, { nowMs: clock.now(), signIn: { login: 'admin', deviceName: 'Tablet biuro' } });
    if (!demo?.session) throw new Error('demo did not load');
    admin = demo.session;
    const { app } = testApp(source, { clock: clock.now });
    const unit = (await pullAll(app, admin)).find((c) => c.entity === 'units');
    if (!unit) throw new Error('demo has no unit');
    const roomId = '01900000-0000-7000-8000-00000000beef';
    clock.advance(60_000);
    expect((await push(app, admin, [mutation('rooms', roomId, roomPatch(unit.recordId, 'Sala do usunięcia'), hlc(clock.now()))])).body.accepted).toHaveLength(1);
    clock.advance(60_000);
    expect((await push(app, admin, [mutation('rooms', roomId, {}, hlc(clock.now()), true)])).body.accepted).toHaveLength(1);
    // A create-only default in the history (default_fields), so the round trip carries one.
    clock.advance(60_000);
    const withDefault = { ...mutation('rooms', '01900000-0000-7000-8000-00000000cafe', roomPatch(unit.recordId, 'Sala z domyślną pojemnością'), hlc(clock.now())), ifAbsent: ['capacity'] };
    expect((await push(app, admin, [withDefault])).body.accepted).toHaveLength(1);
    expect((await call(app, 'POST', '/api/v1/auth/login', { body: { login: 'kuchnia', password: 'not-the-password', deviceName: 'x' } })).status).toBe(401);
    const driver = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: 'kierowca', password: DEMO_PASSWORD, deviceName: 'Telefon w busie' } });
    expect(driver.status).toBe(200);
    sourceChanges = await pullAll(app, admin);
    sourceCursor = Math.max(...sourceChanges.map((c) => c.seq));
    clock.advance(60_000);
    await backupToFile(source, file, { nowMs: clock.now(), encryption: { kind: 'plain' } });
    text = readFileSync(file, 'utf8');
    expect(text).toContain('"defaultFields":["capacity"]');
    target = await open();
  }, 120_000);

  afterAll(async () => {
    await source.close();
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('BACKUP-FILE: a self-describing JSON readable only by its owner, without device tokens, and the backup is audited', async () => {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'formatVersion', 'createdAt', 'server', 'organization', 'sequence', 'counts', 'users', 'devices', 'records', 'history', 'audit', 'erasures']);
    expect(parsed.format).toBe('obecni-backup');
    expect(parsed.formatVersion).toBe(2);
    expect((parsed.server as { protocolVersion: number }).protocolVersion).toBe(PROTOCOL_VERSION);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(text).not.toContain(admin.deviceToken);
    expect(text).not.toContain(hashToken(admin.deviceToken));
    expect(text).not.toContain('token');
    const audit = await source.audit.list(demoOrg(), 5);
    expect(audit[0]?.action).toBe('backup');
  });

  function demoOrg(): string {
    return admin.user.organizationId;
  }

  it('RESTORE-ROUNDTRIP: every table comes back equal; records keep their order above the cursor floor', async () => {
    const result = await restoreFromFile(target, file, { nowMs: clock.now() + 1000 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.organizationId).toBe(demoOrg());

    const [orgA, orgB] = [await rows(source, 'SELECT id, name, created_at FROM organizations'), await rows(target, 'SELECT id, name, created_at, cursor_floor FROM organizations')];
    expect(orgB.map(({ cursor_floor: _f, ...r }) => normal(r))).toEqual(orgA.map(normal));
    const floor = Number(orgB[0]?.cursor_floor);
    expect(floor).toBe(result.cursorFloor);
    expect(floor).toBeGreaterThan(sourceCursor);

    expect((await rows(target, 'SELECT * FROM users ORDER BY id')).map(normal)).toEqual((await rows(source, 'SELECT * FROM users ORDER BY id')).map(normal));

    const devicesA = await rows(source, 'SELECT id, user_id, name, created_at, last_seen_at, token_hash FROM devices ORDER BY id');
    const devicesB = await rows(target, 'SELECT id, user_id, name, created_at, last_seen_at, token_hash, revoked_at FROM devices ORDER BY id');
    expect(devicesA.length).toBe(2);
    expect(devicesB.map(({ token_hash: _t, revoked_at: _r, ...r }) => normal(r))).toEqual(devicesA.map(({ token_hash: _t, ...r }) => normal(r)));
    for (const d of devicesB) {
      expect(d.revoked_at).not.toBeNull();
      expect(devicesA.map((a) => a.token_hash)).not.toContain(d.token_hash);
    }

    const recordCols = 'entity, id, data, field_hlc, hlc, deleted';
    const recordsA = await rows(source, `SELECT ${recordCols} FROM records ORDER BY seq`);
    const recordsB = await rows(target, `SELECT ${recordCols}, seq FROM records ORDER BY seq`);
    expect(recordsB.map(({ seq: _s, ...r }) => r)).toEqual(recordsA);
    expect(recordsA.some((r) => r.deleted === true)).toBe(true);
    expect(recordsB.every((r) => Number(r.seq) >= floor)).toBe(true);

    expect((await rows(target, 'SELECT * FROM mutations ORDER BY mutation_id')).map(normal)).toEqual((await rows(source, 'SELECT * FROM mutations ORDER BY mutation_id')).map(normal));

    const auditA = (await rows(source, "SELECT * FROM audit_log WHERE action <> 'backup' ORDER BY id")).map(normal);
    const auditB = (await rows(target, 'SELECT * FROM audit_log ORDER BY id')).map(normal);
    expect(auditB.slice(0, -1)).toEqual(auditA);
    expect(auditB.at(-1)?.action).toBe('restore');
  });

  it('RESTORE-DEVICES: old tokens are refused, a device signs in again, pulls every record, and an old cursor means a full resync', async () => {
    const { app } = testApp(target, { clock: clock.now });
    const old = await call(app, 'GET', `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`, { token: admin.deviceToken });
    expect(old.status).toBe(401);

    const login = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: 'admin', password: DEMO_PASSWORD, deviceName: 'Tablet biuro' } });
    expect(login.status).toBe(200);
    const session = login.body;
    for (const since of [sourceCursor, 1, Math.floor(sourceCursor / 2)]) {
      const res = await call<{ error: string }>(app, 'GET', `/api/v1/sync/pull?since=${since}&protocolVersion=${PROTOCOL_VERSION}`, { token: session.deviceToken });
      expect(res.status).toBe(410);
      expect(res.body.error).toBe('cursorExpired');
    }
    const all = await pullAll(app, session);
    expect(withoutSeq(all)).toEqual(withoutSeq(sourceChanges));

    // The new incarnation goes on: a change after the restore reaches a device pulling from its new cursor.
    const cursor = Math.max(...all.map((c) => c.seq));
    const unit = all.find((c) => c.entity === 'units');
    clock.advance(60_000);
    const roomId = '01900000-0000-7000-8000-00000000cafe';
    expect((await push(app, session, [mutation('rooms', roomId, roomPatch(String(unit?.recordId)), hlc(clock.now()))])).body.accepted).toHaveLength(1);
    const next = await pullAll(app, session, cursor);
    expect(next.map((c) => c.recordId)).toEqual([roomId]);
  });

  it('RESTORE-NOT-EMPTY: a restore into a server holding an organization is refused and changes nothing', async () => {
    const before = await tableCounts(target);
    const result = await restoreFromFile(target, file, { nowMs: clock.now() });
    expect(result).toEqual({ ok: false, reason: 'notEmpty' });
    expect(await tableCounts(target)).toEqual(before);
  });

  describe('refused files leave the target empty', () => {
    let empty: Store;
    beforeAll(async () => {
      empty = await open();
    });
    afterAll(async () => {
      await empty.close();
    });

    async function refused(content: string): Promise<{ path: string; code: string }[]> {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, content);
      const result = await restoreFromFile(empty, bad, { nowMs: clock.now() });
      expect(result.ok).toBe(false);
      expect(await tableCounts(empty)).toEqual(EMPTY_COUNTS);
      if (result.ok || result.reason !== 'invalidBackup') throw new Error('expected invalidBackup');
      return result.issues;
    }

    it('RESTORE-TRUNCATED: a file cut anywhere is refused', async () => {
      const end = text.lastIndexOf('}');
      for (const at of [0, 10, Math.floor(end / 3), Math.floor(end / 2), end - 200, end - 1, end]) {
        const issues = await refused(text.slice(0, at));
        expect(issues.length).toBeGreaterThan(0);
      }
      expect(await refused(text.slice(0, Math.floor(end / 2)))).toContainEqual(expect.objectContaining({ code: 'truncated' }));
    });

    it('RESTORE-VERSION: another format version, another format or a newer server is refused by name', async () => {
      expect(await refused(text.replace('"formatVersion":2', '"formatVersion":3'))).toEqual([{ path: 'formatVersion', code: 'unsupportedFormatVersion' }]);
      expect(await refused(text.replace('"format":"obecni-backup"', '"format":"other"'))).toEqual([{ path: 'format', code: 'notObecniBackup' }]);
      expect(await refused(text.replace('"migrations":["001_init"', '"migrations":["001_init","999_from_the_future"'))).toEqual([{ path: 'server.migrations[1]', code: 'unknownMigration' }]);
    });

    it('RESTORE-CORRUPT: a bad field names its path; a removed row breaks the counts', async () => {
      const lines = text.split('\n');
      const firstMark = lines.findIndex((l) => l.startsWith('"dayMarks":['));
      const line = lines[firstMark + 13] as string;
      const mark = JSON.parse(line.replace(/,$/, '')) as { data: { day: string } };
      const day = mark.data.day;
      lines[firstMark + 13] = line.replace(`"day":"${day}"`, '"day":"2026-13-45"');
      expect(await refused(lines.join('\n'))).toEqual([{ path: 'records.dayMarks[12].data.day', code: expect.any(String) }]);

      const without = text.split('\n');
      without.splice(firstMark + 5, 1);
      expect(await refused(without.join('\n'))).toContainEqual({ path: 'counts.records.dayMarks', code: 'countMismatch' });
    });

    it('RESTORE-MESSAGES: refusals carry paths and codes, never the values of the file', async () => {
      const corrupted = text.replace(/"displayName":"([^"]*)"/, (_m, name: string) => `"displayName":${JSON.stringify(name.repeat(200))}`);
      const issues = await refused(corrupted);
      expect(issues).toEqual([{ path: expect.stringMatching(/^users\[\d+\]\.displayName$/), code: 'tooLong' }]);
      const names = [...text.matchAll(/"(?:firstName|lastName|displayName)":"([^"]+)"/g)].map((m) => m[1] as string);
      for (const issue of issues) for (const name of names) expect(`${issue.path} ${issue.code}`).not.toContain(name);
    });
  });

  describe('erasures and older backups (issue 13, GDPR art. 17)', () => {
    const NOTE = 'Pobyt w szpitalu psychiatrycznym';
    let person: PullResponse['changes'][number];
    let ledger: ErasureLedger;
    const opened: Store[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    /** Values of the person no one else shares (names and certificates may be shared). */
    const secretsOf = () => [String(person.data.pesel), NOTE];

    beforeAll(async () => {
      // `file` is now an older backup: after it, a note about a person and the person's erasure.
      const { app } = testApp(source, { clock: clock.now });
      person = sourceChanges.find((c) => c.entity === 'participants' && !c.deleted && c.data.pesel !== null && c.data.disabilityCertificate !== null)!;
      const markId = dayMarkId(person.recordId, '2026-11-24');
      const mark = { participantId: person.recordId, unitId: person.data.unitId, day: '2026-11-24', status: 'absent', absenceReason: 'hospital', arrivalTime: null, leaveTime: null, note: NOTE };
      clock.advance(60_000);
      expect((await push(app, admin, [mutation('dayMarks', markId, mark, hlc(clock.now()))])).body.accepted).toHaveLength(1);
      clock.advance(60_000);
      expect((await push(app, admin, [mutation('participants', person.recordId, {}, hlc(clock.now()), true)])).body.accepted).toHaveLength(1);
      const parsed = parseLedger(JSON.stringify(await ledgerOf(source, clock.now(), demoOrg())));
      if (!parsed.ok) throw new Error('ledger refused');
      ledger = parsed.ledger;
      expect(ledger.erasures).toEqual([{ entity: 'participants', recordId: person.recordId, no: 1, erasedAt: new Date(clock.now()).toISOString() }]);
    });
    afterAll(async () => {
      for (const store of opened) await store.close();
    });

    it('BACKUP-ERASED: a backup made after an erasure holds the tombstone and the ledger, not the person', async () => {
      const after = join(dir, 'after.json');
      await backupToFile(source, after, { nowMs: clock.now(), encryption: { kind: 'plain' } });
      const content = readFileSync(after, 'utf8');
      for (const secret of secretsOf()) expect(content).not.toContain(secret);
      const parsed = JSON.parse(content) as { erasures: unknown[]; counts: { erasures: number } };
      expect(parsed.erasures).toEqual(ledger.erasures);
      expect(parsed.counts.erasures).toBe(1);
      const restored = await fresh();
      const result = await restoreFromFile(restored, after, { nowMs: clock.now() });
      expect(result).toMatchObject({ ok: true, erased: 0 });
      expect(await restored.sync.erasures(demoOrg())).toEqual(ledger.erasures);
    }, 180_000);

    it('RESTORE-LEDGER: an older backup restored with the newer ledger erases the person again (records, history, notes); without it the person would come back', async () => {
      const withoutLedger = await fresh();
      expect((await restoreFromFile(withoutLedger, file, { nowMs: clock.now() })).ok).toBe(true);
      expect((await withoutLedger.sync.getRecord(demoOrg(), 'participants', person.recordId))?.data.pesel).toBe(person.data.pesel);

      const restored = await fresh();
      const result = await restoreFromFile(restored, file, { nowMs: clock.now(), ledger });
      expect(result).toMatchObject({ ok: true, erased: 1 });
      const stored = await restored.sync.getRecord(demoOrg(), 'participants', person.recordId);
      expect(stored).toEqual({ deleted: true, data: expect.objectContaining({ erasure: 1, unitId: person.data.unitId }) });
      expect(Object.keys(stored!.data).sort()).toEqual(['changedBy', 'deleted', 'erasure', 'hlc', 'id', 'organizationId', 'unitId']);
      for (const row of await restored.sync.history(demoOrg(), 'participants', person.recordId)) expect([row.patch, row.oldValues]).toEqual([{}, {}]);
      expect(await restored.sync.erasures(demoOrg())).toEqual(ledger.erasures);
      // A backup of the restored server no longer holds the person.
      const again = join(dir, 'again.json');
      await backupToFile(restored, again, { nowMs: clock.now(), encryption: { kind: 'plain' } });
      const content = readFileSync(again, 'utf8');
      for (const secret of secretsOf()) expect(content).not.toContain(secret);
      // Its devices pull the tombstone.
      const { app } = testApp(restored, { clock: clock.now });
      const session = (await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: 'admin', password: DEMO_PASSWORD, deviceName: 'x' } })).body;
      const pulled = (await pullAll(app, session)).filter((c) => c.recordId === person.recordId);
      expect(pulled.map((c) => c.data.erasure)).toEqual([1]);
    }, 180_000);

    it('RESTORE-LEDGER-OTHER: a ledger of another organization is refused and nothing is written', async () => {
      const empty = await fresh();
      expect(await restoreFromFile(empty, file, { nowMs: clock.now(), ledger: { ...ledger, organizationId: 'another-org' } })).toEqual({ ok: false, reason: 'otherOrganization' });
      expect(await tableCounts(empty)).toEqual(EMPTY_COUNTS);
    });

    it('RESTORE-V1: a backup of format version 1 (no ledger) is restored, and a participant it holds deleted is erased', async () => {
      const withDeleted = await fresh();
      const { ok } = await restoreFromFile(withDeleted, file, { nowMs: clock.now() });
      expect(ok).toBe(true);
      // Version 1 as an older server wrote it: a deleted participant kept its fields.
      const v1 = join(dir, 'v1.json');
      const current = JSON.parse(text) as Record<string, unknown> & { records: { participants: { id: string; deleted: boolean; data: Record<string, unknown> }[] } };
      const row = current.records.participants.find((p) => p.id === person.recordId)!;
      row.deleted = true;
      row.data.deleted = true;
      const { erasures: _e, ...rest } = current;
      writeFileSync(v1, JSON.stringify({ ...rest, formatVersion: 1, counts: { ...(rest.counts as object), erasures: undefined } }));
      const restored = await fresh();
      const result = await restoreFromFile(restored, v1, { nowMs: clock.now() });
      expect(result).toMatchObject({ ok: true, erased: 1 });
      expect((await restored.sync.getRecord(demoOrg(), 'participants', person.recordId))?.data).not.toHaveProperty('pesel');
      expect((await restored.sync.erasures(demoOrg())).map((e) => [e.recordId, e.no])).toEqual([[person.recordId, 1]]);
    }, 180_000);
  });
}
