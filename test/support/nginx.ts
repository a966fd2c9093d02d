import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
export const NGINX = '/usr/sbin/nginx';
/** The documented site (docs/operations.md); the test runs exactly this file with its own ports and paths. */
export const NGINX_SITE = path.join(root, 'docs/operations/nginx-gehoord.conf');

/** A self-signed certificate for 127.0.0.1 (one day), made with openssl. */
export async function makeCertificate(dir: string) {
  const certificate = path.join(dir, 'fullchain.pem');
  const key = path.join(dir, 'privkey.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    certificate,
  ]);
  return { certificate, key, ca: await readFile(certificate, 'utf8') };
}

/** The site file with the test's values put in place of the documented ones; each must be found. */
export async function renderSite(values: {
  webPorts: [number, number];
  listenPort: number;
  certificate: string;
  key: string;
  accessLog: string;
}): Promise<string> {
  let site = await readFile(NGINX_SITE, 'utf8');
  const replace = (from: string, to: string) => {
    if (!site.includes(from)) throw new Error(`${NGINX_SITE} no longer has "${from}"`);
    site = site.replaceAll(from, to);
  };
  replace('127.0.0.1:3001', `127.0.0.1:${values.webPorts[0]}`);
  replace('127.0.0.1:3002', `127.0.0.1:${values.webPorts[1]}`);
  replace('listen 443 ssl;', `listen 127.0.0.1:${values.listenPort} ssl;`);
  replace('server_name klachten.example.nl;', 'server_name 127.0.0.1;');
  replace('/etc/ssl/gehoord/fullchain.pem', values.certificate);
  replace('/etc/ssl/gehoord/privkey.pem', values.key);
  replace('/var/log/nginx/gehoord.access.log', values.accessLog);
  return site;
}

export type Nginx = { child: ChildProcess; accessLog: string; output: () => string; stop(): Promise<void> };

/**
 * nginx in the foreground with its own prefix (a temporary directory): pid, error log and temporary files
 * there. As root the workers would switch to `nobody`, who cannot use the temporary directory: `user root`.
 */
export async function startNginx(
  dir: string,
  site: { webPorts: [number, number]; listenPort: number; certificate: string; key: string },
): Promise<Nginx> {
  const accessLog = path.join(dir, 'access.log');
  await writeFile(path.join(dir, 'gehoord.conf'), await renderSite({ ...site, accessLog }));
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  await writeFile(
    path.join(dir, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 512; }',
      'http {',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp),
      `  include ${path.join(dir, 'gehoord.conf')};`,
      '}',
    ].join('\n'),
  );
  let output = '';
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`nginx did not listen:\n${output}`);
    const listening = await new Promise<boolean>((resolve) => {
      const socket = http.request({ host: '127.0.0.1', port: site.listenPort, method: 'HEAD', path: '/' });
      socket.on('response', () => resolve(true)).on('error', () => resolve(false));
      socket.end();
    });
    if (listening) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    accessLog,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One HTTP(S) request from a chosen loopback address (127.0.0.x), so the proxy and the app see different
 * clients; `agent` keeps the client's connections. Rejects on a connection error or timeout.
 */
export function request(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    agent: http.Agent;
    localAddress: string;
    timeoutMs?: number;
  },
): Promise<Reply> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: options.agent,
        localAddress: options.localAddress,
        timeout: options.timeoutMs ?? 15_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(options.body);
  });
}
