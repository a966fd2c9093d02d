// The module boundaries of decision 030, checked on the source tree: (1) no import cycle between modules,
// (2) a module imports another only through its index.ts (so never its repository), (3) Kysely/SQL query
// building only in *.repository.ts files and src/server/db (migrations included) — also for src/server/jobs
// and src/server/http.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildsSql,
  findViolations,
  importSpecifiers,
  type Rule,
  readSources,
  type SourceFiles,
} from './module-graph.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * What is still wrong today and owned by work in progress (issue 23): key (the file, or the modules of a cycle)
 * → rule. The list only shrinks: an entry that is no longer a violation fails the test too, so whoever fixes
 * one removes it here. Never add to it; fix the code instead.
 */
const KNOWN_VIOLATIONS: Readonly<Record<string, readonly Rule[]>> = {
  // complaints → messages → integrations → notifications (→ portal → attachments) → complaints: domain events
  // (issue 23, events part). privacy and reference-data are in it because complaints imports them directly
  // (access log, calendar settings) while they ask complaints who may know of a complaint.
  'modules attachments, complaints, integrations, messages, notifications, portal, privacy, reference-data': [
    'cycle',
  ],
  // complaints, messages, integrations, notifications, portal: their imports are replaced by domain events and
  // public functions (issue 23, events part).
  'src/server/modules/complaints/complaint-detail.ts': ['index-only'],
  'src/server/modules/complaints/complaint-mutation.ts': ['index-only'],
  'src/server/modules/complaints/complaint-paths.service.ts': ['index-only'],
  'src/server/modules/complaints/complaint-query.service.ts': ['index-only'],
  'src/server/modules/complaints/complaint-registration.service.ts': ['index-only'],
  'src/server/modules/complaints/complaints.routes.ts': ['index-only'],
  'src/server/modules/integrations/complaint-publisher.ts': ['index-only'],
  'src/server/modules/integrations/integration-event.repository.ts': ['index-only'],
  'src/server/modules/integrations/integration-visibility.ts': ['index-only'],
  'src/server/modules/integrations/integrations.routes.ts': ['index-only'],
  'src/server/modules/integrations/webhook-delivery.service.ts': ['index-only'],
  'src/server/modules/messages/answer-cc.ts': ['index-only'],
  'src/server/modules/messages/answer-preview.service.ts': ['index-only', 'sql-outside-repository'],
  'src/server/modules/messages/complaint-messages.ts': ['index-only', 'sql-outside-repository'],
  'src/server/modules/messages/dead-letter-alert.ts': ['index-only'],
  'src/server/modules/messages/intake/inbound-mail.routes.ts': ['index-only'],
  'src/server/modules/messages/intake/inbound-mail.service.ts': ['index-only', 'sql-outside-repository'],
  'src/server/modules/messages/letters/acknowledgement-letter.service.ts': ['index-only'],
  'src/server/modules/messages/letters/answer-letter.service.ts': ['index-only', 'sql-outside-repository'],
  'src/server/modules/messages/letters/postal-letters.service.ts': ['index-only', 'sql-outside-repository'],
  'src/server/modules/messages/message-settings.ts': ['index-only'],
  'src/server/modules/messages/messages-admin.service.ts': ['index-only'],
  'src/server/modules/messages/intake/imap-intake.ts': ['sql-outside-repository'],
  'src/server/modules/messages/outbox-worker.ts': ['sql-outside-repository'],
  'src/server/modules/notifications/satisfaction-requests.service.ts': [
    'index-only',
    'sql-outside-repository',
  ],
  'src/server/modules/notifications/term-monitor.service.ts': ['index-only'],
  'src/server/modules/portal/portal-context.ts': ['index-only'],
  'src/server/modules/portal/portal-files.ts': ['index-only'],
  'src/server/modules/portal/portal-links.service.ts': ['index-only'],
  'src/server/modules/portal/portal-status.service.ts': ['index-only'],
  'src/server/modules/portal/portal-submission.service.ts': ['index-only'],
};

const realTree = () => readSources(ROOT, ['src/server/modules', 'src/server/jobs', 'src/server/http']);

describe('module boundaries (decision 030)', () => {
  it('the source tree has no violation that is not allow-listed', () => {
    const unexpected = findViolations(realTree())
      .filter((v) => !KNOWN_VIOLATIONS[v.key]?.includes(v.rule))
      .map((v) => v.message);
    expect(unexpected).toEqual([]);
  });

  it('every allow-listed violation still exists (the list only shrinks)', () => {
    const current = new Set(findViolations(realTree()).map((v) => `${v.rule} ${v.key}`));
    const fixed = Object.entries(KNOWN_VIOLATIONS)
      .flatMap(([key, rules]) => rules.map((rule) => [key, rule] as const))
      .filter(([key, rule]) => !current.has(`${rule} ${key}`))
      .map(([key, rule]) => `${key} (${rule}) is fixed: remove it from KNOWN_VIOLATIONS`);
    expect(fixed).toEqual([]);
  });
});

describe('the checks find planted violations', () => {
  const tree = (entries: Record<string, string>): SourceFiles => new Map(Object.entries(entries));
  const rulesOf = (files: SourceFiles) => findViolations(files).map((v) => `${v.rule} ${v.key}`);

  it('reads static, type-only, re-exporting, side-effect and dynamic imports, not comments', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b/b.ts';",
      "import {\n  c,\n  type C,\n} from '../c/index.ts';",
      "import * as d from '../d/d.repository.ts';",
      "export { e } from '../e/e.service.ts';",
      "export * from '../f/index.ts';",
      "export type { G } from '../g/g.ts';",
      "import '../h/side-effect.ts';",
      "const i = await import('../i/lazy.ts');",
      "// import { x } from '../x/x.ts';",
      "/* export * from '../y/y.ts'; */",
      "const text = 'from here';",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(
      [
        './a.ts',
        '../b/b.ts',
        '../c/index.ts',
        '../d/d.repository.ts',
        '../e/e.service.ts',
        '../f/index.ts',
        '../g/g.ts',
        '../h/side-effect.ts',
        '../i/lazy.ts',
      ].sort(),
    );
  });

  it('(1) an import cycle between modules, reported with its path', () => {
    const files = tree({
      'src/server/modules/a/a.service.ts': "import { b } from '../b/index.ts';",
      'src/server/modules/b/b.service.ts': "import { c } from '../c/index.ts';",
      'src/server/modules/c/c.service.ts': "import type { A } from '../a/index.ts';",
      'src/server/modules/d/d.service.ts': "import { a } from '../a/index.ts';",
    });
    const violations = findViolations(files);
    expect(violations).toEqual([
      { key: 'modules a, b, c', rule: 'cycle', message: 'import cycle between modules: a → b → c → a' },
    ]);
    // the same modules without the closing import: a chain, not a cycle
    const chain = tree({
      'src/server/modules/a/a.service.ts': "import { b } from '../b/index.ts';",
      'src/server/modules/b/b.service.ts': "import { c } from '../c/index.ts';",
      'src/server/modules/d/d.service.ts': "import { a } from '../a/index.ts';",
    });
    expect(findViolations(chain)).toEqual([]);
  });

  it("(2) an import of another module's file other than its index.ts, also from a sub-folder", () => {
    expect(
      rulesOf(
        tree({
          'src/server/modules/a/a.service.ts': "import { find } from '../b/b.repository.ts';",
          'src/server/modules/a/sub/x.ts': "import { y } from '../../b/sub/y.ts';",
          'src/server/modules/a/ok.ts': "import { z } from '../b/index.ts';\nimport { w } from './sub/x.ts';",
        }),
      ),
    ).toEqual(['index-only src/server/modules/a/a.service.ts', 'index-only src/server/modules/a/sub/x.ts']);
  });

  it('(3) Kysely or SQL query building outside repositories, also in jobs and http', () => {
    const files = tree({
      'src/server/modules/a/a.service.ts': "await trx.selectFrom('complaint').selectAll().execute();",
      'src/server/modules/a/b.service.ts': 'await trx\n  .updateTable("x")\n  .set({})\n  .execute();',
      'src/server/jobs/job.ts': 'await sql<{ n: number }>`select 1`.execute(db);',
      'src/server/http/h.ts': 'const column = sql.ref("c.id");',
      'src/server/modules/a/a.repository.ts': "await trx.deleteFrom('x').execute();",
      'src/server/db/migrations/2026-01-01-001-x.ts': 'await sql`create table x ()`.execute(db);',
      'src/server/modules/a/comment.ts': '// we never call trx.insertInto here\nconst n = 1;',
    });
    expect(rulesOf(files)).toEqual([
      'sql-outside-repository src/server/modules/a/a.service.ts',
      'sql-outside-repository src/server/modules/a/b.service.ts',
      'sql-outside-repository src/server/jobs/job.ts',
      'sql-outside-repository src/server/http/h.ts',
    ]);
    expect(buildsSql("import { sql } from 'kysely';\nexport const x = 1;")).toBe(false);
  });
});
