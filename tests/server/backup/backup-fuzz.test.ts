/**
 * RESTORE-FUZZ: a valid backup broken at random (truncated, a field of the wrong type, a row
 * duplicated, a string over its limit, a member replaced by random JSON, random text) is always
 * refused with a path and a code, and the target server stays empty. One target serves every run:
 * that it is still empty after each refusal is the property.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../src/server/backup/restore';
import { writeBackup } from '../../../src/server/backup/write-backup';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { EMPTY_COUNTS, tableCounts } from './backup-contract';
import { SETUP, call, hlc, mutation, push, roomPatch, setUp, testApp } from '../helpers';

type Json = Record<string, unknown>;

let valid: Json;
let target: Store;

beforeAll(async () => {
  const source = await openMemoryStore();
  await source.migrate();
  const { app } = testApp(source);
  const admin = await setUp(app);
  await call(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password: SETUP.password, deviceName: 'Tablet' } });
  const unitId = admin.user.unitIds[0] as string;
  await push(app, admin, [1, 2, 3].map((n) => mutation('rooms', `01900000-0000-7000-8000-00000000000${n}`, roomPatch(unitId, `Sala ${n}`), hlc(Date.UTC(2026, 2, 2, 10, n)))));
  const parts: string[] = [];
  await writeBackup(source, async (t) => { parts.push(t); }, { nowMs: Date.UTC(2026, 2, 3) });
  valid = JSON.parse(parts.join('')) as Json;
  await source.close();
  target = await openMemoryStore();
  await target.migrate();
}, 60_000);

afterAll(async () => {
  await target.close();
});

/** Sections whose elements are objects with non-nullable string fields, and those fields. */
const STRING_FIELDS: [section: string, fields: string[]][] = [
  ['users', ['id', 'login', 'displayName', 'passwordHash', 'createdAt']],
  ['devices', ['id', 'userId', 'createdAt']],
  ['records.rooms', ['id', 'hlc']],
  ['records.units', ['id', 'hlc']],
  ['history', ['mutationId', 'entity', 'recordId', 'hlc', 'receivedAt']],
  ['audit', ['at', 'action']],
];
/** Fields with a length limit, and the limit. */
const LIMITED: [section: string, field: string, max: number][] = [
  ['users', 'displayName', 500], ['users', 'login', 200], ['records.rooms', 'id', 120], ['history', 'mutationId', 120], ['audit', 'action', 80],
];

function section(doc: Json, name: string): Json[] {
  const [head, tail] = name.split('.') as [string, string | undefined];
  const value = tail ? (doc[head] as Json)[tail] : doc[head];
  return value as Json[];
}

const MEMBERS = ['format', 'formatVersion', 'createdAt', 'server', 'organization', 'sequence', 'counts', 'users', 'devices', 'records', 'history', 'audit', 'erasures'];
const clone = (): Json => structuredClone(valid);
const nonString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));

/** A broken backup text (built lazily: the valid backup exists only after beforeAll). */
const broken = (): fc.Arbitrary<string> => fc.oneof(
  // Truncated: at least one character of the structure is missing.
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => {
    const text = JSON.stringify(valid);
    return text.slice(0, Math.floor(f * (text.length - 1)));
  }),
  // A non-string where a string is required.
  fc.tuple(fc.constantFrom(...STRING_FIELDS), fc.nat(), fc.nat(), nonString).map(([[name, fields], i, f, value]) => {
    const doc = clone();
    const rows = section(doc, name);
    const row = rows[i % rows.length] as Json;
    row[fields[f % fields.length] as string] = value;
    return JSON.stringify(doc);
  }),
  // A row duplicated (same id twice, and one more row than counted).
  fc.tuple(fc.constantFrom('users', 'devices', 'records.rooms', 'records.staff', 'history', 'audit'), fc.nat()).map(([name, i]) => {
    const doc = clone();
    const rows = section(doc, name);
    rows.push(structuredClone(rows[i % rows.length] as Json));
    return JSON.stringify(doc);
  }),
  // A string over its limit.
  fc.tuple(fc.constantFrom(...LIMITED), fc.integer({ min: 1, max: 5000 }), fc.nat()).map(([[name, field, max], extra, i]) => {
    const doc = clone();
    const rows = section(doc, name);
    (rows[i % rows.length] as Json)[field] = 'x'.repeat(max + extra);
    return JSON.stringify(doc);
  }),
  fc.integer({ min: 1, max: 5000 }).map((extra) => {
    const doc = clone();
    (doc.organization as Json).name = 'ą'.repeat(500 + extra);
    return JSON.stringify(doc);
  }),
  // A member replaced by some other JSON value.
  fc.tuple(fc.constantFrom(...MEMBERS), fc.jsonValue()).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(valid[key])).map(([key, value]) => {
    const doc = clone();
    doc[key] = value;
    return JSON.stringify(doc);
  }),
  // Any text at all.
  fc.string({ maxLength: 300 }),
  fc.jsonValue().map((value) => JSON.stringify(value)),
);

describe('restore of broken files', () => {
  it('RESTORE-FUZZ: every broken backup is refused with a path and a code, and nothing is written', async () => {
    // The unbroken file is accepted by the same reader (so the refusals below are about the damage).
    const { readBackup } = await import('../../../src/server/backup/read-backup');
    expect((await readBackup([JSON.stringify(valid)], null, {})).issues).toEqual([]);

    await fc.assert(fc.asyncProperty(broken(), fc.integer({ min: 1, max: 4096 }), async (text, chunk) => {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += chunk) chunks.push(text.slice(i, i + chunk));
      const result = await restoreBackup(target, () => chunks, { nowMs: Date.UTC(2026, 2, 4) });
      expect(result.ok).toBe(false);
      if (result.ok || result.reason !== 'invalidBackup') throw new Error('expected invalidBackup');
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) {
        expect(issue.code).toMatch(/^[a-z][A-Za-z]{1,40}$/);
        expect(issue.path.length).toBeLessThan(300);
      }
      expect(await tableCounts(target)).toEqual(EMPTY_COUNTS);
    }), { numRuns: 150 });
  }, 300_000);
});

describe('restore in one transaction', () => {
  it('RESTORE-ATOMIC: a file that breaks during the writing pass (changed after the check) leaves nothing behind', async () => {
    const text = JSON.stringify(valid);
    let reads = 0;
    // First read: the whole valid file (the check passes). Second read: rows are inserted, then the text ends.
    const source = () => {
      reads += 1;
      return reads === 1 ? [text] : [text.slice(0, text.indexOf('"history"') + 40)];
    };
    await expect(restoreBackup(target, source, { nowMs: Date.UTC(2026, 2, 4) })).rejects.toThrow();
    expect(reads).toBe(2);
    expect(await tableCounts(target)).toEqual(EMPTY_COUNTS);
  });

  it('RESTORE-BYTES: a file read in byte chunks that split Polish letters is read intact', async () => {
    const doc = structuredClone(valid);
    (doc.organization as Json).name = 'Ośrodek Pomocy Społecznej w Żółkiewce – ąęśćźńół';
    const bytes = Buffer.from(JSON.stringify(doc), 'utf8');
    const { readBackup } = await import('../../../src/server/backup/read-backup');
    for (const size of [1, 2, 3, 7]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const result = await readBackup(chunks, null, {});
      expect(result.issues).toEqual([]);
      expect(result.header?.organization.name).toBe((doc.organization as Json).name);
    }
  });
});
