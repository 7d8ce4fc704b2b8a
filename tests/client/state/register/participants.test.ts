// The register's actions on the real device database: a new person gets a time-ordered id and
// lands with its outbox entry; edits, discharge and readmission write only what changed; erasure
// is a tombstone; an import is one transaction, so one bad record keeps the whole file out.
import { beforeAll, describe, expect, it } from 'vitest';
import { configureRuntime, login, startApp } from '../../../../src/client/state';
import type { ParticipantFields } from '../../../../src/client/state/register';
import { dischargeParticipant, eraseParticipant, importParticipants, readmitParticipant, saveParticipant } from '../../../../src/client/state/register';
import { runtime } from '../../../../src/client/state/runtime';
import { emptyParticipant } from '../../../../src/client/ui/view/participant-form';
import { type ImportedRow, parseCsv } from '../../../../src/domain';
import { guessMapping, previewImport } from '../../../../src/domain/register/import';
import type { LoginRequest, SessionInfo } from '../../../../src/protocol';
import { ScriptedTransport } from '../../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-cccccccccccccccccccccccc', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['coordinator'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

const TODAY = '2026-11-23';
const db = () => runtime.db.value!;
const person = (id: string) => db().entity('participants').get(id);
const outboxOf = async (id: string) => (await db().outbox.toArray()).filter((e) => e.recordId === id);
const fields = (patch: Partial<ParticipantFields>): ParticipantFields => ({
  ...emptyParticipant('unit-1', '2020-09-01'), firstName: 'Anna', lastName: 'Kowalska', birthDate: '1944-05-14', ...patch,
});

describe('register actions', () => {
  beforeAll(async () => {
    configureRuntime({ transport: new Server(), dbName: `register-${Date.now()}`, autoSync: false, nowMs: () => Date.UTC(2026, 10, 23, 8, 42), timeZone: 'Europe/Warsaw' });
    await startApp();
    expect((await login({ login: 'ewa', password: 'x' })).ok).toBe(true);
  });

  it('saves a new person under a new time-ordered id, with its outbox entry', async () => {
    const result = await saveParticipant(null, fields({ pesel: '44051401458' }));
    expect(result.ok).toBe(true);
    const id = result.id!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(await person(id)).toMatchObject({ firstName: 'Anna', pesel: '44051401458', organizationId: 'org-1', changedBy: 'user-1', deleted: false });
    const [entry] = await outboxOf(id);
    expect(entry).toMatchObject({ entity: 'participants', deleted: false, patch: expect.objectContaining({ firstName: 'Anna', birthDate: '1944-05-14' }) });
  });

  it('an edit sends only the changed fields; discharge and readmission keep to their fields', async () => {
    const { id } = await saveParticipant(null, fields({ firstName: 'Jan', lastName: 'Kos', birthDate: '1990-01-02' }));
    expect(await saveParticipant(id!, fields({ firstName: 'Jan', lastName: 'Kos', birthDate: '1990-01-02', phone: '600 100 200' }))).toMatchObject({ ok: true, id });
    expect((await outboxOf(id!)).at(-1)!.patch).toEqual({ phone: '600 100 200' });

    expect(await dischargeParticipant(id!, '2026-11-20', ' przeprowadzka ')).toEqual({ ok: true });
    expect(await person(id!)).toMatchObject({ status: 'discharged', dischargeDate: '2026-11-20', dischargeReason: 'przeprowadzka' });
    expect((await outboxOf(id!)).at(-1)!.patch).toEqual({ status: 'discharged', dischargeDate: '2026-11-20', dischargeReason: 'przeprowadzka' });

    expect(await readmitParticipant(id!, TODAY)).toEqual({ ok: true });
    expect(await person(id!)).toMatchObject({ status: 'active', admissionDate: TODAY, dischargeDate: null, dischargeReason: null });
    expect((await outboxOf(id!)).at(-1)!.patch).toEqual({ status: 'active', admissionDate: TODAY, dischargeDate: null, dischargeReason: null });
  });

  it('refuses a discharge before the admission, writing nothing', async () => {
    const { id } = await saveParticipant(null, fields({ firstName: 'Ola', lastName: 'Mak', birthDate: '1960-03-03' }));
    const before = (await outboxOf(id!)).length;
    const result = await dischargeParticipant(id!, '2019-01-01', 'x');
    expect(result.ok).toBe(false);
    expect(await person(id!)).toMatchObject({ status: 'active', dischargeDate: null });
    expect(await outboxOf(id!)).toHaveLength(before);
  });

  it('erasure is a tombstone, sent like any change', async () => {
    const { id } = await saveParticipant(null, fields({ firstName: 'Ewa', lastName: 'Sowa', birthDate: '1950-02-02' }));
    expect(await eraseParticipant(id!)).toEqual({ ok: true });
    expect((await person(id!))?.deleted).toBe(true);
    expect((await outboxOf(id!)).at(-1)).toMatchObject({ deleted: true });
  });

  it('imports a whole file in one transaction', async () => {
    const parsed = parseCsv('Imię;Nazwisko;Data urodzenia\nPiotr;Kruk;02.02.1972\nZofia;Wilk;03.03.1973\n');
    if (!parsed.ok) throw new Error('parse');
    const preview = previewImport(parsed.rows, guessMapping(parsed.rows[0]!.cells), { unitId: 'unit-1', today: TODAY, studios: new Map(), existing: [] });
    expect(preview.issues).toEqual([]);
    const count = await db().entity('participants').count();
    expect(await importParticipants(preview.rows)).toEqual({ ok: true });
    expect(await db().entity('participants').count()).toBe(count + 2);
    const names = (await db().entity('participants').toArray()).map((p) => p.lastName);
    expect(names).toEqual(expect.arrayContaining(['Kruk', 'Wilk']));
  });

  it('one invalid record keeps the whole import out: no person and no outbox entry', async () => {
    const good = (lastName: string): ImportedRow => ({ line: 2, duplicate: null, record: { ...fields({ lastName }) } });
    const bad: ImportedRow = { line: 4, duplicate: null, record: { ...fields({ lastName: 'Zły' }), pesel: '44051401459' } };
    const [people, outbox] = [await db().entity('participants').count(), await db().outbox.count()];
    const result = await importParticipants([good('Dobra'), good('Dobry'), bad]);
    expect(result).toMatchObject({ ok: false });
    expect(await db().entity('participants').count()).toBe(people);
    expect(await db().outbox.count()).toBe(outbox);
  });
});
