import type { Request } from 'autocannon';

// What `npm run bench` measures. Each app scenario goes through the real server over loopback as a signed-in
// employee of one corporation; three of them have a baseline twin running the same SQL on a bare server.

export type Target = 'app' | 'baseline';

export type Scenario = {
  key: string;
  name: string;
  target: Target;
  /** The baseline scenario whose throughput this one is compared with. */
  baselineKey?: string;
  /** Budget of issue 13 for p95 latency (national data set). */
  budgetP95Ms?: number;
  /** Budget of issue 13 for throughput as a share of the baseline's. */
  budgetShareOfBaseline?: number;
  request: Request;
};

export type ScenarioData = {
  cookie: string;
  origin: string;
  complaintIds: readonly string[];
  personIds: readonly string[];
  searchTerms: readonly string[];
};

function rotating<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length] as T;
}

export function buildScenarios(data: ScenarioData): Scenario[] {
  const auth = { cookie: data.cookie };
  const nextId = rotating(data.complaintIds);
  const nextBaselineId = rotating(data.complaintIds);
  const nextTerm = rotating(data.searchTerms);
  const nextBaselineTerm = rotating(data.searchTerms);
  const nextPerson = rotating(data.personIds);
  let registered = 0;
  const runId = Date.now().toString(36);
  return [
    {
      key: 'baseline_work_queue',
      name: 'baseline: werkvoorraad-SQL',
      target: 'baseline',
      request: { method: 'GET', path: '/work-queue' },
    },
    {
      key: 'work_queue',
      name: 'werkvoorraad (eerste pagina)',
      target: 'app',
      baselineKey: 'baseline_work_queue',
      budgetP95Ms: 25,
      request: { method: 'GET', path: '/api/complaints', headers: auth },
    },
    {
      key: 'baseline_detail',
      name: 'baseline: detail-SQL',
      target: 'baseline',
      request: {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: `/detail/${nextBaselineId()}` }),
      },
    },
    {
      key: 'detail',
      name: 'klacht met tijdlijn',
      target: 'app',
      baselineKey: 'baseline_detail',
      budgetP95Ms: 25,
      budgetShareOfBaseline: 0.6,
      request: {
        method: 'GET',
        headers: auth,
        setupRequest: (request) => ({ ...request, path: `/api/complaints/${nextId()}` }),
      },
    },
    {
      key: 'baseline_search',
      name: 'baseline: zoek-SQL',
      target: 'baseline',
      request: {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/work-queue?q=${encodeURIComponent(nextBaselineTerm())}`,
        }),
      },
    },
    {
      key: 'search',
      name: 'zoeken (q=)',
      target: 'app',
      baselineKey: 'baseline_search',
      budgetP95Ms: 50,
      request: {
        method: 'GET',
        headers: auth,
        setupRequest: (request) => ({
          ...request,
          path: `/api/complaints?q=${encodeURIComponent(nextTerm())}`,
        }),
      },
    },
    {
      key: 'register',
      name: 'klacht registreren (POST)',
      target: 'app',
      budgetP95Ms: 50,
      request: {
        method: 'POST',
        path: '/api/complaints',
        headers: { ...auth, origin: data.origin, 'content-type': 'application/json' },
        setupRequest: (request) => {
          registered += 1;
          return {
            ...request,
            body: JSON.stringify({
              channel: 'phone',
              complainantId: nextPerson(),
              description: `Benchmark ${runId}-${registered}: de lekkage in de badkamer is na de reparatie teruggekomen en er zit nu schimmel op het plafond.`,
              desiredOutcome: 'Dat de lekkage echt verholpen wordt.',
            }),
          };
        },
      },
    },
  ];
}
