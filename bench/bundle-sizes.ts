import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { portalAssetSizes } from '../src/server/modules/portal/assets/portal-assets.ts';
import { ROOT } from './gehoord-process.ts';

// Bundle sizes of issue 13: the portal's script and the back office's *initial* JavaScript — what a browser
// must load before the first screen: the entry script of index.html plus the chunks Vite preloads with it
// (its static imports, `<link rel="modulepreload">`). Lazy chunks load later and are not counted.
// Gzip at level 9, as the server compresses the portal's assets.

export type BundleSizes = {
  portalJsGzipBytes: number;
  portalJsBytes: number;
  backOffice: {
    initialJsGzipBytes: number;
    initialJsBytes: number;
    initialFiles: string[];
    allJsGzipBytes: number;
    buildSeconds: number;
  };
};

const gzipSize = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/** Builds the back office with the project's Vite config into a directory of its own (dist/web is left alone). */
export async function measureBundleSizes(): Promise<BundleSizes> {
  const portal = portalAssetSizes().find((asset) => asset.file === 'portal.js');
  if (!portal) throw new Error('portal.js not found');
  const outDir = path.join(ROOT, 'data', 'bench', `web-build-${process.pid}`);
  const started = performance.now();
  const build = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', '--sourcemap', 'false'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}${build.stdout}`);
  const buildSeconds = (performance.now() - started) / 1000;
  try {
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]);
    const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map(
      (m) => m[1],
    );
    const initialFiles = [...new Set([...entries, ...preloads])] as string[];
    if (entries.length === 0) throw new Error('no entry script in the built index.html');
    const read = (url: string) => readFileSync(path.join(outDir, url.replace(/^\//, '')));
    const initial = initialFiles.map(read);
    const allJs = readdirSync(path.join(outDir, 'assets'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(path.join(outDir, 'assets', file)));
    return {
      portalJsGzipBytes: portal.gzipBytes,
      portalJsBytes: portal.bytes,
      backOffice: {
        initialJsGzipBytes: initial.reduce((sum, body) => sum + gzipSize(body), 0),
        initialJsBytes: initial.reduce((sum, body) => sum + body.length, 0),
        initialFiles,
        allJsGzipBytes: allJs.reduce((sum, body) => sum + gzipSize(body), 0),
        buildSeconds,
      },
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
