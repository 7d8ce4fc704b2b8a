/**
 * ERASE on the device (issue 13 point 2): when the tombstone of an erased person arrives, in a
 * pull or as the answer to a refused change, the row holds nothing of the person but ids, unit and
 * the ledger number, and the person's unsent and refused changes leave the outbox and the
 * rejected list; changes of other records stay.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDB } from '../../../src/client/storage/db';
import { applyPulledChanges } from '../../../src/client/storage/pull-apply';
import { applyPushResponse } from '../../../src/client/storage/push-apply';
import { writeChanges } from '../../../src/client/storage/write';
import { formatHlc } from '../../../src/domain';
import type { PulledChange } from '../../../src/protocol';
import { makeParticipant } from '../ui/fixtures';
import { clock, context, freshDb, roomPatch } from './helpers';

let db: AppDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

const stamp = (hour: number) => formatHlc({ wall: Date.UTC(2026, 10, 23, hour), counter: 0, device: 'dev-b' });
const PESEL = '44051401359';
const person = { ...makeParticipant({ id: 'p-1', firstName: 'Anna', lastName: 'Kowalska', pesel: PESEL, birthDate: '1944-05-14' }), hlc: stamp(6) };
const pulledPerson: PulledChange = { seq: 1, entity: 'participants', recordId: 'p-1', deleted: false, data: person };
const tombstone = { id: 'p-1', organizationId: 'org-1', hlc: stamp(9), changedBy: 'admin-1', deleted: true, unitId: 'unit-1', erasure: 3 };

/** A device holding the person, an unsent change of them, a refused one, and an unsent room. */
async function deviceWithPerson() {
  db = freshDb();
  const c = clock();
  await applyPulledChanges(db, [pulledPerson], 1, 'dev-a', c.nowMs());
  c.advance(60_000);
  await writeChanges(db, context(c.nowMs), [{ entity: 'participants', id: 'p-1', patch: { notes: 'Po operacji biodra' } }]);
  await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: roomPatch() }]);
  const [refused] = await db.outbox.toArray();
  await db.rejected.add({ ...refused!, seq: undefined, reason: 'invalidRecord', rejectedAtMs: c.nowMs() } as never);
  return c;
}

describe('ERASE on the device', () => {
  it('ERASE-PULL-DEVICE: the pulled tombstone replaces the row and takes the person\'s unsent and refused changes with it', async () => {
    const c = await deviceWithPerson();
    expect(await db.outbox.count()).toBe(2);
    await applyPulledChanges(db, [{ seq: 7, entity: 'participants', recordId: 'p-1', deleted: true, data: tombstone }], 7, 'dev-a', c.nowMs());
    expect(await db.entity('participants').get('p-1')).toEqual(tombstone);
    expect((await db.outbox.toArray()).map((e) => e.entity)).toEqual(['rooms']);
    expect(await db.rejected.count()).toBe(0);
    const everything = JSON.stringify([await db.entity('participants').toArray(), await db.outbox.toArray(), await db.rejected.toArray()]);
    for (const secret of [PESEL, 'Kowalska', 'Po operacji biodra']) expect(everything).not.toContain(secret);
  });

  it('ERASE-PUSH-DEVICE: a change refused because the person was erased is not kept as refused; the row becomes the tombstone', async () => {
    const c = await deviceWithPerson();
    await db.rejected.clear();
    const batch = await db.outbox.orderBy('seq').toArray();
    const mine = batch.find((e) => e.entity === 'participants')!;
    const room = batch.find((e) => e.entity === 'rooms')!;
    await applyPushResponse(db, batch, {
      accepted: [room.mutationId],
      rejected: [{ mutationId: mine.mutationId, reason: 'forbidden', issues: [{ path: '', code: 'erased' }], current: { data: tombstone, deleted: true } }],
    }, 'dev-a', c.nowMs());
    expect(await db.entity('participants').get('p-1')).toEqual(tombstone);
    expect(await db.rejected.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
