/**
 * ERASURE-E2E (issue 13 point 2), the built app and the real server in Chromium on the demo centre:
 * - right of access (art. 15): the administrator downloads a person's data as JSON and prints the
 *   A4 page from the participant's form (the PDF is turned into PNGs in test-results/erasure for a
 *   person to look at);
 * - erasure (art. 17): after the administrator erases the person, the administrator's and the
 *   coordinator's devices hold nothing of them in IndexedDB (the row is a tombstone, nothing waits
 *   in the outbox), and the month's sheet still counts their attendance as "Osoba usunięta (nr 1)",
 *   never under the name.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoCentre } from './harness';

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'erasure');

const centre = useDemoCentre();
let admin: Page;
let coordinator: Page;
/** The person: "Nazwisko Imię" as the register lists them, and their surname. */
let listName = '';
let lastName = '';

/** Every row of the device's participants table and its outbox, read from IndexedDB in the page. */
async function deviceRows(page: Page): Promise<{ participants: Record<string, unknown>[]; outbox: Record<string, unknown>[]; rejected: Record<string, unknown>[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('obecni');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (table: string) => new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const req = db.transaction(table, 'readonly').objectStore(table).getAll();
      req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
      req.onerror = () => reject(req.error);
    });
    const result = { participants: await all('participants'), outbox: await all('outbox'), rejected: await all('rejected') };
    db.close();
    return result;
  });
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu główne' });

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  ({ page: admin } = await centre.signIn('admin'));
  ({ page: coordinator } = await centre.signIn('koordynator'));
  await menu(admin).getByRole('link', { name: 'Uczestnicy', exact: true }).click();
  await admin.getByRole('heading', { level: 1, name: 'Uczestnicy' }).waitFor();
  const first = admin.locator('li.person').first();
  await first.waitFor();
  listName = (await first.locator('.person__name').textContent() ?? '').replace(/\s+(aktywny|zawieszony|kandydat|skreślony).*$/i, '').trim();
  lastName = listName.split(' ')[0]!;
  await first.getByRole('button', { name: `Edytuj: ${listName}` }).click();
  await admin.getByRole('heading', { name: 'Dostęp do danych osoby (art. 15 RODO)' }).waitFor();
}, 180_000);

describe('ERASURE-E2E: right of access, then erasure on every device', () => {
  it('downloads everything held about the person as JSON', async () => {
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Pobierz dane osoby (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^obecni-dane-osoby-[0-9a-f-]+\.json$/);
    const path = join(OUT, 'dane-osoby.json');
    await download.saveAs(path);
    const data = JSON.parse(readFileSync(path, 'utf8')) as { format: string; person: { data: { lastName: string } }; records: unknown[]; history: unknown[] };
    expect(data.format).toBe('obecni-access');
    expect(data.person.data.lastName).toBe(lastName);
    expect(data.records.length).toBeGreaterThan(0);
    expect(data.history.length).toBeGreaterThan(0);
  });

  it('prints the A4 access page (PDF, then PNG to look at)', async () => {
    await admin.getByRole('button', { name: 'Strona do druku (A4)' }).click();
    await admin.getByRole('heading', { name: 'Dane osobowe przechowywane w systemie Obecni' }).waitFor();
    await admin.emulateMedia({ media: 'print' });
    const pdfPath = join(OUT, 'dane-osoby.pdf');
    await admin.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    await admin.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([595, 842]);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    for (const heading of ['Dane osobowe przechowywane w systemie Obecni', 'Dane osoby', 'Historia zmian', 'Rejestr zdarzeń']) expect(text).toContain(heading);
    expect(text).toContain(lastName);
    // Only the page goes on paper: not the register's list nor the form's buttons.
    expect(text).not.toContain('Zapisz');
    expect(text).not.toContain('Dodaj uczestnika');
    execFileSync('pdftoppm', ['-r', '70', '-png', pdfPath, join(OUT, 'dane-osoby')]);
    expect(readdirSync(OUT).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(1);
    await admin.getByRole('button', { name: 'Zamknij' }).click();
  });

  it('after the erasure the devices hold nothing of the person, and the month still counts them as "Osoba usunięta (nr 1)"', async () => {
    const before = await deviceRows(coordinator);
    const row = before.participants.find((p) => p.lastName === lastName && `${String(p.lastName)} ${String(p.firstName)}` === listName)!;
    expect(row).toBeDefined();
    const id = String(row.id);

    await admin.getByRole('button', { name: 'Usuń dane trwale' }).click();
    await admin.locator('#erase-type').fill(lastName);
    await admin.getByRole('button', { name: 'Usuń trwale' }).click();
    await admin.getByText('Dane osoby zostały usunięte.').waitFor();
    // The erasure goes to the server and its tombstone comes back.
    await expect.poll(async () => (await deviceRows(admin)).participants.find((p) => p.id === id)?.erasure, { timeout: 60_000 }).toBe(1);
    const mine = await deviceRows(admin);
    expect(Object.keys(mine.participants.find((p) => p.id === id)!).sort()).toEqual(['changedBy', 'deleted', 'erasure', 'hlc', 'id', 'organizationId', 'unitId']);
    expect(mine.outbox).toEqual([]);

    // The coordinator's tablet drops the person at its next sync.
    await coordinator.reload();
    await expect.poll(async () => (await deviceRows(coordinator)).participants.find((p) => p.id === id)?.erasure, { timeout: 60_000 }).toBe(1);
    const theirs = JSON.stringify(await deviceRows(coordinator));
    if (typeof row.pesel === 'string') expect(theirs).not.toContain(row.pesel);
    const held = (await deviceRows(coordinator)).participants.find((p) => p.id === id)!;
    expect(held).not.toHaveProperty('pesel');
    expect(held).not.toHaveProperty('lastName');

    // The month's sheet counts the person's attendance under the ledger number, never the name.
    await menu(admin).getByRole('link', { name: 'Raporty', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Raporty' }).waitFor();
    await admin.locator('table.sheet tbody tr').first().waitFor({ timeout: 60_000 });
    const names = await admin.locator('table.sheet tbody th[scope="row"]').allTextContents();
    expect(names.map((n) => n.trim())).toContain('Osoba usunięta (nr 1)');
    expect(names.map((n) => n.trim())).not.toContain(listName);
  });
});
