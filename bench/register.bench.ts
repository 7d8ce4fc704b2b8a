/**
 * Issue 3's register search, in headless Chromium against the real server: a unit of 2,000
 * participants; typing a surname one letter at a time into the search box; each keystroke is
 * timed from the input event to the end of the re-render (median and p95 over 10 typed names).
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../tests/e2e/harness';
import { signedInPage, startBenchServer } from './server';
import { line, median, ms, percentile } from './stats';

export async function registerBench(): Promise<string[]> {
  const out: string[] = ['register search (issue 3): one unit of 2,000 participants'];
  const server = await startBenchServer({ wtzParticipants: 2000, historyMonths: 1 });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    const page = await signedInPage(browser, server.url);
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Uczestnicy' }).click();
    await page.locator('.person').first().waitFor();
    const total = Number(/z (\d[\d\s]*)/.exec((await page.locator('.count-line').textContent()) ?? '')?.[1]?.replace(/\s/g, '') ?? 0);
    const surnames = (await page.locator('.person__name').allTextContents()).filter((_, i) => i % 10 === 3).slice(0, 10).map((n) => n.split(' ')[0]!);
    const samples = await page.evaluate(async (words) => {
      const input = document.getElementById('register-search') as HTMLInputElement;
      const status = document.querySelector('.count-line') as HTMLElement;
      const times: number[] = [];
      for (const word of words) {
        for (let i = 1; i <= word.length; i += 1) {
          const start = performance.now();
          input.value = word.slice(0, i).toLowerCase();
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // Preact renders in a microtask after the state change: a 0 ms timer fires after it.
          await new Promise((r) => setTimeout(r, 0));
          if (!status.isConnected) throw new Error('the list went away');
          times.push(performance.now() - start);
          await new Promise((r) => setTimeout(r, 30));
        }
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 200));
      }
      return times;
    }, surnames);
    out.push(line(`keystroke to list updated (${total} people, ${samples.length} keys)`, `median ${ms(median(samples))}, p95 ${ms(percentile(samples, 95))}`,
      { ok: median(samples) <= 16, text: 'target ≤ 16 ms per keystroke' }));
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
