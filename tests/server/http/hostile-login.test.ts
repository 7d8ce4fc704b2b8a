/**
 * HOSTILE-LOGIN-*: sign-in throttling under attack (issue 14, items 1 and 10), on PGlite and on
 * PostgreSQL. Parallel bursts never get more password checks than the policy allows, so the right
 * password sent inside a burst past the limit does not sign in; unknown logins are throttled
 * exactly like known ones (no answer tells them apart); and an attacker's failures slow down only
 * their own address, so the administrator still signs in at once from theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../src/protocol';
import { loadConfig } from '../../../src/server/config';
import { ADDRESS_POLICY, LOGIN_POLICY } from '../../../src/server/login-throttle';
import type { Store } from '../../../src/server/store/store';
import { addUser } from '../store/contract-first-run';
import { SETUP, fakeClock, setUp, testApp, type TestApp } from '../helpers';
import { openInspectableStore, send, storeKinds, type Answer } from './hostile-helpers';

for (const kind of storeKinds()) describe(`HOSTILE-LOGIN (${kind}): sign-in throttling under parallel and spread attacks`, () => {
  let store: Store;
  let app: TestApp;
  const clock = fakeClock();
  let next = 1;
  /** A fresh client address for each test (the app trusts X-Forwarded-For, as behind a proxy). */
  const newAddress = () => `203.0.113.${next++}`;

  beforeAll(async () => {
    ({ store } = await openInspectableStore(kind));
    app = testApp(store, { clock: clock.now, config: loadConfig({ TRUST_PROXY: '1' }) }).app;
    const admin = await setUp(app);
    await addUser(store, admin.user.organizationId, { id: 'kasia', login: 'kasia.known', password: 'dobre-haslo-kasi', roles: ['therapist'], unitIds: admin.user.unitIds });
  });
  afterAll(async () => { await store.close(); });

  const login = (address: string, loginName: string, password: string) =>
    send(app, 'POST', '/api/v1/auth/login', { body: JSON.stringify({ login: loginName, password, deviceName: 'Tablet' }), headers: { 'x-forwarded-for': address } });
  const statuses = (answers: Answer[]) => answers.map((a) => a.status);
  const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

  it('HOSTILE-LOGIN-PARALLEL: 100 simultaneous attempts with the right password 60th never sign in; no more than the free attempts are checked', async () => {
    const address = newAddress();
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => login(address, SETUP.login, i === 59 ? SETUP.password : `zle-haslo-${i}`)));
    expect(count(burst, 200)).toBe(0);
    expect(count(burst, 401)).toBeLessThanOrEqual(LOGIN_POLICY.free);
    expect(count(burst, 401) + count(burst, 429)).toBe(100);
    for (const refused of burst.filter((a) => a.status === 429)) expect((refused.json as ApiError).error).toBe('rateLimited');
    // Use up what is left of the free attempts, then burst again with the right password among them.
    while ((await login(address, SETUP.login, 'zle-haslo')).status === 401);
    const again = await Promise.all(Array.from({ length: 30 }, (_, i) => login(address, SETUP.login, i === 10 ? SETUP.password : 'zle-haslo')));
    expect(statuses(again)).toEqual(Array.from({ length: 30 }, () => 429));
  });

  it('HOSTILE-LOGIN-SPRAY: 300 simultaneous attempts on unknown logins from one address, then more one by one: at most the address allowance is ever checked', async () => {
    const address = newAddress();
    const burst = await Promise.all(Array.from({ length: 300 }, (_, i) => login(address, `nikt.${i}`, 'zle-haslo')));
    expect(count(burst, 401)).toBeLessThanOrEqual(ADDRESS_POLICY.free);
    expect(count(burst, 429)).toBeGreaterThanOrEqual(300 - ADDRESS_POLICY.free);
    let checked = count(burst, 401);
    for (let i = 0; i < ADDRESS_POLICY.free + 5; i++) if ((await login(address, `ktos.${i}`, 'zle-haslo')).status === 401) checked += 1;
    expect(checked).toBe(ADDRESS_POLICY.free);
    // Another address is not affected.
    expect((await login(newAddress(), 'nikt.inny', 'zle-haslo')).status).toBe(401);
  });

  it('HOSTILE-LOGIN-NO-LOCKOUT: failures from an attacker\'s address do not stop the administrator signing in from theirs', async () => {
    const attacker = newAddress();
    const answers: Answer[] = [];
    for (let i = 0; i < LOGIN_POLICY.free + 5; i++) answers.push(await login(attacker, SETUP.login, `zle-haslo-${i}`));
    expect(statuses(answers)).toEqual([...Array.from({ length: LOGIN_POLICY.free }, () => 401), ...Array.from({ length: 5 }, () => 429)]);
    expect((await login(newAddress(), SETUP.login, SETUP.password)).status).toBe(200);
    // The attacker is still slowed down for that login, even with the right password.
    expect((await login(attacker, SETUP.login, SETUP.password)).status).toBe(429);
  });

  it('HOSTILE-LOGIN-SAME-ANSWER: a known and an unknown login get the same answers, bodies and waits through the slow-down', async () => {
    const run = async (loginName: string) => {
      const address = newAddress();
      const answers: Answer[] = [];
      for (let i = 0; i < LOGIN_POLICY.free + 2; i++) answers.push(await login(address, loginName, 'zle-haslo'));
      const last = await app.request('/api/v1/auth/login', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ login: loginName, password: 'zle-haslo', deviceName: '' }),
      });
      return { statuses: statuses(answers), bodies: answers.map((a) => a.text), retryAfter: last.headers.get('retry-after') };
    };
    const known = await run('kasia.known');
    const unknown = await run('nie.ma.mnie');
    expect(known.statuses).toEqual([...Array.from({ length: LOGIN_POLICY.free }, () => 401), 429, 429]);
    expect(unknown).toEqual(known);
    expect(Number(known.retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
