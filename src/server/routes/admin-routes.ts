/**
 * Accounts and devices, for administrators only (403 for everybody else): list the accounts and
 * the devices signed in; create an account with its roles and units; change roles, units, name or
 * password, disable an account; revoke a device (it is signed out at its next request); export
 * everything held about one participant (GDPR art. 15). Every change and export is audited; passwords are hashed here and never leave the server.
 */
import { Hono } from 'hono';
import { uuidv7 } from 'uuidv7';
import * as v from 'valibot';
import { IdSchema, dayInTimeZone } from '../../domain';
import { ACCESS_FORMATS, AccountPatchSchema, NewAccountSchema, type AccountsResponse, type ExportLogResponse, type ExportRecord } from '../../protocol';
import { accessExport } from '../privacy/access-export';
import { hashPassword } from '../auth';
import { requireAcceptablePassword } from '../password-policy';
import type { AppEnv } from '../http/context';
import { HttpFailure } from '../http/errors';
import { readJson } from '../http/json-body';
import type { RouteDeps } from './deps';
import { EXPORT_ACTION } from './export-routes';

/** An id from the path; one no record could have (bad characters, NUL, too long) is notFound before it reaches the database. */
function knownIdOrNotFound(id: string): string {
  if (!v.is(IdSchema, id)) throw new HttpFailure('notFound');
  return id;
}

export function adminRoutes({ store, clock, logger, requireAuth }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth);
  app.use('*', async (c, next) => {
    const auth = c.get('auth');
    if (!auth.roles.includes('administrator')) {
      // A refused write (an account or device change) is logged and audited, without its body.
      if (c.req.method !== 'GET') {
        logger.warn('adminRefused', { code: 'forbidden' });
        await store.audit.record(auth.organizationId, { atMs: clock(), userId: auth.userId, deviceId: auth.deviceId, action: 'adminRefused', details: { method: c.req.method } });
      }
      throw new HttpFailure('forbidden');
    }
    await next();
  });

  app.get('/accounts', async (c) => {
    const org = c.get('auth').organizationId;
    const [users, devices] = await Promise.all([store.accounts.listUsers(org), store.accounts.listDevices(org)]);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const body: AccountsResponse = {
      accounts: users.map((u) => ({ id: u.id, login: u.login, displayName: u.displayName, roles: u.roles, unitIds: u.unitIds, disabled: u.disabled })),
      devices: devices.map((d) => ({ ...d, userName: names.get(d.userId) ?? '—' })),
    };
    return c.json(body);
  });

  app.post('/accounts', async (c) => {
    const auth = c.get('auth');
    const req = await readJson(c, NewAccountSchema);
    if (await store.accounts.findUserByLogin(req.login)) throw new HttpFailure('conflict', [{ path: 'login', code: 'loginTaken' }]);
    requireAcceptablePassword(req.password, { login: req.login, displayName: req.displayName });
    const now = clock();
    const id = uuidv7();
    const passwordHash = await hashPassword(req.password);
    await store.write(auth.organizationId, async (tx) => {
      await tx.createUser({ organizationId: auth.organizationId, id, login: req.login, displayName: req.displayName, passwordHash, roles: req.roles, unitIds: req.unitIds, createdAtMs: now });
      await tx.audit(auth.organizationId, { atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: 'accountCreated', details: { accountId: id, roles: req.roles.join(',') } });
    });
    return c.json({ id }, 201);
  });

  app.patch('/accounts/:id', async (c) => {
    const auth = c.get('auth');
    const req = await readJson(c, AccountPatchSchema);
    const id = knownIdOrNotFound(c.req.param('id'));
    if (id === auth.userId && (req.disabled === true || (req.roles && !req.roles.includes('administrator')))) {
      throw new HttpFailure('conflict', [{ path: 'roles', code: 'cannotDemoteSelf' }]);
    }
    const { password, ...rest } = req;
    if (password !== undefined) {
      const user = (await store.accounts.listUsers(auth.organizationId)).find((u) => u.id === id);
      if (!user) throw new HttpFailure('notFound');
      requireAcceptablePassword(password, { login: user.login, displayName: req.displayName ?? user.displayName });
    }
    const patch = { ...rest, ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}) };
    if (!(await store.accounts.updateUser(auth.organizationId, id, patch))) throw new HttpFailure('notFound');
    // A request that changes no field (only unknown ones, or none) is answered but leaves no audit entry.
    if (Object.keys(req).length === 0) return c.body(null, 204);
    const now = clock();
    // A password reset signs the account out everywhere (but on this device, when it is the administrator's own).
    const signedOut = password !== undefined ? await store.accounts.signOutUserDevices(auth.organizationId, id, now, id === auth.userId ? auth.deviceId : null) : 0;
    await store.audit.record(auth.organizationId, {
      atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: 'accountChanged',
      details: { accountId: id, fields: Object.keys(req).join(','), ...(password !== undefined ? { devicesSignedOut: signedOut } : {}) },
    });
    return c.body(null, 204);
  });

  /** The newest recorded exports (who, what, when), at most `limit` (default 100, at most 1000). */
  app.get('/exports', async (c) => {
    const org = c.get('auth').organizationId;
    const limit = Math.min(1000, Math.max(1, Number(c.req.query('limit') ?? 100) || 100));
    const [rows, directory] = await Promise.all([store.audit.list(org, limit, { action: EXPORT_ACTION }), store.accounts.directory(org)]);
    const body: ExportLogResponse = {
      exports: rows.map((r) => {
        const d = r.details as Omit<ExportRecord, 'exportId' | 'atMs'> & { deviceAtMs: number };
        return {
          exportId: r.recordId ?? '', unitId: d.unitId, report: d.report, format: d.format, from: d.from, to: d.to, rows: d.rows,
          receivedAtMs: r.atMs, deviceAtMs: d.deviceAtMs,
          user: (r.userId && directory.users.get(r.userId)) || '—', device: (r.deviceId && directory.devices.get(r.deviceId)) || '—',
        };
      }),
    };
    return c.json(body);
  });

  /**
   * Right of access (GDPR art. 15): everything held about one participant, as JSON (`format=json`,
   * a file for the person) or for the printed A4 page (`format=print`); recorded as an export.
   */
  app.get('/participants/:id/access', async (c) => {
    const auth = c.get('auth');
    const id = knownIdOrNotFound(c.req.param('id'));
    const format = c.req.query('format') ?? 'json';
    if (!v.is(v.picklist(ACCESS_FORMATS), format)) throw new HttpFailure('invalidRequest', [{ path: 'format', code: 'invalidOption' }]);
    const now = clock();
    const body = await accessExport(store, auth.organizationId, id, now);
    if (!body) throw new HttpFailure('notFound');
    const day = dayInTimeZone(now);
    await store.audit.record(auth.organizationId, {
      atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: EXPORT_ACTION, entity: 'reports', recordId: uuidv7(),
      details: { unitId: String(body.person.data.unitId ?? ''), report: 'participantAccess', format, from: day, to: day, rows: 1, deviceAtMs: now, participantId: id },
    });
    return c.json(body);
  });

  app.post('/devices/:id/revoke', async (c) => {
    const auth = c.get('auth');
    const id = knownIdOrNotFound(c.req.param('id'));
    const devices = await store.accounts.listDevices(auth.organizationId);
    if (!devices.some((d) => d.id === id)) throw new HttpFailure('notFound');
    const now = clock();
    await store.accounts.revokeDevice(auth.organizationId, id, now);
    await store.audit.record(auth.organizationId, { atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: 'deviceRevoked', details: { revokedDeviceId: id } });
    return c.body(null, 204);
  });

  return app;
}
