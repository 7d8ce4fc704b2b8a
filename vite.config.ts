import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

// The PWA is built into dist/client and served by our own server (src/server).
// The service worker is ours (src/sw/sw.ts, injectManifest) so that updates ask before reloading.

/** The lazily loaded features: one word each across ui/screens, state and i18n/packs. */
const FEATURES = ['attendance', 'register', 'plan', 'transport', 'meals', 'reports'];

/**
 * Chunks named on purpose: `core` is everything the first page needs (the shell, Today,
 * the core of the state layer and the libraries), checked against the budget by
 * scripts/report-bundle.mjs; each feature's screens and state load as a chunk named after the
 * feature when the section is first opened. Whatever a lazy feature shares with the first page
 * stays in `core` (the group of higher priority takes it first).
 */
const CHUNK_GROUPS = [
  { name: 'core', tags: ['$initial' as const], priority: 2 },
  ...FEATURES.map((feature) => ({
    name: feature,
    test: (id: string) => {
      const path = id.replaceAll('\\', '/');
      return (path.includes(`/src/client/ui/screens/${feature}/`) || path.includes(`/src/client/state/${feature}/`)) && !path.endsWith('/xlsx.ts');
    },
    priority: 1,
  })),
  // Loaded on demand from more than one feature: the English core catalog (named like the packs),
  // the spreadsheet reader of the register's import and the zip code it shares with the XLSX writer.
  { name: 'core.en', test: /[\\/]src[\\/]client[\\/]i18n[\\/]en\.ts$/ },
  { name: 'xlsx-reader', test: /[\\/]node_modules[\\/]read-excel-file[\\/]/ },
  { name: 'zip', test: /[\\/]node_modules[\\/]fflate[\\/]/, priority: 1 },
];

export default defineConfig({
  root: 'src/client',
  publicDir: '../../public',
  build: {
    outDir: '../../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: { output: { entryFileNames: 'assets/core-[hash].js', codeSplitting: { groups: CHUNK_GROUPS } } },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '../sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
      },
      manifest: {
        id: '/',
        name: 'Obecni: obecność i zajęcia w placówce',
        short_name: 'Obecni',
        description: 'Lista obecności, plan zajęć, transport i posiłki w placówkach dziennego pobytu. Działa bez internetu.',
        lang: 'pl',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1d4e89',
        background_color: '#f6f7f9',
        categories: ['productivity', 'medical'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
});
