import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) twin of every text file the build emits, once, at the highest
 * level; the server hands them out by the browser's Accept-Encoding (@fastify/static `preCompressed`),
 * so no request pays for compression (decision 026).
 */
function precompress(): Plugin {
  return {
    name: 'gehoord-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? '';
      for (const file of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const item = bundle[file];
        if (item === undefined) continue;
        const body = Buffer.from(item.type === 'chunk' ? item.code : item.source);
        if (body.length < 1024) continue;
        const target = path.join(outDir, file);
        writeFileSync(
          `${target}.br`,
          brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
        writeFileSync(`${target}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

// The web app lives in src/web and is built to dist/web, which the server serves.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Zod and the module that makes it jitless share one chunk, so `z.config({ jitless: true })` runs
          // before any chunk builds a schema (no CSP 'unsafe-eval' probe, issue 22). Split apart, a shared
          // chunk with zod and the contract ran before the entry's first import.
          groups: [
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]web[\\/]lib[\\/]zod-jitless\.ts$/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://localhost:${process.env.PORT ?? 3000}`,
      '/health': `http://localhost:${process.env.PORT ?? 3000}`,
    },
  },
});
