/**
 * KINDS-E2E (issue 19, points 2 and 3), the built app and the real server in Chromium with the demo
 * centre. The ŚDS documents of § 24 (Dz.U. 2020 poz. 249): the demo's day home is turned into a ŚDS
 * through the sync API, then its monthly attendance list and participant register print with their
 * basis. The WTZ annual report to the county (§ 21 of Dz.U. 2021 poz. 2284) opens for the demo workshop,
 * prints to A4 landscape PDF with its basis, the degrees, the months, who left and "brak danych"
 * for progress; the pages are turned into PNGs in test-results/kinds for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/domain';
import { PROTOCOL_VERSION, type PullResponse, type SessionInfo } from '../../src/protocol';
import { accessToken, useDemoCentre } from './harness';

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'kinds');
const WTZ = 'Warsztat Terapii Zajęciowej „Promyk”';

const centre = useDemoCentre();
const SDS = 'Środowiskowy Dom Samopomocy „Pogodna Jesień”';

/** Turns the demo's day home into a ŚDS, as an administrator's device would push it. */
async function makeSds(url: string): Promise<void> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'obecni-demo-2026', deviceName: 'e2e' }),
  });
  const admin = (await login.json()) as SessionInfo;
  const auth = { authorization: `Bearer ${await accessToken(url, admin.deviceToken)}`, 'content-type': 'application/json' };
  const pulled = (await (await fetch(`${url}/api/v1/sync/pull?since=0&limit=2000&protocolVersion=${PROTOCOL_VERSION}`, { headers: auth })).json()) as PullResponse;
  const home = pulled.changes.find((c) => c.entity === 'units' && c.data.kind === 'activeSeniorHome')!;
  const mutation = {
    mutationId: crypto.randomUUID(), entity: 'units', recordId: home.recordId, deleted: false,
    hlc: formatHlc({ wall: Date.now(), counter: 0, device: admin.deviceId }), patch: { kind: 'selfHelpHome', name: SDS },
  };
  const res = await fetch(`${url}/api/v1/sync/push`, { method: 'POST', headers: auth, body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: admin.deviceId, mutations: [mutation] }) });
  expect(res.status).toBe(200);
}

/** Prints the page to PDF, returns its text with single spaces, and leaves PNGs of its pages in OUT. */
async function printed(page: import('playwright-core').Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdfPath, join(OUT, name)]);
  // Lines wrap on paper: compare the text with single spaces.
  return execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('KINDS-E2E: the ŚDS documents of § 24 on paper', () => {
  it('prints the monthly attendance list and the participant register with their basis', async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    await makeSds(centre.server.url);
    const { page } = await centre.signIn('admin');
    await page.getByLabel('Placówka').selectOption({ label: SDS });
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Raporty', exact: true }).click();
    await page.locator('table.sheet tbody tr').first().waitFor({ timeout: 60_000 });
    const sheet = await printed(page, 'sds-lista-obecnosci');
    expect(sheet).toContain('Lista obecności uczestników ŚDS: dni miesiąca z zaznaczeniem obecności lub nieobecności (§ 24');
    await page.getByRole('button', { name: 'Ewidencja ŚDS i MPiPS-05', exact: true }).click();
    await page.getByRole('heading', { name: /Dane do sprawozdania MPiPS-05/ }).waitFor({ timeout: 60_000 });
    const register = await printed(page, 'sds-ewidencja');
    expect(register).toContain('Ewidencja uczestników ŚDS · ' + SDS);
    expect(register).toContain('Nieobecności dłuższe niż 2 tygodnie i ich przyczyny');
    expect(register).toMatch(/\d{2}\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4} \(\d+ dni\): (choroba|pobyt w szpitalu)/);
    expect(register).toContain('Dane do sprawozdania MPiPS-05');
    expect(register).toContain('Liczba miejsc');
    // Printing a month of 25 people takes minutes on a small machine.
  }, 600_000);
});

describe('KINDS-E2E: the WTZ annual report on paper', () => {
  it('prints last year’s report with its basis, degrees, months and who left', async () => {
    const { page } = await centre.signIn('admin');
    await page.getByLabel('Placówka').selectOption({ label: WTZ });
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Raporty', exact: true }).click();
    await page.getByRole('button', { name: 'Sprawozdanie roczne', exact: true }).click();
    await page.getByRole('heading', { name: /Sprawozdanie roczne WTZ dla powiatu · Warsztat Terapii Zajęciowej „Promyk” · \d{4}/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: 'Frekwencja w kolejnych miesiącach' }).waitFor({ timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(OUT, 'sprawozdanie-roczne-wtz.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    // Lines wrap on paper: compare the text with single spaces.
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('§ 21 rozporządzenia w sprawie warsztatów terapii zajęciowej');
    expect(text).toMatch(/Termin złożenia: 01\.03\.\d{4}/);
    expect(text).toContain('w tym stopień: umiarkowany');
    expect(text).toContain('Uczestnicy i ich stopnie niepełnosprawności');
    expect(text).toContain('Frekwencja w kolejnych miesiącach');
    expect(text).toContain('Kto odszedł i dlaczego');
    expect(text).toContain('brak danych');
    expect(text).toContain('Podpis kierownika placówki');
    expect(text).not.toContain('Raporty');
    execFileSync('pdftoppm', ['-r', '70', '-png', pdfPath, join(OUT, 'sprawozdanie-roczne-wtz')]);
  });
});
