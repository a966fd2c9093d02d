import { describeP95, judgeP95, p95BudgetText } from './budgets.ts';
import type { LoadResult } from './load-run.ts';
import type { Scenario } from './scenarios.ts';

// The table printed after a run (Markdown, so it can go into docs/performance.md as it is).

export type ScenarioOutcome = Scenario & { result: LoadResult; ratioToBaseline: number | null };

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');

const failed = (o: ScenarioOutcome) => o.result.failedResponses > 0 || o.result.errors > 0;

/** The baseline twin's p95 when the scenario's p95 budget may be judged against it (issue 24). */
function baselineP95(o: ScenarioOutcome, outcomes: readonly ScenarioOutcome[]): number | null {
  if (o.budgetP95TimesBaseline === undefined || !o.baselineKey) return null;
  const base = outcomes.find((b) => b.key === o.baselineKey);
  return base && !failed(base) ? base.result.p95 : null;
}

function verdict(o: ScenarioOutcome, outcomes: readonly ScenarioOutcome[]): string {
  if (failed(o)) return 'FOUT / failed';
  const checks: boolean[] = [];
  if (o.budgetP95Ms !== undefined)
    checks.push(
      judgeP95(o.result.p95, o.budgetP95Ms, baselineP95(o, outcomes), o.budgetP95TimesBaseline).met,
    );
  if (o.budgetShareOfBaseline !== undefined && o.ratioToBaseline !== null)
    checks.push(o.ratioToBaseline >= o.budgetShareOfBaseline);
  if (checks.length === 0) return '';
  return checks.every(Boolean) ? 'ja' : 'nee';
}

export function formatTable(outcomes: readonly ScenarioOutcome[]): string {
  const header =
    '| scenario | req/s | p50 ms | p95 ms | p99 ms | t.o.v. baseline | CPU ms/req node + pg | RSS max MB | budget | gehaald |';
  const rule = '|---|---:|---:|---:|---:|---:|---:|---:|---|---|';
  const rows = outcomes.map((o) => {
    const base = baselineP95(o, outcomes);
    const budget = [
      o.budgetP95Ms === undefined ? null : p95BudgetText(o.budgetP95Ms, o.budgetP95TimesBaseline),
      base === null
        ? null
        : `gemeten / measured ${describeP95(o.result.p95, judgeP95(o.result.p95, 0, base))}`,
      o.budgetShareOfBaseline === undefined ? null : `≥ ${o.budgetShareOfBaseline * 100} % baseline`,
    ]
      .filter(Boolean)
      .join(', ');
    const ratio = o.ratioToBaseline === null ? '' : `${(o.ratioToBaseline * 100).toFixed(0)} %`;
    const cpu = `${ms(o.result.nodeCpuMsPerRequest ?? Number.NaN)} + ${ms(o.result.postgresCpuMsPerRequest ?? Number.NaN)}`;
    // The app's resident memory, highest sample of the measured run (issue 24: ≤ 300 MB in every scenario)
    const rss = o.result.maxRssMb === null ? '' : o.result.maxRssMb.toFixed(0);
    const row = `| ${o.name} | ${o.result.requestsPerSecond.toFixed(0)} | ${ms(o.result.p50)} | ${ms(o.result.p95)} | ${ms(o.result.p99)} | ${ratio} | ${cpu} | ${rss} | ${budget} | ${verdict(o, outcomes)} |`;
    // A mixed scenario also shows each kind of request in the blend (its share of the rate, its latency).
    const kinds = Object.entries(o.result.byKind ?? {}).map(
      ([kind, k]) =>
        `| ↳ ${kind} | ${((k.requests / o.result.requests) * o.result.requestsPerSecond).toFixed(0)} | ${ms(k.p50)} | ${ms(k.p95)} | ${ms(k.p99)} | | | | | |`,
    );
    return [row, ...kinds].join('\n');
  });
  return [header, rule, ...rows].join('\n');
}
