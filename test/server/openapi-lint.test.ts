import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatLintProblems, lintOpenApi } from '../../scripts/lint-openapi.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';

// Integrators generate clients from GET /api/openapi.json. A standard linter (Redocly CLI with redocly.yaml)
// must find no error in the live document, and a client generated from it must type-check.

const root = path.resolve(import.meta.dirname, '../..');
const database = await createTestDatabase();
const app = await createTestApp(database.app);
const document = (await app.inject({ url: '/api/openapi.json' })).json();

describe('the OpenAPI document passes Redocly lint', () => {
  test('no errors in the live document', () => {
    const result = lintOpenApi(document);
    expect(result.errors, formatLintProblems(result)).toBe(0);
    // Warnings are reported too; there are none today, keep it that way.
    expect(result.warnings, formatLintProblems(result)).toBe(0);
  });

  test('the lint fails a document that lacks security, a success response or has an unused component', () => {
    const broken = structuredClone(document);
    delete broken.paths['/api/organization'].get.security;
    delete broken.paths['/api/organization'].get.responses['200'];
    delete broken.paths['/api/organization'].get.operationId;
    broken.components.schemas.NobodyRefersToMe = { type: 'string' };
    const rules = new Set(lintOpenApi(broken).problems.map((p) => p.ruleId));
    expect([...rules].sort()).toEqual([
      'no-unused-components',
      'operation-operationId',
      'rule/operation-success-response',
      'security-defined',
    ]);
  });
});

describe('a client generated from the document type-checks', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'gehoord-client-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const usage = `
import { Api, type ComplaintListItem, type Problem } from './gehoord-api.ts';

const client = new Api<string>({
  baseUrl: 'https://klachten.woningcorporatie.test',
  securityWorker: (token) => (token ? { headers: { Authorization: \`Bearer \${token}\` } } : {}),
});
client.setSecurityData('an API token');

export async function firstReference(): Promise<string | undefined> {
  const page = await client.api.getComplaints({ limit: 10 });
  const first: ComplaintListItem | undefined = page.data.items[0];
  return first?.reference;
}

export async function answerLetter(id: string): Promise<Blob> {
  const response = await client.api.getComplaintsByIdAnswerLetterPdf(id);
  return response.data;
}

export function whyRefused(problem: Problem): string {
  return \`\${problem.status} \${problem.code}: \${problem.messages.nl}\`;
}
`;

  function generateAndCheck(source: unknown, usageText: string) {
    writeFileSync(path.join(directory, 'openapi.json'), JSON.stringify(source));
    const generate = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/swagger-typescript-api/dist/cli.mjs'),
        'generate',
        '--path',
        path.join(directory, 'openapi.json'),
        '--output',
        directory,
        '--name',
        'gehoord-api.ts',
        '--enum-style=union',
        '--type-only-imports',
        '--silent',
      ],
      { cwd: directory, encoding: 'utf8' },
    );
    expect(generate.status, generate.stderr + generate.stdout).toBe(0);
    writeFileSync(path.join(directory, 'usage.ts'), usageText);
    writeFileSync(
      path.join(directory, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          lib: ['es2022', 'dom', 'dom.iterable'],
          module: 'esnext',
          moduleResolution: 'bundler',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          allowImportingTsExtensions: true,
          verbatimModuleSyntax: true,
          types: [],
        },
        files: ['gehoord-api.ts', 'usage.ts'],
      }),
    );
    return spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '-p',
        path.join(directory, 'tsconfig.json'),
      ],
      { cwd: directory, encoding: 'utf8' },
    );
  }

  test('generated with swagger-typescript-api, used by hand, checked by tsc', () => {
    const check = generateAndCheck(document, usage);
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 120_000);

  test('a usage that does not fit the document is a type error', () => {
    const check = generateAndCheck(document, usage.replace('first?.reference', 'first?.referenceNumber'));
    expect(check.status).not.toBe(0);
    expect(check.stdout).toContain('referenceNumber');
  }, 120_000);
});
