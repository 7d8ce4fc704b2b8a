/**
 * LOG-PRIVACY (issue 8, DESIGN "no personal data in logs"): a day of the demo centre through the
 * API -- sign-ins (one with a wrong password), pulls, a participant's name and notes changed, an
 * invalid record, a driver's and the kitchen's refused pushes, a therapist's write outside her units, the history, an
 * account created, and a crash whose error message carries a name -- leaves log lines with only
 * the allowed fields, and none of the centre's personal values, logins, passwords, tokens, record
 * ids or query strings in them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domain';
import { PROTOCOL_VERSION, type PullResponse, type SessionInfo } from '../../src/protocol';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createMemoryLogger } from '../../src/server/logger';
import { loadDemo } from '../../src/server/setup/demo';
import { openMemoryStore } from './store/memory-store';
import type { Store } from '../../src/server/store/store';
import { call, fakeClock, hlc, mutation, pullAll, push } from './helpers';

/** Every field a log line may have. A new field is a decision: add it here only if it can never carry personal data. */
const ALLOWED_FIELDS = new Set(['time', 'level', 'event', 'method', 'route', 'status', 'ms', 'code', 'entity', 'signal']);

describe('logs', () => {
  const clock = fakeClock(Date.UTC(2026, 10, 23, 8, 0, 0));
  const logger = createMemoryLogger('debug');
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const sessions: Record<string, SessionInfo> = {};
  let everything: PullResponse['changes'] = [];

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    await loadDemo(store, { nowMs: clock.now() });
    // A store whose pull fails once with a message full of personal data (as a driver error might).
    let failNext = false;
    const failOnce = () => {
      if (!failNext) return;
      failNext = false;
      throw new Error('Jan Kowalski PESEL 44051401359 ul. Lipowa 3');
    };
    const failing: Store = {
      ...store,
      sync: {
        ...store.sync,
        pull: async (...args) => {
          failOnce();
          return store.sync.pull(...args);
        },
        pullRaw: async (...args) => {
          failOnce();
          return store.sync.pullRaw(...args);
        },
      },
    };
    app = createApp({ store: failing, config: loadConfig({}), logger, clock: clock.now, staticDir: null });
    for (const login of ['admin', 'terapeuta', 'kierowca', 'kuchnia']) {
      const res = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login, password: DEMO_PASSWORD, deviceName: `Tablet ${login} Kowalskiej` } });
      expect(res.status).toBe(200);
      sessions[login] = res.body;
    }
    await call(app, 'POST', '/api/v1/auth/login', { body: { login: 'koordynator', password: 'zle-haslo-Zenobii', deviceName: 'x' } });
    everything = await pullAll(app, sessions.admin!);
    const people = everything.filter((c) => c.entity === 'participants');
    const mine = people.find((p) => sessions.terapeuta!.user.unitIds.includes(String(p.data.unitId)))!;
    const foreign = people.find((p) => !sessions.terapeuta!.user.unitIds.includes(String(p.data.unitId)))!;
    clock.advance(60_000);
    await push(app, sessions.admin!, [
      mutation('participants', mine.recordId, { lastName: 'Zenobiowska-Tajna', notes: 'Leczenie: tajna-diagnoza-123' }, hlc(clock.now(), 'dev-admin')),
      mutation('participants', mine.recordId, { pesel: 'zly-pesel-777' }, hlc(clock.now() + 1, 'dev-admin')),
    ]);
    await push(app, sessions.kierowca!, [mutation('participants', mine.recordId, { notes: 'kierowca-pisze-notatke' }, hlc(clock.now() + 2, 'dev-k'))]);
    await push(app, sessions.kuchnia!, [mutation('participants', mine.recordId, { allergies: 'kuchnia-alergia-orzechy' }, hlc(clock.now() + 4, 'dev-c'))]);
    await push(app, sessions.terapeuta!, [mutation('participants', foreign.recordId, { notes: 'obca-jednostka-notatka' }, hlc(clock.now() + 3, 'dev-t'))]);
    await call(app, 'GET', `/api/v1/history?entity=participants&recordId=${encodeURIComponent(mine.recordId)}`, { token: sessions.admin!.deviceToken });
    await call(app, 'POST', '/api/v1/admin/accounts', {
      token: sessions.admin!.deviceToken,
      body: { login: 'nowa.terapeutka', displayName: 'Halina Nowakowska-Sekretna', password: 'haslo-nowej-osoby-1', roles: ['therapist'], unitIds: sessions.terapeuta!.user.unitIds },
    });
    failNext = true;
    const crash = await call(app, 'GET', `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`, { token: sessions.admin!.deviceToken });
    expect(crash.status).toBe(500);
    everything = await pullAll(app, sessions.admin!);
  }, 120_000);

  afterAll(async () => {
    await store.close();
  });

  it('LOG-PRIVACY: every line has only allowed, flat fields, and the day left the expected events', () => {
    expect(logger.lines.length).toBeGreaterThan(10);
    const events = new Set<string>();
    for (const line of logger.lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      for (const [key, value] of Object.entries(entry)) {
        expect(ALLOWED_FIELDS.has(key), `field ${key} in ${String(entry.event)}`).toBe(true);
        expect(typeof value === 'object' && value !== null).toBe(false);
      }
      if (typeof entry.route === 'string') expect(entry.route).not.toMatch(/[?=]/);
      events.add(String(entry.event));
    }
    expect([...events].sort()).toEqual(expect.arrayContaining(['pushRefused', 'request', 'unhandledError', 'writeRefused']));
  });

  it('LOG-PRIVACY: no personal value, login, password, token or record id of the centre appears in any line', () => {
    const text = logger.lines.join('\n');
    const secrets = new Set<string>([
      'Zenobiowska-Tajna', 'tajna-diagnoza-123', 'zly-pesel-777', 'kierowca-pisze-notatke', 'obca-jednostka-notatka', 'Halina Nowakowska-Sekretna',
      'nowa.terapeutka', 'haslo-nowej-osoby-1', 'zle-haslo-Zenobii', DEMO_PASSWORD, 'Kowalskiej', 'Jan Kowalski', '44051401359', 'Lipowa',
      'koordynator', 'terapeuta', 'kierowca', 'kuchnia', 'kuchnia-alergia-orzechy', 'since=', 'protocolVersion=',
    ]);
    for (const s of Object.values(sessions)) {
      secrets.add(s.deviceToken);
      secrets.add(s.user.displayName);
      secrets.add(s.user.id);
      secrets.add(s.deviceId);
    }
    for (const change of everything) {
      secrets.add(change.recordId);
      if (change.entity !== 'participants' && change.entity !== 'staff') continue;
      for (const field of ['firstName', 'lastName', 'pesel', 'phone', 'email', 'notes', 'allergies']) {
        const value = change.data[field];
        if (typeof value === 'string' && value.length >= 4) secrets.add(value);
      }
      const address = change.data.address as { street?: unknown } | undefined;
      if (typeof address?.street === 'string' && address.street.length >= 4) secrets.add(address.street);
    }
    expect(secrets.size).toBeGreaterThan(100);
    for (const secret of secrets) expect(text.includes(secret), `a log line contains a personal value (${secret.length} characters)`).toBe(false);
  });
});
