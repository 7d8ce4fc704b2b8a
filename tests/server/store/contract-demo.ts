/**
 * Contract, part 3: the demo centre loads into an empty store in one go, is pullable like any
 * synced data, and its accounts sign in with DEMO_PASSWORD.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dayInTimeZone, generateDemoCentre, validateRecord } from '../../../src/domain';
import type { ApiError, SessionInfo } from '../../../src/protocol';
import type { Store } from '../../../src/server/store/store';
import type { OpenStore } from './contract-first-run';
import { SETUP, call, fakeClock, mutation, pullAll, push, roomPatch, hlc, testApp, type TestApp } from '../helpers';

export function demoContract(open: OpenStore): void {
  describe('demo centre', () => {
    let store: Store;
    let app: TestApp;
    const clock = fakeClock();

    beforeAll(async () => {
      store = await open();
      ({ app } = testApp(store, { clock: clock.now }));
    });
    afterAll(async () => { await store.close(); });

    it('DEMO-LOAD: the demo loads into an empty server, signs in as admin, and all of it is pullable', async () => {
      const res = await call<SessionInfo>(app, 'POST', '/api/v1/setup/demo');
      expect(res.status).toBe(200);
      expect(res.body.user.login).toBe('admin');
      expect(res.body.user.roles).toEqual(['administrator']);

      const expected = generateDemoCentre({ seed: 2026, today: dayInTimeZone(clock.now(), 'Europe/Warsaw'), nowMs: clock.now() });
      const changes = await pullAll(app, res.body);
      expect(changes).toHaveLength(expected.records.length);
      expect(new Set(changes.map((ch) => ch.entity))).toEqual(new Set(expected.records.map((r) => r.entity)));
      expect(changes.every((ch) => ch.data.organizationId === res.body.user.organizationId)).toBe(true);
      expect(changes.filter((ch) => !validateRecord(ch.entity, ch.data).ok)).toEqual([]);
      const first = expected.records[0]!;
      expect((await store.sync.history(res.body.user.organizationId, first.entity, first.data.id))).toHaveLength(1);
      expect((await store.audit.list(res.body.user.organizationId)).map((a) => a.action)).toContain('demoLoad');
    });

    it('DEMO-LOGIN: the demo accounts sign in with DEMO_PASSWORD; the driver may read but not change a room, the kitchen not push at all', async () => {
      const admin = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: 'admin', password: DEMO_PASSWORD, deviceName: 'tablet' } });
      expect(admin.status).toBe(200);
      const unitId = admin.body.user.unitIds[0]!;
      expect((await push(app, admin.body, [mutation('rooms', 'demo-room-test', roomPatch(unitId), hlc(clock.now() + 1000))])).body.accepted).toHaveLength(1);

      const driver = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: 'kierowca', password: DEMO_PASSWORD, deviceName: 'bus' } });
      expect(driver.status).toBe(200);
      expect((await pullAll(app, driver.body)).length).toBeGreaterThan(0);
      expect((await push(app, driver.body, [mutation('rooms', 'driver-room', roomPatch(unitId), hlc(clock.now() + 1000))])).body.rejected).toEqual([expect.objectContaining({ reason: 'forbidden' })]);
      const kitchen = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: 'kuchnia', password: DEMO_PASSWORD, deviceName: 'kuchnia' } });
      expect((await push(app, kitchen.body, [mutation('rooms', 'kitchen-room', roomPatch(unitId), hlc(clock.now() + 1000))])).status).toBe(403);
    });

    it('DEMO-ONCE: a second demo load and a setup are refused once the demo is in', async () => {
      const demo = await call<ApiError>(app, 'POST', '/api/v1/setup/demo');
      expect(demo.status).toBe(409);
      expect(demo.body.error).toBe('alreadyInitialized');
      expect((await call<ApiError>(app, 'POST', '/api/v1/setup', { body: SETUP })).status).toBe(409);
    });
  });
}
