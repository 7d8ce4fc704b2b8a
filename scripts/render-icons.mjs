// Renders the PNG app icons from the SVG sources with headless Chromium (run once when the SVGs change).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const [src, out, size] of [['icon.svg','icon-192.png',192],['icon.svg','icon-512.png',512],['icon-maskable.svg','icon-maskable-512.png',512]]) {
  const p = await b.newPage({ viewport: { width: size, height: size } });
  const svg = readFileSync('public/icons/' + src, 'utf8');
  await p.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await p.screenshot({ path: 'public/icons/' + out, omitBackground: true });
}
await b.close();
