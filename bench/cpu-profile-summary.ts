// `npx node bench/cpu-profile-summary.ts <file.cpuprofile> [--top N]`: what a V8 CPU profile (`npm run bench --
// --only … --cpu-prof DIR`) spent its time on: the share of each phase (the nearest caller with a source file
// decides the phase of native code such as JSON.stringify or a socket write) and the functions with the most
// self time. Idle time is left out of the shares. See docs/performance.md.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Phases by source file, first match wins; the function name decides for natives without a file. */
const PHASES: [string, RegExp][] = [
  ['PostgreSQL-protocol (pg)', /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//],
  ['SQL bouwen (kysely)', /node_modules\/kysely\//],
  ['validatie (zod)', /node_modules\/zod\//],
  [
    'HTTP (fastify, node:http)',
    /node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fast-json-stringify|secure-json-parse|fast-querystring)\/|node:_http|node:http/,
  ],
  ['logging (pino)', /node_modules\/(pino|sonic-boom|thread-stream)/],
  ['argon2', /argon2/],
  ['portal (pagina, formulier)', /src\/server\/modules\/portal\//],
  ['registratie (complaints)', /src\/server\/modules\/complaints\//],
  ['berichten/outbox (messages)', /src\/server\/modules\/messages\//],
  ['integratie-event', /src\/server\/modules\/integrations\//],
  ['toegangslog', /src\/server\/modules\/access-log\//],
  ['sessie/principal, tenant-scope', /src\/server\/(http|db|modules\/auth|modules\/identity)\//],
  ['domein (termijn, kalender)', /src\/domain\//],
  ['overige app-code', /src\//],
  ['overige node_modules', /node_modules\//],
  ['node-kern (net, stream, timers)', /^node:/],
];

function phaseOf(url: string): string | null {
  if (url === '') return null;
  for (const [name, pattern] of PHASES) if (pattern.test(url)) return name;
  return 'overig';
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '15' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: npx node bench/cpu-profile-summary.ts <file.cpuprofile> [--top N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const special = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
const phases = new Map<string, number>();
const functions = new Map<string, number>();
let busy = 0;
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  if (!node) continue;
  const name = node.callFrame.functionName || '(anonymous)';
  if (name === '(idle)') continue;
  busy += us;
  let phase: string | null = special.has(name) ? name : phaseOf(node.callFrame.url);
  for (let up = parent.get(id); phase === null && up !== undefined; up = parent.get(up))
    phase = phaseOf(byId.get(up)?.callFrame.url ?? '');
  phases.set(phase ?? 'overig', (phases.get(phase ?? 'overig') ?? 0) + us);
  const where = node.callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/');
  const key = `${name} ${where ? `(${where}:${node.callFrame.lineNumber + 1})` : '(native)'}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
}

const pct = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
console.log(`busy (not idle) ${(busy / 1e6).toFixed(2)} s of CPU in ${file}\n`);
console.log('| fase | aandeel |\n|---|---:|');
for (const [name, us] of [...phases].sort((a, b) => b[1] - a[1])) console.log(`| ${name} | ${pct(us)} |`);
console.log('\n| functie (zelftijd) | aandeel |\n|---|---:|');
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`| ${name.replace(/\|/g, '\\|')} | ${pct(us)} |`);
