// The structure of src/server/modules, read from the source text (decision 030). Pure functions over
// { path → source } so the test can feed them a planted violation as well as the real tree.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Rule = 'cycle' | 'index-only' | 'sql-outside-repository' | 'role-file';
export type Violation = { key: string; rule: Rule; message: string };
export type SourceFiles = ReadonlyMap<string, string>;

const MODULES_DIR = 'src/server/modules/';

/** Comments out, so a comment that mentions `selectFrom` or an import does not count. Strings stay. */
export function withoutComments(source: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < source.length) {
    const ch = source[i] as string;
    const next = source[i + 1];
    if (quote !== null) {
      out += ch;
      if (ch === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (ch === quote) quote = null;
      i += 1;
    } else if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      if (ch === "'" || ch === '"' || ch === '`') quote = ch;
      out += ch;
      i += 1;
    }
  }
  return out;
}

const IMPORT_PATTERNS = [
  // import x from '…', import { a, b } from '…', import type { T } from '…', import * as n from '…'
  /\bimport\s+(?:type\s+)?[\w*{}\s,$]*?\bfrom\s*['"]([^'"]+)['"]/g,
  // export { a } from '…', export * from '…', export type { T } from '…', export * as n from '…'
  /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]/g,
  // import '…' (side effect only)
  /\bimport\s*['"]([^'"]+)['"]/g,
  // import('…') (dynamic)
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** Every module specifier a file imports or re-exports, statically or dynamically. */
export function importSpecifiers(source: string): string[] {
  const code = withoutComments(source);
  const found: string[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) found.push(match[1] as string);
  }
  return found;
}

const SQL_PATTERNS: readonly RegExp[] = [
  /\.\s*(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\s*\(/,
  /\bsql\s*(?:<[^`;]*?>)?\s*`/,
  /\bsql\s*\.\s*(raw|ref|id|lit|join|table|val|value|literal)\s*\(/,
];

/** Does this source build a Kysely query or raw SQL? */
export function buildsSql(source: string): boolean {
  const code = withoutComments(source);
  return SQL_PATTERNS.some((pattern) => pattern.test(code));
}

/** The module a repository path belongs to, and the path inside it ('index.ts', 'csv-import/x.ts'). */
export function moduleOf(file: string): { module: string; inner: string } | null {
  if (!file.startsWith(MODULES_DIR)) return null;
  const rest = file.slice(MODULES_DIR.length);
  const slash = rest.indexOf('/');
  if (slash === -1) return null;
  return { module: rest.slice(0, slash), inner: rest.slice(slash + 1) };
}

function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
}

/** Where SQL may be built: repositories, the database layer and its migrations. */
export function mayBuildSql(file: string): boolean {
  return file.endsWith('.repository.ts') || file.startsWith('src/server/db/');
}

/** The role files a module's top folder may hold; everything else goes in a sub-folder named after what it holds. */
const ROLE_FILE = /(\.routes\.ts|\.service\.ts|\.repository\.ts|\.jobs\.ts|\.subscriber\.ts|-events\.ts)$/;

/** Is this a file directly in a module folder that is not a role file (or index.ts)? */
export function isMisplacedInModule(file: string): boolean {
  const place = moduleOf(file);
  if (place === null || place.inner.includes('/')) return false;
  return place.inner !== 'index.ts' && !ROLE_FILE.test(place.inner);
}

/** The checked places: the modules, background jobs and the HTTP layer. */
export function isChecked(file: string): boolean {
  return ['src/server/modules/', 'src/server/jobs/', 'src/server/http/'].some((dir) => file.startsWith(dir));
}

export type ModuleEdge = { from: string; to: string; file: string; target: string };

export function moduleEdges(files: SourceFiles): ModuleEdge[] {
  const edges: ModuleEdge[] = [];
  for (const [file, source] of files) {
    const own = moduleOf(file);
    if (own === null) continue;
    for (const specifier of importSpecifiers(source)) {
      const target = resolve(file, specifier);
      const other = target === null ? null : moduleOf(target);
      if (target === null || other === null || other.module === own.module) continue;
      edges.push({ from: own.module, to: other.module, file, target });
    }
  }
  return edges;
}

/** Strongly connected components with more than one module (Tarjan), each with one cycle path through it. */
export function moduleCycles(edges: readonly ModuleEdge[]): { members: string[]; path: string[] }[] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from)?.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((members) => ({ members, path: cyclePath(graph, members) }));
}

/** A shortest way from the component's first module back to itself, inside the component. */
function cyclePath(graph: ReadonlyMap<string, ReadonlySet<string>>, members: readonly string[]): string[] {
  const start = members[0] as string;
  const inside = new Set(members);
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!inside.has(next)) continue;
      if (next === start) {
        const way = [node];
        while (way[0] !== start) way.unshift(previous.get(way[0] as string) as string);
        return [...way, start];
      }
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return [start];
}

/** All violations of the four rules in the given files. */
export function findViolations(files: SourceFiles): Violation[] {
  const violations: Violation[] = [];
  const edges = moduleEdges(files);
  for (const cycle of moduleCycles(edges)) {
    violations.push({
      key: `modules ${cycle.members.join(', ')}`,
      rule: 'cycle',
      message: `import cycle between modules: ${cycle.path.join(' → ')}`,
    });
  }
  const deepImports = new Map<string, string[]>();
  for (const edge of edges) {
    if (moduleOf(edge.target)?.inner === 'index.ts') continue;
    deepImports.set(edge.file, [...(deepImports.get(edge.file) ?? []), edge.target]);
  }
  for (const [file, targets] of deepImports) {
    violations.push({
      key: file,
      rule: 'index-only',
      message: `${file} imports another module's private file(s) instead of its index.ts: ${targets.join(', ')}`,
    });
  }
  for (const [file, source] of files) {
    if (!isChecked(file) || mayBuildSql(file) || !buildsSql(source)) continue;
    violations.push({
      key: file,
      rule: 'sql-outside-repository',
      message: `${file} builds SQL (Kysely query or sql\`\`) but is not a *.repository.ts file`,
    });
  }
  for (const file of files.keys()) {
    if (!isMisplacedInModule(file)) continue;
    violations.push({
      key: file,
      rule: 'role-file',
      message: `${file} sits directly in its module folder but is not a role file (*.routes.ts, *.service.ts, *.repository.ts, *.jobs.ts, *.subscriber.ts, *-events.ts, index.ts): rename it to its role or move it into a sub-folder named after what it holds`,
    });
  }
  return violations;
}

/**
 * The files under the given directories, keyed by their path from the repository root: TypeScript sources with their
 * text, any other file (a word list, a stylesheet) with empty text so that the role-file rule sees it.
 */
export function readSources(root: string, directories: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
        files.set(child, readFileSync(path.join(root, child), 'utf8'));
      // Not TypeScript (a word list, a stylesheet): no imports or SQL to read, but it has a place too
      else files.set(child, '');
    }
  };
  for (const directory of directories) walk(directory);
  return files;
}
