import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

// Server-side request forgery guard for every request Gehoord makes on an admin's behalf (webhooks):
// no loopback, private, link-local, carrier-grade NAT, multicast or unspecified targets unless allowed.

const blocked = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  const family = net.isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class OutboundRefused extends Error {
  readonly reason: 'scheme' | 'private_network' | 'unresolvable';
  constructor(reason: 'scheme' | 'private_network' | 'unresolvable', message: string) {
    super(message);
    this.name = 'OutboundRefused';
    this.reason = reason;
  }
}

/** Resolves the URL's host and refuses private targets; returns the address to connect to. */
export async function resolveSafeTarget(url: URL, allowPrivateNetwork: boolean): Promise<string> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundRefused('scheme', 'only http and https');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (net.isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new OutboundRefused('unresolvable', `cannot resolve ${host}`);
    }
  }
  if (!allowPrivateNetwork && addresses.some(isPrivateAddress)) {
    throw new OutboundRefused('private_network', `${host} is a private, loopback or link-local address`);
  }
  const first = addresses[0];
  if (first === undefined) throw new OutboundRefused('unresolvable', `cannot resolve ${host}`);
  return first;
}

export type OutboundResponse = { status: number; body: string };

/**
 * POSTs with a time-out and a response size limit, connecting to the address that was checked (so a DNS
 * answer cannot change between the check and the connection).
 */
export async function postSafely(
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivateNetwork: boolean; timeoutMs?: number; maxResponseBytes?: number },
): Promise<OutboundResponse> {
  const address = await resolveSafeTarget(url, options.allowPrivateNetwork);
  const client = url.protocol === 'https:' ? https : http;
  const maxBytes = options.maxResponseBytes ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
        lookup: (_hostname, _options, callback) => callback(null, [{ address, family: net.isIP(address) }]),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= maxBytes) chunks.push(chunk);
          else response.destroy();
        });
        response.on('close', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
