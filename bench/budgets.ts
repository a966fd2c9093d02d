import type { LoadRecord } from '../src/server/seed/load-phases.ts';
import type { BundleSizes } from './bundle-sizes.ts';
import type { OutboxThroughput } from './outbox-throughput.ts';
import type { AllCorporationsTiming } from './quarterly-all.ts';
import type { ScenarioOutcome } from './report.ts';

// Every budget of issue 13 (work queue, detail and status page as issue 24 judges them) with what this run
// measured and whether it was met. A budget this run could not
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
  outbox: OutboxThroughput | null;
  /** The data set's load as recorded in its seed-summary.json (also when this run reused it). */
  dataLoad?: DataLoad | null;
};

/**
 * Issue 24: a p95 budget with a baseline twin is met when the p95 is within the limit, or — when the bare
 * baseline's own p95 in the same run is already above the limit (load generator, server and PostgreSQL share
 * the cores) — when it is at most `timesBaseline` × the baseline's p95.
 */
export type P95Judgement = {
  met: boolean;
  /** The baseline's p95 in the same run, when the scenario has one that was measured. */
  baselineP95: number | null;
  /** p95 / baseline p95. */
  ratio: number | null;
};

export function judgeP95(
  p95: number,
  limitMs: number,
  baselineP95: number | null,
  timesBaseline?: number,
): P95Judgement {
  const ratio = baselineP95 !== null && baselineP95 > 0 ? p95 / baselineP95 : null;
  const byBaseline =
    timesBaseline !== undefined &&
    baselineP95 !== null &&
    baselineP95 > limitMs &&
    p95 <= timesBaseline * baselineP95;
  return { met: p95 <= limitMs || byBaseline, baselineP95, ratio };
}

/** "29.5 ms; baseline 31.9 ms (0.92 ×)": both figures and the ratio. */
export function describeP95(p95: number, judgement: P95Judgement): string {
  const own = `${p95.toFixed(1)} ms`;
  if (judgement.baselineP95 === null) return own;
  const ratio = judgement.ratio === null ? '' : ` (${judgement.ratio.toFixed(2)} ×)`;
  return `${own}; baseline ${judgement.baselineP95.toFixed(1)} ms${ratio}`;
}

export function p95BudgetText(limitMs: number, timesBaseline?: number): string {
  return timesBaseline === undefined
    ? `p95 ≤ ${limitMs} ms`
    : `p95 ≤ ${limitMs} ms (of / or ≤ ${timesBaseline} × baseline-p95 > ${limitMs} ms)`;
}

export type DataLoad = {
  scale: string;
  /** Corporations loaded, and how many the scale has (a --limit load is only a part). */
  organizations: number;
  plannedOrganizations: number;
  record: LoadRecord | null;
  reused: boolean;
};

/** Issue 24: the whole national data set loads in at most 10 minutes (on an idle 2-core machine). */
export const NATIONAL_LOAD_BUDGET_SECONDS = 600;

export function checkNationalLoad(load: DataLoad | null | undefined): BudgetCheck {
  const budget = 'landelijke dataset laden / national load ≤ 10 min';
  const record = load?.record ?? null;
  if (load?.scale !== 'national' || record === null)
    return { budget, measured: 'niet gemeten / not measured', met: null };
  const minutes = Math.floor(record.seconds / 60);
  const rest = Math.round(record.seconds - minutes * 60);
  const cpu =
    record.postgresCpuSeconds === null
      ? `CPU Node ${record.nodeCpuSeconds.toFixed(0)} s`
      : `CPU Node ${record.nodeCpuSeconds.toFixed(0)} s + PostgreSQL ${record.postgresCpuSeconds.toFixed(0)} s`;
  const measured =
    `${minutes} min ${String(rest).padStart(2, '0')} s (load average ${record.loadAverage.before.toFixed(1)} → ` +
    `${record.loadAverage.after.toFixed(1)}, ${record.cores} cores; ${cpu}${load.reused ? `; ${record.startedAt ? `recorded ${record.startedAt.slice(0, 16)}` : 'recorded earlier'}` : ''})`;
  if (load.organizations < load.plannedOrganizations)
    return {
      budget,
      measured: `${measured}: ${load.organizations}/${load.plannedOrganizations} corporaties (--limit)`,
      met: null,
    };
  return { budget, measured, met: record.seconds <= NATIONAL_LOAD_BUDGET_SECONDS };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function checkBudgets(inputs: BudgetInputs): BudgetCheck[] {
  const outcome = (key: string) => inputs.outcomes.find((o) => o.key === key);
  const failed = (o: ScenarioOutcome) => o.result.failedResponses > 0 || o.result.errors > 0;
  const p95 = (key: string, label: string, limitMs: number): BudgetCheck => {
    const o = outcome(key);
    const timesBaseline = o?.budgetP95TimesBaseline;
    const budget = `${label} ${p95BudgetText(limitMs, timesBaseline)}`;
    if (!o) return { budget, measured: 'niet gemeten / not measured', met: null };
    if (failed(o)) return { budget, measured: `mislukt / failed (${o.result.firstFailure})`, met: false };
    const base = timesBaseline === undefined || !o.baselineKey ? undefined : outcome(o.baselineKey);
    const baselineP95 = base && !failed(base) ? base.result.p95 : null;
    const judgement = judgeP95(o.result.p95, limitMs, baselineP95, timesBaseline);
    return { budget, measured: describeP95(o.result.p95, judgement), met: judgement.met };
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
    rssInEveryScenario(inputs.outcomes),
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
    outboxBudget(inputs.outbox),
    checkNationalLoad(inputs.dataLoad),
  ];
}

/** Issue 24: one outbox worker against a local SMTP server, beside raw pooled nodemailer in the same run. */
function outboxBudget(outbox: OutboxThroughput | null): BudgetCheck {
  const budget = 'outbox ≥ 100 msg/s per worker';
  if (!outbox) return { budget, measured: 'niet gemeten / not measured', met: null };
  return {
    budget,
    measured:
      `${outbox.messagesPerSecond.toFixed(0)} msg/s, ${outbox.cpuMsPerMessage.toFixed(2)} ms CPU/msg ` +
      `(baseline raw SMTP ${outbox.baselineMessagesPerSecond.toFixed(0)} msg/s, ${outbox.baselineCpuMsPerMessage.toFixed(2)} ms CPU/msg)`,
    met: outbox.messagesPerSecond >= 100,
  };
}

export function formatBudgets(checks: readonly BudgetCheck[]): string {
  const verdict = (met: boolean | null) => (met === null ? '–' : met ? 'ja' : 'nee');
  return [
    '| budget (issue 13) | gemeten | gehaald |',
    '|---|---:|---|',
    ...checks.map((c) => `| ${c.budget} | ${c.measured} | ${verdict(c.met)} |`),
  ].join('\n');
}

/** Issue 24: the highest resident memory sampled in each scenario that ran against the app, all ≤ 300 MB. */
function rssInEveryScenario(outcomes: readonly ScenarioOutcome[]): BudgetCheck {
  const sampled = outcomes.filter((o) => o.result.maxRssMb !== null);
  const rss = (o: ScenarioOutcome) => o.result.maxRssMb ?? 0;
  const highest = sampled.reduce<ScenarioOutcome | null>(
    (a, o) => (a === null || rss(o) > rss(a) ? o : a),
    null,
  );
  return {
    budget: 'RSS onder belasting, elk scenario / under load, every scenario ≤ 300 MB',
    measured:
      highest === null ? 'niet gemeten / not measured' : `${rss(highest).toFixed(0)} MB (${highest.name})`,
    met: highest === null ? null : sampled.every((o) => rss(o) <= 300),
  };
}
