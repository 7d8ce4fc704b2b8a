/**
 * Issue 7's year report, in headless Chromium against the real server: a WTZ of 300 participants
 * with twelve months of attendance (the demo generator), signed in as its therapist, on Raporty →
 * Sprawozdanie. Each run switches from the quarter to the year and times, in the page, from the
 * click to the year report on screen (the marks read from IndexedDB, the twelve monthly sheets and
 * the report computed, the 300-row table rendered): median and p95 of 12 runs, target 500 ms.
 * Also, in this process, the report computation alone on the same data (no storage, no DOM).
 */
import { chromium } from 'playwright-core';
import { generateDemoCentre } from '../src/domain/demo/generate';
import type { AbsenceNotice } from '../src/domain/entities/absence-notice';
import type { Activity } from '../src/domain/entities/activity';
import type { DayMark } from '../src/domain/entities/attendance';
import type { Participant } from '../src/domain/entities/participant';
import type { Session } from '../src/domain/entities/session';
import type { Unit } from '../src/domain/entities/unit';
import { periodReport } from '../src/domain/rules/reports/period-report';
import { dayInTimeZone } from '../src/domain/calendar';
import { CHROMIUM_FLAGS, chromiumPath } from '../tests/e2e/harness';
import { signedInPage, startBenchServer } from './server';
import { line, median, ms, percentile, sample } from './stats';

const TARGET_MS = 500;
const RUNS = 12;

function inProcess(year: string): string[] {
  const nowMs = Date.now();
  const demo = generateDemoCentre({ seed: 2026, today: dayInTimeZone(nowMs), nowMs, wtzParticipants: 300, historyMonths: 12 });
  const of = <T>(entity: string) => demo.records.filter((r) => r.entity === entity).map((r) => r.data as unknown as T);
  const unit = of<Unit>('units').find((u) => u.kind === 'wtz')!;
  const input = {
    unit, participants: of<Participant>('participants').filter((p) => p.unitId === unit.id),
    marks: of<DayMark>('dayMarks').filter((m) => m.unitId === unit.id), notices: of<AbsenceNotice>('absenceNotices').filter((n) => n.unitId === unit.id),
    activities: of<Activity>('activities'), sessions: of<Session>('sessions'),
  };
  const samples = sample(() => periodReport(input, { kind: 'year', month: `${year}-06` }, `${year}-12-31`).people, { warmup: 3, samples: 15 });
  return [line(`year report computed (${input.participants.length} people, ${input.marks.length} marks)`, `median ${ms(median(samples))}, p95 ${ms(percentile(samples, 95))}`)];
}

export async function reportsBench(): Promise<string[]> {
  const out: string[] = ['reports (issue 7): a WTZ of 300 participants, 12 months of attendance'];
  const server = await startBenchServer({ wtzParticipants: 300, historyMonths: 12 });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  const year = dayInTimeZone(Date.now()).slice(0, 4);
  try {
    const page = await signedInPage(browser, server.url);
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Raporty' }).click();
    await page.getByRole('button', { name: 'Sprawozdanie', exact: true }).click();
    await page.locator('.report-table tbody tr').first().waitFor({ timeout: 120_000 });
    const rows = await page.locator('.report-table').first().locator('tbody tr').count();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.getByRole('button', { name: 'Kwartał', exact: true }).click();
      await page.locator('.report-table tbody tr').first().waitFor();
      await page.waitForTimeout(200);
      samples.push(await page.evaluate(async (y) => {
        const main = document.querySelector('main')!;
        const yearButton = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Rok')!;
        const done = () => {
          const h = document.getElementById('funder-title')?.textContent ?? '';
          return h.endsWith(`· ${y}`) && !main.querySelector('.loading') && main.querySelectorAll('.report-table tbody tr').length > 0;
        };
        const start = performance.now();
        const finished = new Promise<number>((resolve) => {
          const obs = new MutationObserver(() => {
            if (done()) { obs.disconnect(); resolve(performance.now()); }
          });
          obs.observe(main, { subtree: true, childList: true, characterData: true });
        });
        yearButton.click();
        return (await finished) - start;
      }, year));
    }
    const personDays = (await page.locator('.report-figures__item', { hasText: 'Osobodni' }).locator('dd').textContent())?.trim();
    // The storage share: the same year's marks read straight from IndexedDB (getAll on the index the report uses).
    const reads: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      reads.push(await page.evaluate(async (y) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('obecni');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error as Error);
        });
        const unitId = await new Promise<string>((resolve) => {
          const req = db.transaction('units').objectStore('units').getAll();
          req.onsuccess = () => resolve((req.result as { id: string; kind: string }[]).find((u) => u.kind === 'wtz')!.id);
        });
        const start = performance.now();
        const count = await new Promise<number>((resolve) => {
          const req = db.transaction('dayMarks').objectStore('dayMarks').index('[unitId+day]').getAll(IDBKeyRange.bound([unitId, `${y}-01-01`], [unitId, `${y}-12-31`]));
          req.onsuccess = () => resolve((req.result as unknown[]).length);
        });
        const took = performance.now() - start;
        db.close();
        if (count === 0) throw new Error('no marks');
        return took;
      }, year));
    }
    out.push(line(`click "Rok" → year report on screen (${rows} rows, ${personDays} person-days)`, `median ${ms(median(samples))}, p95 ${ms(percentile(samples, 95))} (${RUNS} runs)`,
      { ok: median(samples) <= TARGET_MS, text: `target ≤ ${TARGET_MS} ms` }));
    out.push(line('  for scale: the year\'s marks read raw from IndexedDB (2nd connection, no Dexie cache)', `median ${ms(median(reads))}, p95 ${ms(percentile(reads, 95))} (${RUNS} runs)`));
  } finally {
    await browser.close();
    await server.close();
  }
  out.push(...inProcess(year));
  return out;
}
