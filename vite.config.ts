import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, runnerImport, type Plugin, type ResolvedConfig } from 'vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/**
 * A source module the config needs (the built-ins, the watch build), loaded through Vite's own
 * module runner at run time instead of being bundled with this file: the config bundler would
 * warn, on every `npm start`, about each extensionless import in the app's sources.
 */
async function load<T>(path: string): Promise<T> {
  return (await runnerImport<T>(resolve(ROOT, path), { configFile: false, logLevel: 'silent' })).module;
}

/**
 * The Content-Security-Policy of the built app. No 'unsafe-inline': Lit styles go through
 * constructable stylesheets and every script is a file from our own origin. It is added at
 * build time only, because the dev server injects inline styles for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'unknot-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Headers for hosting (docs/hosting.md). `vite preview` sends them too, so the tests see the
 * header path as well as the meta tag. frame-ancestors only works as a header.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Builds the watch files into <outDir>/watch before the service worker is generated, so its
 * precache list includes them and the watch can be set up offline. Running inside `vite build`
 * keeps the order right for every outDir (the update test builds into a temp folder).
 */
function watchFiles(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'unknot-watch-files',
    apply: 'build',
    configResolved: (resolved) => void (config = resolved),
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler() {
        const { buildWatch } = await load<typeof import('./watch/build')>('watch/build.ts');
        await buildWatch(join(resolve(config.root, config.build.outDir), 'watch'));
      },
    },
  };
}

const version: string =
  process.env.UNKNOT_VERSION ?? (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Cache-Control per path, as docs/hosting.md §4 asks of a host; `vite preview` (`npm start`) sends
 * the same, so what the tests see is what a host is told to do.
 */
export function cacheControl(pathname: string): string {
  if (pathname.startsWith('/assets/')) return 'public, max-age=31536000, immutable'; // content-hashed names
  if (pathname.startsWith('/watch/') || /^\/[^/]+\.(png|ico|svg)$/.test(pathname)) return 'public, max-age=3600';
  return 'no-cache'; // sw.js, the manifest, index.html and every app URL
}

function previewCaching(): Plugin {
  return {
    name: 'unknot-preview-caching',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const value = cacheControl(new URL(req.url ?? '/', 'http://x').pathname);
        // The static server writes its own no-cache in writeHead: ours goes in last.
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
        res.writeHead = ((...args: unknown[]) => {
          const headers = args.find((a): a is Record<string, unknown> => !!a && typeof a === 'object' && !Array.isArray(a));
          if (headers) for (const key of Object.keys(headers)) if (key.toLowerCase() === 'cache-control') delete headers[key];
          res.setHeader('Cache-Control', value);
          return writeHead(...args);
        }) as typeof res.writeHead;
        next();
      });
    },
  };
}

const manifest = (BUILT_INS: typeof import('./src/routine/builtins').BUILT_INS): Partial<ManifestOptions> => ({
  id: '/',
  name: 'Unknot: back spasm routines',
  short_name: 'Unknot',
  description: 'Gentle routines for a lower back spasm, guided eyes-free by voice, beeps and a buzzing watch.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  theme_color: '#1f4e5f',
  background_color: '#f7f5f0',
  categories: ['health', 'medical', 'fitness'],
  icons: [
    { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
    { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
    { src: '/maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  // A long press on the home-screen icon starts a built-in routine straight away.
  shortcuts: BUILT_INS.map(({ routine }) => ({
    name: `Start ${routine.name}`,
    short_name: routine.name,
    url: `/play/${encodeURIComponent(routine.id)}`,
    icons: [{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' }],
  })),
});

export default defineConfig(async () => ({
  plugins: [
    contentSecurityPolicy(),
    watchFiles(),
    previewCaching(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      // src/pwa/sw-updates.ts registers with workbox-window; no injected inline script (CSP).
      injectRegister: false,
      manifest: manifest((await load<typeof import('./src/routine/builtins')>('src/routine/builtins.ts')).BUILT_INS),
      // The glob below already lists the icons; listing them twice only bloats sw.js.
      includeManifestIcons: false,
      injectManifest: {
        // The whole app, its icons and the built watch files; not the source maps. (The plugin adds
        // manifest.webmanifest itself.)
        globPatterns: ['**/*.{js,css,html,svg,png,ico}', 'watch/*'],
        // The BangleApps folder is for proposing the app to BangleApps, not for the installer.
        globIgnores: ['watch/bangleapps/**'],
        // A classic script, so browsers without module service workers run it too.
        rollupFormat: 'iife',
        sourcemap: false,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: { port: 4173, strictPort: true, headers: SECURITY_HEADERS },
}));
