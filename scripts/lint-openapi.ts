// Lints the OpenAPI document with Redocly CLI (redocly.yaml: the recommended rules, stricter where a client
// generator would trip). `npm run lint:openapi` exports the document without a database and lints it;
// test/server/openapi-lint.test.ts lints the live document the same way and fails on any error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportOpenApiDocument } from './export-openapi.ts';

const root = path.resolve(import.meta.dirname, '..');
const REDOCLY = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');

export type LintProblem = { ruleId: string; severity: 'error' | 'warn'; message: string; pointer: string };
export type LintResult = { errors: number; warnings: number; problems: LintProblem[] };

/** Runs `redocly lint` on a document with the repository's redocly.yaml; offline, no telemetry. */
export function lintOpenApi(document: unknown): LintResult {
  const directory = mkdtempSync(path.join(tmpdir(), 'gehoord-openapi-'));
  try {
    const file = path.join(directory, 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const run = spawnSync(
      process.execPath,
      [
        REDOCLY,
        'lint',
        file,
        '--config',
        path.join(root, 'redocly.yaml'),
        '--format=json',
        '--max-problems=10000',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          NO_COLOR: '1',
        },
      },
    );
    const start = run.stdout.indexOf('{');
    if (start < 0) throw new Error(`redocly lint gave no report (exit ${run.status}): ${run.stderr}`);
    const report = JSON.parse(run.stdout.slice(start)) as {
      totals: { errors: number; warnings: number };
      problems: {
        ruleId: string;
        severity: 'error' | 'warn';
        message: string;
        location: { pointer: string }[];
      }[];
    };
    return {
      errors: report.totals.errors,
      warnings: report.totals.warnings,
      problems: report.problems.map((problem) => ({
        ruleId: problem.ruleId,
        severity: problem.severity,
        message: problem.message,
        pointer: problem.location[0]?.pointer ?? '',
      })),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** One line per problem, for people reading CI output. */
export function formatLintProblems(result: LintResult): string {
  return result.problems.map((p) => `${p.severity} ${p.ruleId} ${p.pointer}: ${p.message}`).join('\n');
}

if (import.meta.main) {
  const result = lintOpenApi(await exportOpenApiDocument());
  if (result.problems.length) console.log(formatLintProblems(result));
  console.log(`OpenAPI lint: ${result.errors} errors, ${result.warnings} warnings`);
  process.exitCode = result.errors > 0 ? 1 : 0;
}
