// The built PWA (npm run build → dist/client): the manifest makes it installable in Polish, and the
// service worker precaches everything the app shell needs to open with the network off.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = resolve(import.meta.dirname, '../../dist/client');
const read = (file: string) => {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${file} is missing from dist/client: run npm run build first`);
  return readFileSync(path, 'utf8');
};

describe('built PWA', () => {
  it('has an installable Polish web manifest with 192, 512 and maskable icons that exist', () => {
    const manifest = JSON.parse(read('manifest.webmanifest')) as {
      lang: string; display: string; name: string; short_name: string; description: string; theme_color: string; start_url: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest.lang).toBe('pl');
    expect(manifest.display).toBe('standalone');
    expect(manifest.short_name).toBe('Obecni');
    expect(manifest.description).toMatch(/obecności/);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.start_url).toBe('/');
    const sizes = manifest.icons.map((i) => `${i.sizes}:${i.purpose ?? 'any'}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
    for (const icon of manifest.icons) expect(existsSync(join(DIST, icon.src))).toBe(true);
  });

  it('links the manifest from index.html, which declares Polish and loads no inline script', () => {
    const html = read('index.html');
    expect(html).toMatch(/<html[^>]*lang="pl"/);
    expect(html).toContain('rel="manifest"');
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => (m[1] ?? '').trim() !== '');
    expect(inlineScripts).toHaveLength(0);
  });

  it('precaches index.html, the manifest and every script and stylesheet index.html loads', () => {
    const sw = read('sw.js');
    const html = read('index.html');
    const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    for (const url of ['index.html', 'manifest.webmanifest', ...assets]) expect(sw).toContain(`"${url}"`);
  });

  it('precaches the lazily loaded screens too, so they open offline', () => {
    const sw = read('sw.js');
    const html = read('index.html');
    const lazyChunks = [...new Set([...sw.matchAll(/"(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? ''))].filter((u) => !html.includes(u));
    expect(lazyChunks.length).toBeGreaterThan(0);
  });
});

describe('bundle chunks', () => {
  it('CHUNK-NAMES: the first page loads the core chunk, and each lazy feature is a chunk named after it', () => {
    const html = read('index.html');
    const initial = [...html.matchAll(/(?:src|href)="\/?assets\/([^"]+)\.js"/g)].map((m) => (m[1] ?? '').replace(/-[\w-]{8}$/, ''));
    expect(initial).toContain('core');
    const sw = read('sw.js');
    const chunks = new Set([...sw.matchAll(/"assets\/([^"]+)\.js"/g)].map((m) => (m[1] ?? '').replace(/-[\w-]{8}$/, '')));
    for (const feature of ['attendance', 'register', 'plan', 'transport', 'meals', 'reports']) {
      expect(chunks).toContain(feature);
      expect(chunks).toContain(`${feature}.pl`);
      expect(initial).not.toContain(feature);
    }
  });
});
