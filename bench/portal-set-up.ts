import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type pg from 'pg';
import { sha256Hex, signFormToken } from '../src/server/modules/portal/forms/form-token.ts';

// What the public portal scenarios need before they run: signed form tokens (each nonce registers one
// complaint, so every submission needs its own form) and status links to look up.

/** GET of the complaint form as a citizen's browser does it; the page carries a fresh signed token. */
export function fetchFormToken(port: number, hostname: string, forwardedFor: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/klacht',
        headers: { host: hostname, 'x-forwarded-for': forwardedFor },
      },
      (res) => {
        let html = '';
        res.on('data', (chunk: Buffer) => {
          html += chunk.toString();
        });
        res.on('end', () => {
          const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
          if (res.statusCode !== 200 || token === undefined)
            return reject(new Error(`complaint form not served: ${res.statusCode} ${html.slice(0, 300)}`));
          resolve(token);
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * Form tokens fetched before a measured run, so fetching them is not measured. Should a run outlast the
 * pool, further tokens are signed here with the corporation's form secret (what the form page does) and
 * counted, so the report can say so.
 */
export class FormTokenPool {
  private readonly tokens: string[] = [];
  private readonly secret: Buffer;
  minted = 0;

  constructor(secret: Buffer) {
    this.secret = secret;
  }

  async fill(target: { port: number; hostname: string }, count: number, concurrency = 4) {
    let fetched = 0;
    const worker = async () => {
      while (fetched < count) {
        fetched += 1;
        this.tokens.push(await fetchFormToken(target.port, target.hostname, citizenAddress(fetched)));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  get size() {
    return this.tokens.length;
  }

  take(): string {
    const token = this.tokens.pop();
    if (token !== undefined) return token;
    this.minted += 1;
    // Older than any minimum fill time, as a person's form would be.
    return signFormToken(this.secret, {
      nonce: randomBytes(32).toString('base64url'),
      issuedAt: Date.now() - 60_000,
    });
  }
}

export async function readFormSecret(owner: pg.Client, organizationId: string): Promise<Buffer> {
  const { rows } = await owner.query<{ form_secret: Buffer }>(
    'select form_secret from portal_settings where organization_id = $1',
    [organizationId],
  );
  const secret = rows[0]?.form_secret;
  if (!secret) throw new Error('the organisation has no portal settings yet: fetch a portal page first');
  return secret;
}

/**
 * A distinct client address per request (the server runs with TRUST_PROXY): the portal's per-address
 * limits are meant for one person, while the benchmark stands in for many citizens behind one proxy.
 */
export function citizenAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export type PortalUnit = { postcode: string; houseNumber: number; addition: string | null };

export async function loadPortalUnits(owner: pg.Client, organizationId: string): Promise<PortalUnit[]> {
  const { rows } = await owner.query<PortalUnit>(
    `select postcode, house_number as "houseNumber", house_number_addition as addition from unit
     where organization_id = $1 order by id limit 500`,
    [organizationId],
  );
  return rows;
}

/** The body the form posts (application/x-www-form-urlencoded), filled in as a tenant would. */
export function portalFormBody(formToken: string, n: number, unit: PortalUnit | undefined): string {
  const fields: Record<string, string> = {
    formToken,
    website: '',
    topic: 'complaint',
    onBehalf: 'self',
    relation: 'tenant',
    name: `Bewoner ${n}`,
    email: `bewoner${n}@benchmark.example`,
    phone: '',
    preferredContact: 'email',
    postcode: unit?.postcode ?? '',
    houseNumber: unit ? String(unit.houseNumber) : '',
    addition: unit?.addition ?? '',
    // No search term of the benchmark in it (see scenarios.ts)
    description: `Benchmark ${n}: de afspraak over de tuinafscheiding is twee keer verzet zonder bericht vooraf.`,
    desiredOutcome: 'Dat er deze week iemand komt en dat ik vooraf word gebeld.',
  };
  return new URLSearchParams(fields).toString();
}

/**
 * Status links for existing complaints, created as the owner the way the portal stores them (only the
 * token's hash): the seeded complaints came in through every channel, not only the portal, so they have
 * none. Picks complaints whose link is still valid: open, or closed less than a week ago.
 */
export async function createStatusLinks(
  owner: pg.Client,
  organizationId: string,
  count: number,
): Promise<string[]> {
  const { rows } = await owner.query<{ id: string }>(
    `select id from complaint where organization_id = $1
       and (closed_at is null or closed_at > now() - interval '7 days')
     order by received_at desc limit $2`,
    [organizationId, count],
  );
  const tokens = rows.map(() => randomBytes(32).toString('base64url'));
  await owner.query(
    `insert into complaint_status_link (organization_id, complaint_id, token_hash)
     select $1, complaint_id, token_hash from unnest($2::uuid[], $3::text[]) as t(complaint_id, token_hash)`,
    [organizationId, rows.map((r) => r.id), tokens.map(sha256Hex)],
  );
  return tokens;
}
