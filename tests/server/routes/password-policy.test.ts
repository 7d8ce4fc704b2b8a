/**
 * Issue 14 item 9: wherever a password is set (first-run setup, a new account, a reset, a change of
 * one's own) it must have 12 characters, must not be the login or the name, and must not be easy
 * to guess: zxcvbn with the common-password list and the Polish dictionary (words, first and last
 * names). Signing in checks none of it, so the demo accounts' `obecni-demo-2026` keeps working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/domain';
import type { ApiError, SessionInfo } from '../../../src/protocol';
import { passwordIssue } from '../../../src/protocol';
import { newPasswordIssue } from '../../../src/server/password-policy';
import type { Store } from '../../../src/server/store/store';
import { DEMO, SETUP, call, testApp, type TestApp } from '../helpers';
import { openMemoryStore } from '../store/memory-store';

describe('password rule (issue 14 item 9)', () => {
  let store: Store;
  let app: TestApp;

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    ({ app } = testApp(store));
  });
  afterAll(async () => { await store.close(); });

  const issuesOf = (res: { body: unknown }) => (res.body as ApiError).issues;

  it('SEC-PASSWORD-RULE: short, login-like, common, Polish-word and Polish-name passwords are refused; unrelated words pass', () => {
    const person = { login: 'anna.kowalska', displayName: 'Anna Kowalska', organizationName: 'MOPS Zielony Dół' };
    const cases: [string, string | null][] = [
      ['krotkie-11z', 'passwordTooShort'],
      ['anna.kowalska', 'passwordIsLogin'],
      ['Anna-Kowalska!', 'passwordIsLogin'],
      ['haslo12345678', 'passwordTooCommon'],
      ['qwertyuiop12', 'passwordTooCommon'],
      ['magdalena1234', 'passwordTooCommon'],
      ['Kowalski1980!', 'passwordTooCommon'],
      ['annakowalska1980', 'passwordIsLogin'],
      ['Terapia-w-pracowni-12', null],
      ['kopia-zapasowa-zielony-dol', null],
      [DEMO_PASSWORD, null],
    ];
    expect(cases.map(([p]) => [p, newPasswordIssue(p, person)])).toEqual(cases);
    // The client's share of the rule (no dictionaries in the app): length and the login or name.
    expect(passwordIssue('anna.kowalska', person)).toBe('passwordIsLogin');
    expect(passwordIssue('haslo12345678', person)).toBeNull();
  });

  it('SEC-PASSWORD-SETUP-ACCOUNTS: setup, a new account, a reset and a change refuse a guessable password by field; the demo password still signs in', async () => {
    const weakSetup = await call(app, 'POST', '/api/v1/setup', { body: { ...SETUP, password: 'haslo12345678' } });
    expect([weakSetup.status, issuesOf(weakSetup)]).toEqual([400, [{ path: 'password', code: 'passwordTooCommon' }]]);
    const shortSetup = await call(app, 'POST', '/api/v1/setup', { body: { ...SETUP, password: 'krotkie-11z' } });
    expect(issuesOf(shortSetup)).toEqual([{ path: 'password', code: 'passwordTooShort' }]);
    expect(await store.isInitialized()).toBe(false);

    const demo = await call<SessionInfo>(app, 'POST', '/api/v1/setup/demo', { body: DEMO });
    expect(demo.status).toBe(200);
    const admin = demo.body;
    expect((await call(app, 'POST', '/api/v1/auth/login', { body: { login: 'admin', password: DEMO_PASSWORD, deviceName: 'x' } })).status).toBe(200);

    const account = { login: 'ewa.nowak', displayName: 'Ewa Nowak', roles: ['therapist'], unitIds: [] };
    const weakAccount = await call(app, 'POST', '/api/v1/admin/accounts', { token: admin.deviceToken, body: { ...account, password: 'Kowalski1980!' } });
    expect([weakAccount.status, issuesOf(weakAccount)]).toEqual([400, [{ path: 'password', code: 'passwordTooCommon' }]]);
    const created = await call<{ id: string }>(app, 'POST', '/api/v1/admin/accounts', { token: admin.deviceToken, body: { ...account, password: 'Sloneczna-pracownia-77' } });
    expect(created.status).toBe(201);
    const weakReset = await call(app, 'PATCH', `/api/v1/admin/accounts/${created.body.id}`, { token: admin.deviceToken, body: { password: 'Warszawa1234' } });
    expect([weakReset.status, issuesOf(weakReset)]).toEqual([400, [{ path: 'password', code: 'passwordTooCommon' }]]);

    const weakChange = await call(app, 'POST', '/api/v1/account/password', { token: admin.deviceToken, body: { currentPassword: DEMO_PASSWORD, newPassword: 'administrator1' } });
    expect([weakChange.status, issuesOf(weakChange)]).toEqual([400, [{ path: 'newPassword', code: 'passwordTooCommon' }]]);
    expect((await call(app, 'POST', '/api/v1/auth/login', { body: { login: 'admin', password: DEMO_PASSWORD, deviceName: 'x' } })).status).toBe(200);
  });
});
