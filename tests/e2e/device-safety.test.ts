/**
 * The tablet's own safety, in Chromium against the real server (demo centre on PGlite):
 * LOCK-E2E (issue 14.4): "Zablokuj teraz", five wrong PINs, a reload: still locked, and now only
 * the password opens it; ten failures in all wipe the device and the sign-in page says why.
 * SIGNOUT-E2E (17.4): signing out offline with a tick waiting names the change and its kind and
 * deletes nothing until the discard is ticked. REVOKE-E2E (14.5): after "Odbierz dostęp" the
 * tablet wipes its data at its next sync and says why; EXPIRED-E2E: a device token the server does
 * not know any more keeps the tick waiting, asks for the password and then sends it.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { PROTOCOL_VERSION, type AccountsResponse, type SessionInfo } from '../../src/protocol';
import { accessToken, collectPageErrors, screenshot, useDemoCentre } from './harness';

const PASSWORD = 'obecni-demo-2026';
const centre = useDemoCentre();

/** What the device database holds, read with raw IndexedDB (no app code). */
function deviceCounts(p: Page): Promise<{ participants: number; outbox: number; token: string | null; deviceId: string | null }> {
  return p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('obecni');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const ask = <T>(store: string, fn: (s: IDBObjectStore) => IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      const req = fn(db.transaction(store, 'readonly').objectStore(store));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const has = (name: string) => db.objectStoreNames.contains(name);
    const participants = has('participants') ? await ask('participants', (s) => s.count()) : 0;
    const outbox = has('outbox') ? await ask('outbox', (s) => s.count()) : 0;
    const session = has('meta') ? await ask<{ value: { deviceToken: string; deviceId: string } } | undefined>('meta', (s) => s.get('session')) : undefined;
    db.close();
    return { participants, outbox, token: session?.value.deviceToken ?? null, deviceId: session?.value.deviceId ?? null };
  });
}

async function openSettings(p: Page): Promise<void> {
  await p.goto(`${centre.server.url}/ustawienia`);
  await p.getByRole('heading', { level: 1, name: 'Ustawienia' }).waitFor();
}

/** Ticks the first person of today's attendance list present (offline: the change waits). */
async function tickOne(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność' }).click();
  const row = p.locator('.roster').first().locator('.roster__item').first();
  await row.waitFor();
  await row.getByRole('button', { name: /^Obecny:/ }).click();
  await expect.poll(() => row.locator('.badge').textContent()).toBe('obecność');
}

async function adminToken(): Promise<string> {
  const res = await fetch(`${centre.server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-obecni-protocol': String(PROTOCOL_VERSION) },
    body: JSON.stringify({ login: 'admin', password: PASSWORD, deviceName: 'test' }),
  });
  expect(res.status).toBe(200);
  return accessToken(centre.server.url, ((await res.json()) as SessionInfo).deviceToken);
}

describe('device safety on a tablet', () => {
  let context: BrowserContext;
  let page: Page;

  it('LOCK-E2E: the lock and its failures survive a reload; the password takes over; ten failures wipe the device', async () => {
    ({ context, page } = await centre.signIn('terapeuta'));
    const errors = collectPageErrors(page);
    await openSettings(page);
    await page.getByLabel('Nowy PIN (4–8 cyfr)').fill('2468');
    await page.getByLabel('Powtórz PIN').fill('2468');
    await page.getByRole('button', { name: 'Zapisz PIN' }).click();
    await page.getByText('PIN zapisany.').waitFor();
    await page.getByRole('button', { name: 'Zablokuj teraz' }).click();
    await page.getByRole('heading', { name: 'Ekran zablokowany' }).waitFor();

    for (let i = 1; i <= 5; i += 1) {
      await page.getByLabel('PIN').fill('0000');
      await page.getByRole('button', { name: 'Odblokuj' }).click();
      if (i < 5) await page.getByText(`Nieprawidłowy PIN. Zosta${i === 4 ? 'ła 1 próba' : `ły ${5 - i} próby`}.`).waitFor();
    }
    await page.getByLabel('Hasło').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Ekran zablokowany' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Menu główne' }).count()).toBe(0);
    await page.getByText('Jeszcze 5 nieudanych prób usunie wszystkie dane Obecni z tego urządzenia.').waitFor();
    expect(await page.getByLabel('PIN', { exact: true }).count()).toBe(0);
    await screenshot(page, 'device-lock-password');
    await page.getByLabel('Hasło').fill(PASSWORD);
    await page.getByRole('button', { name: 'Odblokuj' }).click();
    await page.getByRole('navigation', { name: 'Menu główne' }).waitFor();

    await openSettings(page);
    await page.getByRole('button', { name: 'Zablokuj teraz' }).click();
    for (let i = 1; i <= 5; i += 1) {
      await page.getByLabel('PIN').fill('1111');
      await page.getByRole('button', { name: 'Odblokuj' }).click();
      if (i < 5) await page.getByText(`Nieprawidłowy PIN. Zosta${i === 4 ? 'ła 1 próba' : `ły ${5 - i} próby`}.`).waitFor();
    }
    await page.getByText('Jeszcze 5 nieudanych prób usunie wszystkie dane Obecni z tego urządzenia.').waitFor();
    for (let left = 4; left >= 0; left -= 1) {
      await page.getByLabel('Hasło').fill('zle-haslo');
      await page.getByRole('button', { name: 'Odblokuj' }).click();
      if (left > 0) await page.getByText(new RegExp(`^Nieprawidłowe hasło. Jeszcze ${left} nieudan`)).waitFor();
    }
    await page.getByText('Dane usunięte z tego urządzenia').waitFor({ timeout: 30_000 });
    await page.getByText(/Zbyt wiele nieudanych prób odblokowania ekranu/).waitFor();
    await page.getByLabel('Login').waitFor();
    expect((await deviceCounts(page)).participants).toBe(0);
    await screenshot(page, 'device-wiped-lock');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('SIGNOUT-E2E: signing out offline with a tick waiting names it and deletes nothing until the discard is ticked', async () => {
    ({ context, page } = await centre.signIn('terapeuta'));
    await context.setOffline(true);
    await tickOne(page);
    await page.getByText(/1 zmiana czeka/).first().waitFor();
    await openSettings(page).catch(async () => {
      // Offline, the app navigates inside itself (the service worker may not control the page yet).
      await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Ustawienia' }).click();
    });
    await page.getByRole('button', { name: 'Wyloguj i usuń dane z tego urządzenia' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wylogować i usunąć dane?' });
    await dialog.getByText('Uwaga: 1 zmiana nie została jeszcze wysłana na serwer i zostanie utracona.').waitFor();
    await dialog.getByText('obecność w danym dniu: 1').waitFor();
    const discard = dialog.getByRole('button', { name: 'Usuń dane i niewysłane zmiany' });
    expect(await discard.isDisabled()).toBe(true);
    const box = await dialog.getByText('Rozumiem, że 1 niewysłana zmiana zostanie utracona.').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await screenshot(page, 'device-signout-pending', { fullPage: false });
    await dialog.getByRole('button', { name: 'Anuluj' }).click();
    expect(await deviceCounts(page)).toMatchObject({ outbox: 1 });
    expect((await deviceCounts(page)).participants).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Wyloguj i usuń dane z tego urządzenia' }).click();
    await dialog.getByText('Rozumiem, że 1 niewysłana zmiana zostanie utracona.').click();
    await discard.click();
    await page.getByLabel('Login').waitFor();
    expect(await deviceCounts(page)).toMatchObject({ participants: 0, outbox: 0 });
    await context.close();
  });

  it('REVOKE-E2E: after "Odbierz dostęp" the tablet wipes its data at its next sync and says why', async () => {
    ({ context, page } = await centre.signIn('terapeuta'));
    const { deviceId, participants } = await deviceCounts(page);
    expect(participants).toBeGreaterThan(0);
    const token = await adminToken();
    const list = (await (await fetch(`${centre.server.url}/api/v1/admin/accounts`, { headers: { authorization: `Bearer ${token}`, 'x-obecni-protocol': String(PROTOCOL_VERSION) } })).json()) as AccountsResponse;
    expect(list.devices.some((d) => d.id === deviceId)).toBe(true);
    const revoked = await fetch(`${centre.server.url}/api/v1/admin/devices/${deviceId}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-obecni-protocol': String(PROTOCOL_VERSION) } });
    expect(revoked.status).toBe(204);

    await page.getByRole('button', { name: 'Synchronizuj teraz' }).click();
    await page.getByText('Administrator odebrał temu urządzeniu dostęp do Obecni, więc dane zostały z niego usunięte. Aby dalej pracować, zaloguj się ponownie.').waitFor({ timeout: 30_000 });
    expect(await page.getByText('Sesja wygasła').count()).toBe(0);
    expect((await deviceCounts(page)).participants).toBe(0);
    await screenshot(page, 'device-wiped-revoked');
    await context.close();
  });

  it('EXPIRED-E2E: a sign-in the server no longer knows keeps the tick, asks for the password and then sends it', async () => {
    ({ context, page } = await centre.signIn('terapeuta'));
    // The server forgets this device's token (as when a sign-in expires): simulated by replacing it.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('obecni');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const store = db.transaction('meta', 'readwrite').objectStore('meta');
      await new Promise<void>((resolve, reject) => {
        const get = store.get('session');
        get.onsuccess = () => {
          const row = get.result as { key: string; value: Record<string, unknown> };
          const put = store.put({ ...row, value: { ...row.value, deviceToken: 'x'.repeat(43) } });
          put.onsuccess = () => resolve();
          put.onerror = () => reject(put.error);
        };
      });
      db.close();
    });
    await page.reload();
    await context.setOffline(true);
    await tickOne(page);
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Synchronizuj teraz' }).click();
    const banner = page.getByRole('region', { name: 'Zaloguj się ponownie' });
    await banner.waitFor({ timeout: 30_000 });
    expect(await deviceCounts(page)).toMatchObject({ outbox: 1 });
    await screenshot(page, 'device-reauth', { fullPage: false });
    await banner.getByLabel('Hasło').fill(PASSWORD);
    await banner.getByRole('button', { name: 'Zaloguj ponownie' }).click();
    await expect.poll(async () => (await deviceCounts(page)).outbox, { timeout: 30_000 }).toBe(0);
    await banner.waitFor({ state: 'detached' });
    await expect.poll(async () => (await deviceCounts(page)).participants, { timeout: 30_000 }).toBeGreaterThan(0);
    await context.close();
  });
});
