import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { chooseEncoding } from '../../../http/compression.ts';

// The portal's own stylesheet and script: small, hand-written, separate from the back office's bundle.
// Served with a content hash in the query string, so a browser may keep them for a year.

type Asset = { body: Buffer; gzip: Buffer; brotli: Buffer; type: string; hash: string };

const ASSET_DIR = import.meta.dirname;

function loadAsset(file: string, type: string): Asset {
  const body = readFileSync(path.join(ASSET_DIR, file));
  return {
    body,
    gzip: gzipSync(body, { level: 9 }),
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }),
    type,
    hash: createHash('sha256').update(body).digest('hex').slice(0, 12),
  };
}

let loaded: Record<string, Asset> | null = null;
function portalAssets(): Record<string, Asset> {
  loaded ??= {
    'portal.css': loadAsset('portal.css', 'text/css; charset=utf-8'),
    'portal.js': loadAsset('portal.js', 'text/javascript; charset=utf-8'),
  };
  return loaded;
}

/** The versioned addresses pages link to. */
export function portalAssetUrls(): { css: string; js: string } {
  const assets = portalAssets();
  return {
    css: `/portal-assets/portal.css?v=${assets['portal.css']?.hash}`,
    js: `/portal-assets/portal.js?v=${assets['portal.js']?.hash}`,
  };
}

export function registerPortalAssets(app: FastifyInstance): { css: string; js: string } {
  const assets = portalAssets();
  app.get<{ Params: { file: string }; Querystring: { v?: string } }>(
    '/portal-assets/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const asset = assets[request.params.file];
      if (asset === undefined) return reply.callNotFound();
      const versioned = request.query.v === asset.hash;
      reply
        .type(asset.type)
        .header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
        .header('etag', `"${asset.hash}"`)
        .header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === `"${asset.hash}"`) return reply.code(304).send();
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      if (encoding === 'br') return reply.header('content-encoding', 'br').send(asset.brotli);
      if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(asset.gzip);
      return reply.send(asset.body);
    },
  );
  return portalAssetUrls();
}

/** Sizes for the documentation (the issue asks for the script's size: under 60 KB gzipped). */
export function portalAssetSizes() {
  return ['portal.css', 'portal.js'].map((file) => {
    const asset = loadAsset(file, '');
    return {
      file,
      bytes: asset.body.length,
      gzipBytes: asset.gzip.length,
      brotliBytes: asset.brotli.length,
    };
  });
}
