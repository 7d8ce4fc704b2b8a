/**
 * HOSTILE-PUSH: sync payloads made hostile by fast-check: broken envelopes, too many mutations,
 * oversized bodies, wrongly typed and hostile field values, duplicated mutation ids, records of
 * another organization or outside the caller's units, roles that may not write. A broken envelope
 * is a 4xx with a reason code; a well-formed batch of bad mutations is answered with each one
 * rejected by a reason code (never `internal`); either way the digest of every table is unchanged.
 * Mixed with valid mutations, the valid ones land whole and the bad ones leave no trace.
 */
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_MUTATION_BYTES, MAX_PUSH_MUTATIONS, PROTOCOL_VERSION, jsonBytes, type Mutation, type PushResponse, type SessionInfo } from '../../../src/protocol';
import type { Store } from '../../../src/server/store/store';
import { person } from '../../domain/rules/fixtures';
import { hlc, mutation, push, roomPatch, setUp, testApp, type TestApp } from '../helpers';
import { HOSTILE_RUNS, accountWithDevice, storeKinds, brokenBody, corrupted, digest, expectRefusal, nastyJson, nastyString, notAString, openInspectableStore, send } from './hostile-helpers';

const T0 = Date.UTC(2026, 10, 23, 8);

/** Values no room field accepts, per field. */
const BAD_ROOM: Record<string, fc.Arbitrary<unknown>> = {
  name: fc.oneof(notAString, fc.constantFrom('', '   ', 'a'.repeat(101), 'Sala\u0000', 'Sala\ud800', '\udfff')),
  isStudio: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant([])),
  capacity: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 1001 }), fc.double({ min: 1.1, max: 999.9, noInteger: true }), fc.string(), fc.constant([])),
  unitId: fc.oneof(notAString, fc.constantFrom('', 'jednostka z spacją', 'u'.repeat(121), 'u\u0000')),
};

for (const kind of storeKinds()) describe(`HOSTILE-PUSH (${kind}): hostile sync payloads are refused whole or mutation by mutation, and nothing half-lands`, () => {
  let store: Store;
  let sql: <T>(text: string) => Promise<T[]>;
  let app: TestApp;
  let admin: SessionInfo;
  let unitId: string;
  const roomId = uuidv7();
  const participantId = uuidv7();
  const sessions: Record<string, SessionInfo> = {};
  let clock = T0 + 60_000;
  const stamp = () => hlc((clock += 1000), 'fuzz');

  beforeAll(async () => {
    ({ store, sql } = await openInspectableStore(kind));
    app = testApp(store).app;
    admin = await setUp(app);
    unitId = admin.user.unitIds[0]!;
    sessions.admin = admin;
    for (const [role, units] of [['therapist', [unitId]], ['driver', [unitId]], ['kitchen', [unitId]], ['coordinator', ['jednostka-obca']]] as const) {
      sessions[role] = await accountWithDevice(store, admin, role, units);
    }
    const { id: _id, organizationId: _o, hlc: _h, changedBy: _c, deleted: _d, ...participant } = person(participantId, { unitId });
    const seeded = await push(app, admin, [mutation('rooms', roomId, roomPatch(unitId), hlc(T0)), mutation('participants', participantId, participant, hlc(T0))]);
    expect(seeded.body.accepted).toHaveLength(2);
  });
  afterAll(async () => { await store.close(); });

  const body = (session: SessionInfo, mutations: unknown[]) => JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: session.deviceId, mutations });

  /** A room mutation that can never be accepted, as `who` sends it. */
  const badMutation = (who: string): fc.Arbitrary<Mutation> => {
    const fresh = fc.constant(null).map(() => uuidv7());
    const kinds: fc.Arbitrary<Mutation>[] = [
      // A new room with at least one broken field.
      fc.tuple(fresh, corrupted(roomPatch(unitId), BAD_ROOM)).map(([id, patch]) => mutation('rooms', id, patch, stamp())),
      // A newer value for the stored room that breaks its schema.
      fc.record({ name: BAD_ROOM.name!, capacity: BAD_ROOM.capacity! }).chain((bad) => fc.constantFrom({ name: bad.name }, { capacity: bad.capacity }, bad)).map((patch) => mutation('rooms', roomId, patch, stamp())),
      // Another organization, or an id in the patch that is not the record's.
      fc.tuple(fresh, fc.oneof(fc.constant({ organizationId: 'inny-osrodek' }), fc.constant({ id: 'inne-id' }))).map(([id, extra]) => mutation('rooms', id, { ...roomPatch(unitId), ...extra }, stamp())),
      // An entity's record under another entity's schema: a participant's fields as a room.
      fc.constant(null).map(() => mutation('rooms', participantId, { firstName: 'Jan' }, stamp())),
    ];
    if (who !== 'admin') {
      // Outside the caller's units (or not a writer of rooms at all): a room elsewhere, a room moved away, the stored room changed.
      kinds.push(fc.constant(null).map(() => mutation('rooms', uuidv7(), roomPatch('jednostka-trzecia'), stamp())));
      kinds.push(fc.constant(null).map(() => mutation('rooms', roomId, { unitId: 'jednostka-trzecia' }, stamp())));
      kinds.push(fc.constant(null).map(() => mutation('participants', participantId, {}, stamp(), true)));
    }
    // Rooms are not the driver's or the therapist's to write (the role × entity policy), nor another unit's coordinator's.
    if (who !== 'admin') kinds.push(fc.constant(null).map(() => mutation('rooms', roomId, { name: 'Nowa nazwa' }, stamp())));
    // Patch keys over 64 characters break the mutation's schema: that is HOSTILE-PUSH-SHAPE's part.
    return fc.oneof(...kinds).map((m) => ({ ...m, patch: Object.fromEntries(Object.entries(m.patch).filter(([k]) => k.length <= 64)) }));
  };

  const ID = /^[A-Za-z0-9:_-]{1,120}$/;
  /** A mutation that breaks the mutation schema (its shape, not its record), with a usable mutation id or without one. */
  const brokenShape = (usableId: boolean): fc.Arbitrary<Record<string, unknown>> => {
    const shape = corrupted({ entity: 'rooms', recordId: uuidv7(), hlc: hlc(T0 + 5), patch: roomPatch(unitId), deleted: false }, {
      entity: fc.oneof(notAString, nastyString, fc.constantFrom('users', 'mutations', 'audit_log')),
      recordId: fc.oneof(notAString, nastyString.filter((s) => !ID.test(s))), hlc: fc.oneof(notAString, nastyString, fc.constantFrom('1-0000-x', '99999999999999-0000-dev', '1795420800000-00000-dev')),
      patch: fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.dictionary(fc.string({ minLength: 65, maxLength: 80 }), fc.jsonValue(), { minKeys: 1, maxKeys: 2 })),
      deleted: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    });
    if (usableId) return shape.map((m) => ({ mutationId: uuidv7(), ...m }));
    const unusable = fc.option(fc.oneof(notAString, nastyString.filter((s) => !ID.test(s))), { nil: undefined });
    // Without a usable id the mutation cannot be answered on its own, even when the rest of it is fine.
    return fc.tuple(fc.oneof(shape, fc.constant({ entity: 'rooms', recordId: uuidv7(), hlc: hlc(T0 + 5), patch: roomPatch(unitId), deleted: false })), unusable)
      .map(([m, id]) => (id === undefined ? m : { ...m, mutationId: id }));
  };

  it('HOSTILE-PUSH-ENVELOPE: a broken request body or envelope, or a mutation without a usable id, is a 4xx with a reason code', async () => {
    const valid = { protocolVersion: PROTOCOL_VERSION, deviceId: admin.deviceId, mutations: [] };
    const envelope = fc.oneof(
      brokenBody,
      nastyJson.map((v) => JSON.stringify(v)),
      corrupted(valid, { protocolVersion: fc.oneof(fc.string(), fc.double({ noInteger: true }), fc.constant(null), fc.integer({ max: 0 })), deviceId: fc.oneof(notAString, nastyString.filter((s) => !/^[A-Za-z0-9:_-]{1,120}$/.test(s))), mutations: fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.object({ maxDepth: 1 })) }).map((v) => JSON.stringify(v)),
      fc.tuple(fc.array(badMutation('admin'), { maxLength: 3 }), brokenShape(false), fc.array(brokenShape(true), { maxLength: 2 })).map(([bad, unanswerable, shapes]) => body(admin, [...bad, ...shapes, unanswerable])),
    );
    const before = await digest(sql);
    await fc.assert(fc.asyncProperty(envelope, fc.constantFrom('admin', 'therapist', 'driver'), async (b, who) => {
      expectRefusal(await send(app, 'POST', '/api/v1/sync/push', { token: sessions[who]!.deviceToken, body: b }), `push ${b.slice(0, 120)}`, ['invalidRequest', 'clientTooOld', 'payloadTooLarge']);
      expect(await digest(sql)).toBe(before);
    }), { numRuns: HOSTILE_RUNS });
  });

  it('HOSTILE-PUSH-SIZE: more than MAX_PUSH_MUTATIONS mutations, or a body over MAX_BODY_BYTES, is 413 payloadTooLarge', async () => {
    const before = await digest(sql);
    const many = Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, (_, i) => mutation('rooms', uuidv7(), roomPatch(unitId, `Sala ${i}`), hlc(T0 + i)));
    expectRefusal(await send(app, 'POST', '/api/v1/sync/push', { token: admin.deviceToken, body: body(admin, many) }), 'too many', ['payloadTooLarge']);
    const huge = [mutation('rooms', uuidv7(), { ...roomPatch(unitId), note: 'x'.repeat(MAX_BODY_BYTES) }, hlc(T0))];
    expectRefusal(await send(app, 'POST', '/api/v1/sync/push', { token: admin.deviceToken, body: body(admin, huge) }), 'huge', ['payloadTooLarge']);
    expect(await digest(sql)).toBe(before);
  });

  it('HOSTILE-PUSH-DEPTH: a push nested 10,000 levels deep (in a patch, a mutation or the envelope) is 400 invalidRequest tooDeep, never a 500', async () => {
    const before = await digest(sql);
    /** `json` with its "@deep" placeholder replaced by an object or array nested `levels` deep (built as text: JSON.stringify would overflow). */
    const nest = (json: string, levels: number, kind: 'object' | 'array') => json.replace('"@deep"', kind === 'object' ? `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}` : `${'['.repeat(levels)}1${']'.repeat(levels)}`);
    const room = { ...mutation('rooms', uuidv7(), roomPatch(unitId), stamp()) };
    const bodies = [
      body(admin, [{ ...room, patch: { ...room.patch, note: '@deep' } }]),
      body(admin, [{ ...room, patch: '@deep' }]),
      body(admin, [{ ...room, extra: '@deep' }]),
      body(admin, ['@deep']),
      JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: admin.deviceId, mutations: [], extra: '@deep' }),
    ];
    for (const b of bodies) {
      for (const kind of ['object', 'array'] as const) {
        const answer = await send(app, 'POST', '/api/v1/sync/push', { token: admin.deviceToken, body: nest(b, 10_000, kind) });
        expectRefusal(answer, `${kind} ${b.slice(0, 100)}`, ['invalidRequest']);
        expect((answer.json as { issues: { code: string }[] }).issues).toEqual([expect.objectContaining({ code: 'tooDeep' })]);
      }
    }
    expect(await digest(sql)).toBe(before);
  });

  it('HOSTILE-PUSH-KITCHEN: the kitchen may push nothing at all (403), whatever it sends', async () => {
    const before = await digest(sql);
    await fc.assert(fc.asyncProperty(fc.array(badMutation('kitchen'), { maxLength: 4 }), async (ms) => {
      expectRefusal(await send(app, 'POST', '/api/v1/sync/push', { token: sessions.kitchen!.deviceToken, body: body(sessions.kitchen!, ms) }), 'kitchen', ['forbidden']);
    }), { numRuns: Math.min(HOSTILE_RUNS, 15) });
    // Refused pushes are audited (without values), and that is all they leave.
    expect(await digest(sql)).toBe(before);
  });

  it('HOSTILE-PUSH-RECORDS: every bad mutation of a well-formed batch is rejected with its reason, and nothing is written', async () => {
    const who = fc.constantFrom('admin', 'therapist', 'driver', 'coordinator');
    const batch = who.chain((w) => fc.tuple(fc.constant(w), fc.array(badMutation(w), { minLength: 1, maxLength: 6 }), fc.boolean()));
    await fc.assert(fc.asyncProperty(batch, async ([w, ms, duplicate]) => {
      const sent = duplicate ? [...ms, ms[0]!] : ms;
      const before = await digest(sql);
      const res = await send(app, 'POST', '/api/v1/sync/push', { token: sessions[w]!.deviceToken, body: body(sessions[w]!, sent) });
      expect(res.status, `${w}: ${res.text.slice(0, 300)}`).toBe(200);
      const answer = res.json as PushResponse;
      expect(answer.accepted, `${w}: ${res.text.slice(0, 500)}`).toEqual([]);
      expect(answer.rejected.map((r) => r.mutationId)).toEqual(sent.map((m) => m.mutationId));
      for (const r of answer.rejected) expect(['forbidden', 'invalidRecord'], `${w}: ${JSON.stringify(r)}`).toContain(r.reason);
      expect(await digest(sql), `${w} changed the database`).toBe(before);
    }), { numRuns: HOSTILE_RUNS });
  });

  it('HOSTILE-PUSH-MIXED: in a batch of good and bad mutations the good ones land whole, the bad ones leave no record and no history', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(fc.constant('good' as const), badMutation('therapist')), { minLength: 2, maxLength: 8 }), async (plan) => {
      const therapist = sessions.therapist!;
      // A therapist's good write: a day mark of their unit (rooms are not theirs to write).
      const tick = () => {
        const person = uuidv7();
        return mutation('dayMarks', `dm:${person}:2026-11-23`, { participantId: person, unitId, day: '2026-11-23', status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' }, stamp());
      };
      const ms = plan.map((p) => (p === 'good' ? tick() : p));
      const good = new Set(plan.flatMap((p, i) => (p === 'good' ? [ms[i]!.mutationId] : [])));
      const roomsBefore = await sql<{ id: string; data: unknown; seq: number }>(`SELECT id, data, seq FROM records WHERE id IN ('${roomId}', '${participantId}') ORDER BY id`);
      const res = await push(app, therapist, ms);
      expect(res.status).toBe(200);
      expect(new Set(res.body.accepted)).toEqual(good);
      expect(res.body.rejected.map((r) => r.mutationId).sort()).toEqual(ms.filter((m) => !good.has(m.mutationId)).map((m) => m.mutationId).sort());
      const history = new Set((await sql<{ mutation_id: string }>('SELECT mutation_id FROM mutations')).map((r) => r.mutation_id));
      for (const m of ms) expect(history.has(m.mutationId), m.mutationId).toBe(good.has(m.mutationId));
      for (const m of ms.filter((x) => good.has(x.mutationId))) {
        const [row] = await sql<{ data: Record<string, unknown> }>(`SELECT data FROM records WHERE id = '${m.recordId}'`);
        expect(row?.data).toMatchObject(m.patch);
      }
      expect(await sql(`SELECT id, data, seq FROM records WHERE id IN ('${roomId}', '${participantId}') ORDER BY id`)).toEqual(roomsBefore);
    }), { numRuns: HOSTILE_RUNS });
  });

  it('HOSTILE-PUSH-SHAPE: a mutation that breaks the mutation schema but has a usable id is rejected alone (invalidRecord, or payloadTooLarge when it is over the size of one mutation), and the valid ones of its batch land', async () => {
    const therapist = sessions.therapist!;
    const tick = () => {
      const person = uuidv7();
      return mutation('dayMarks', `dm:${person}:2026-11-24`, { participantId: person, unitId, day: '2026-11-24', status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' }, stamp());
    };
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(fc.constant('good' as const), brokenShape(true)), { minLength: 1, maxLength: 6 }), async (plan) => {
      const ms = plan.map((p) => (p === 'good' ? tick() : p));
      const good = new Set(plan.flatMap((p, i) => (p === 'good' ? [String(ms[i]!.mutationId)] : [])));
      const res = await send(app, 'POST', '/api/v1/sync/push', { token: therapist.deviceToken, body: body(therapist, ms) });
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      const answer = res.json as PushResponse;
      expect(new Set(answer.accepted)).toEqual(good);
      expect(answer.rejected.map((r) => r.mutationId)).toEqual(ms.filter((m) => !good.has(String(m.mutationId))).map((m) => m.mutationId));
      for (const r of answer.rejected) {
        const sent = ms.find((m) => m.mutationId === r.mutationId)!;
        // Size is checked before shape (as the client does before sending).
        expect(r.reason).toBe(jsonBytes(sent) > MAX_MUTATION_BYTES ? 'payloadTooLarge' : 'invalidRecord');
        expect(r.issues.length).toBeGreaterThan(0);
        // Paths are relative to the mutation (its fields), never to the batch.
        for (const issue of r.issues) expect(issue.path).not.toMatch(/^mutations\./);
      }
      const history = new Set((await sql<{ mutation_id: string }>('SELECT mutation_id FROM mutations')).map((r) => r.mutation_id));
      for (const m of ms) expect(history.has(String(m.mutationId))).toBe(good.has(String(m.mutationId)));
    }), { numRuns: HOSTILE_RUNS });
  });

  it('HOSTILE-PUSH-SHAPE-THREE: of three mutations with the middle one malformed, two land and one is rejected; nothing of it is stored', async () => {
    const therapist = sessions.therapist!;
    const person = uuidv7();
    const first = mutation('dayMarks', `dm:${person}:2026-11-25`, { participantId: person, unitId, day: '2026-11-25', status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' }, stamp());
    const middleRecord = `dm:${person}:2026-11-26`;
    const middle = { ...mutation('dayMarks', middleRecord, { participantId: person, unitId, day: '2026-11-26', status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' }, stamp()), hlc: 'wczoraj' };
    const last = mutation('absenceNotices', uuidv7(), { participantId: person, unitId, fromDay: '2026-11-27', toDay: '2026-11-27', reason: 'illness', note: '', reportedBy: '', reportedOn: '2026-11-24' }, stamp());
    const res = await push(app, therapist, [first, middle, last]);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toEqual([first.mutationId, last.mutationId]);
    expect(res.body.rejected).toEqual([{ mutationId: middle.mutationId, reason: 'invalidRecord', issues: [expect.objectContaining({ path: 'hlc' })], current: null }]);
    expect(await sql(`SELECT id FROM records WHERE id = '${middleRecord}'`)).toEqual([]);
    expect(await sql(`SELECT mutation_id FROM mutations WHERE mutation_id = '${middle.mutationId}'`)).toEqual([]);
    expect(await sql(`SELECT id FROM records WHERE id IN ('${first.recordId}', '${last.recordId}')`)).toHaveLength(2);
  });
});
