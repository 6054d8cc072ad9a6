/** Serves the production build (dist/) the way `npm start` does, on a free localhost port. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** `port` 0 picks a free one; a fixed port serves a second build on the same origin (update tests). */
export async function serveDist(distDir = 'dist', port = 0): Promise<Served> {
  const root = resolve(import.meta.dirname, '../..');
  const outDir = resolve(root, distDir);
  if (!existsSync(resolve(outDir, 'index.html'))) {
    throw new Error(`${outDir}/index.html is missing: run \`npm run build\` first.`);
  }
  const server: PreviewServer = await preview({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir },
    preview: { port, strictPort: port !== 0, host: '127.0.0.1', open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://localhost:${address.port}`,
    close: () => server.close(),
  };
}
