import type { BundleSizes } from './bundle-sizes.ts';
import type { AllCorporationsTiming } from './quarterly-all.ts';
import type { ScenarioOutcome } from './report.ts';

// Every budget of issue 13 with what this run measured and whether it was met. A budget this run could not
// measure is listed as such, never left out.

export type BudgetCheck = {
  budget: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
};

export type BudgetInputs = {
  outcomes: readonly ScenarioOutcome[];
  coldStartMs: number;
  maxRssMb: number;
  annual: { pdfMs: number; xlsxMs: number } | null;
  quarterlyAll: AllCorporationsTiming | null;
  bundles: BundleSizes | null;
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function checkBudgets(inputs: BudgetInputs): BudgetCheck[] {
  const outcome = (key: string) => inputs.outcomes.find((o) => o.key === key);
  const failed = (o: ScenarioOutcome) => o.result.failedResponses > 0 || o.result.errors > 0;
  const p95 = (key: string, label: string, limitMs: number): BudgetCheck => {
    const o = outcome(key);
    const budget = `${label} p95 ≤ ${limitMs} ms`;
    if (!o) return { budget, measured: 'niet gemeten / not measured', met: null };
    if (failed(o)) return { budget, measured: `mislukt / failed (${o.result.firstFailure})`, met: false };
    return { budget, measured: `${o.result.p95.toFixed(1)} ms`, met: o.result.p95 <= limitMs };
  };
  const detail = outcome('detail');
  const { annual, quarterlyAll, bundles } = inputs;
  const notMeasured = 'niet gemeten / not measured';
  return [
    p95('work_queue', 'werkvoorraad / work queue', 25),
    p95('detail', 'klacht met tijdlijn / detail', 25),
    p95('public_status', 'portaal-status / public status', 25),
    p95('search', 'zoeken / search', 50),
    p95('register', 'registreren / register', 50),
    p95('public_submit', 'portaal-indienen / public submit', 50),
    {
      budget: 'detail req/s ≥ 60 % baseline',
      measured:
        detail?.ratioToBaseline == null ? notMeasured : `${(detail.ratioToBaseline * 100).toFixed(1)} %`,
      met: detail?.ratioToBaseline == null ? null : !failed(detail) && detail.ratioToBaseline >= 0.6,
    },
    p95('quarterly_report', 'kwartaalrapport JSON, 1 corporatie / one corporation,', 300),
    {
      budget: 'kwartaalrapport alle corporaties / all corporations ≤ 2 s',
      measured: quarterlyAll
        ? `${seconds(quarterlyAll.medianMs)} (${quarterlyAll.organizations} org., sector report: grouped SQL per organisation)`
        : notMeasured,
      met: quarterlyAll ? quarterlyAll.medianMs <= 2000 : null,
    },
    {
      budget: 'jaarrapport PDF / annual PDF ≤ 10 s',
      measured: annual ? seconds(annual.pdfMs) : notMeasured,
      met: annual ? annual.pdfMs <= 10_000 : null,
    },
    {
      budget: 'jaarrapport Excel / annual Excel ≤ 10 s',
      measured: annual ? seconds(annual.xlsxMs) : notMeasured,
      met: annual ? annual.xlsxMs <= 10_000 : null,
    },
    {
      budget: 'koude start / cold start ≤ 3 s',
      measured: seconds(inputs.coldStartMs),
      met: inputs.coldStartMs <= 3000,
    },
    {
      budget: 'RSS onder belasting / under load ≤ 300 MB',
      measured: `${inputs.maxRssMb.toFixed(0)} MB`,
      met: inputs.maxRssMb <= 300,
    },
    {
      budget: 'portaal-JS / portal JS ≤ 60 KB gzip',
      measured: bundles ? kb(bundles.portalJsGzipBytes) : notMeasured,
      met: bundles ? bundles.portalJsGzipBytes <= 60 * 1024 : null,
    },
    {
      budget: 'backoffice initiële JS / back office initial JS ≤ 300 KB gzip',
      measured: bundles ? kb(bundles.backOffice.initialJsGzipBytes) : notMeasured,
      met: bundles ? bundles.backOffice.initialJsGzipBytes <= 300 * 1024 : null,
    },
  ];
}

export function formatBudgets(checks: readonly BudgetCheck[]): string {
  const verdict = (met: boolean | null) => (met === null ? '–' : met ? 'ja' : 'nee');
  return [
    '| budget (issue 13) | gemeten | gehaald |',
    '|---|---:|---|',
    ...checks.map((c) => `| ${c.budget} | ${c.measured} | ${verdict(c.met)} |`),
  ].join('\n');
}
