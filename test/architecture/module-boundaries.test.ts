// The module boundaries of decision 030, checked on the source tree: (1) no import cycle between modules,
// (2) a module imports another only through its index.ts (so never its repository), (3) Kysely/SQL query
// building only in *.repository.ts files and src/server/db (migrations included) — also for src/server/jobs
// and src/server/http, (4) a module's top folder holds only its role files (*.routes.ts, *.service.ts,
// *.repository.ts, *.jobs.ts, *.subscriber.ts, *-events.ts, index.ts); the rest lives in named sub-folders.
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
 * Exceptions to the four rules (file, or the modules of a cycle → rule). Empty since issue 23 was merged; the
 * test keeps the mechanism so an exception, if ever needed, is written down with its reason. An entry that is no
 * longer a violation fails the test too.
 */
const KNOWN_VIOLATIONS: Readonly<Record<string, readonly Rule[]>> = {};

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
          'src/server/modules/a/ok.service.ts':
            "import { z } from '../b/index.ts';\nimport { w } from './sub/x.ts';",
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
      'src/server/modules/a/comment.service.ts': '// we never call trx.insertInto here\nconst n = 1;',
    });
    expect(rulesOf(files)).toEqual([
      'sql-outside-repository src/server/modules/a/a.service.ts',
      'sql-outside-repository src/server/modules/a/b.service.ts',
      'sql-outside-repository src/server/jobs/job.ts',
      'sql-outside-repository src/server/http/h.ts',
    ]);
    expect(buildsSql("import { sql } from 'kysely';\nexport const x = 1;")).toBe(false);
  });
  it('(4) a file directly in a module folder that is not a role file, whatever its extension', () => {
    const files = tree({
      'src/server/modules/a/helpers.ts': 'export const x = 1;',
      'src/server/modules/a/a.mapper.ts': 'export const y = 1;',
      'src/server/modules/a/words.txt': '',
      'src/server/modules/a/index.ts': '',
      'src/server/modules/a/a.routes.ts': '',
      'src/server/modules/a/a.service.ts': '',
      'src/server/modules/a/a.repository.ts': '',
      'src/server/modules/a/a.jobs.ts': '',
      'src/server/modules/a/b.subscriber.ts': '',
      'src/server/modules/a/a-events.ts': '',
      'src/server/modules/a/views/page.ts': '',
      'src/server/modules/a/i18n/deep/messages.nl.ts': '',
      'src/server/jobs/job-runner.ts': '',
      'src/server/http/errors.ts': '',
    });
    expect(rulesOf(files)).toEqual([
      'role-file src/server/modules/a/helpers.ts',
      'role-file src/server/modules/a/a.mapper.ts',
      'role-file src/server/modules/a/words.txt',
    ]);
  });
});
