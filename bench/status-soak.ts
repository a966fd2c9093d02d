import pg from 'pg';
import type { ScaleName } from '../src/server/seed/scales.ts';
import { loadBenchContext } from './bench-context.ts';
import { dataDirFor } from './data-set.ts';
import { embeddedOwnerUrl, startGehoord } from './gehoord-process.ts';
import { readRssMb, runLoad } from './load-run.ts';
import { citizenAddress, createStatusLinks, fetchFormToken } from './portal-set-up.ts';

// `node bench/status-soak.ts [seconds] [scale]`: the public status page alone, every request from its own
// client address, on a data set an earlier `npm run bench -- --scale <scale>` kept (default medium, 90 s).
// Prints the pages asked, the distinct addresses, and the server's resident memory before and at its highest
// (issue 24: a fresh server, so what grows is the status page's own doing).

const seconds = Number(process.argv[2] ?? 90);
const dataDir = dataDirFor((process.argv[3] ?? 'medium') as ScaleName, 1);
const server = await startGehoord(dataDir, {
  TRUST_PROXY: 'true',
  PORTAL_SUBMISSIONS_PER_IP_PER_HOUR: '100000',
  PORTAL_SUBMISSIONS_PER_HOUR: '1000000',
  PORTAL_MINIMUM_FILL_SECONDS: '0',
});
const client = new pg.Client({ connectionString: embeddedOwnerUrl(dataDir) });
try {
  await client.connect();
  const { organization: org } = await loadBenchContext(client);
  await fetchFormToken(server.port, org.hostname, citizenAddress(0));
  const tokens = await createStatusLinks(client, org.id, 200);
  const pid = server.child.pid as number;
  const rssBefore = readRssMb(pid);
  let n = 0;
  const result = await runLoad({
    url: `http://127.0.0.1:${server.port}`,
    connections: 10,
    warmupSeconds: 3,
    seconds,
    rssPid: pid,
    cpuPid: pid,
    request: {
      setupRequest: (request) => {
        n += 1;
        return {
          ...request,
          method: 'GET',
          path: `/klacht/status/${tokens[n % tokens.length]}`,
          headers: { host: org.hostname, 'x-forwarded-for': citizenAddress(n) },
        };
      },
    },
  });
  console.log(
    JSON.stringify({
      addresses: n,
      requests: result.requests,
      failed: result.failedResponses,
      errors: result.errors,
      rssBefore,
      maxRss: result.maxRssMb,
      rssAfter: readRssMb(pid),
      nodeCpuMsPerRequest: result.nodeCpuMsPerRequest,
    }),
  );
} finally {
  await client.end();
  await server.stop();
}
