import { type Kysely, sql } from 'kysely';
import { type ComplaintListQuery, WORK_QUEUE_PAGE_SIZE } from '../../../contract/complaints.ts';
import { QUEUE_OPEN_STATUSES, TERM_RUNNING_STATUSES } from '../../../domain/index.ts';
import { keepPlan } from '../../db/kept-statements.ts';
import type { DB } from '../../db/schema.ts';
import { endsTransaction } from '../../db/scoped-messages.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import {
  foundIsCapped,
  inFoundSet,
  matchesSearch,
  SEARCH_COUNT_CAP,
  SEARCH_PROBE,
  SEARCH_WALK,
  type SearchTerms,
  searchKinds,
  searchTerms,
  walkWorthFor,
} from './complaint-search.repository.ts';

/** Who may see confidential complaints, as SQL: the mirror of `canSeeComplaint` (src/domain/permissions.ts). */
export type Visibility =
  | { kind: 'token' }
  | {
      kind: 'staff';
      userId: string;
      /** MT, board or legal adviser. */
      seesConfidential: boolean;
      isManager: boolean;
      managedDepartmentIds: readonly string[];
    };

// Kept line by line with canSeeComplaint; test/cases/confidential-visibility.test.ts compares the two over a grid.
/**
 * The current department of the employee a complaint is about: that department's manager may see the complaint
 * (policy 1.3, `canSeeComplaint`). Every read that feeds a visibility check selects it with this expression.
 */
export function subjectEmployeeDepartment(complaint: 'c' | 'complaint') {
  return sql<
    string | null
  >`(select s.department_id from staff_user s where s.id = ${sql.ref(`${complaint}.subject_employee_id`)})`;
}

export function visible(visibility: Visibility) {
  if (visibility.kind === 'token') return sql<boolean>`not c.confidential`;
  const user = visibility.userId;
  const managed = [...visibility.managedDepartmentIds];
  const criminal = sql<boolean>`coalesce(c.confidential_reason_code = 'criminal_suspicion', false)`;
  const isConcerned = sql<boolean>`coalesce(c.subject_employee_id = ${user}::uuid, false)`;
  const positions = [sql<boolean>`coalesce(c.handler_id = ${user}::uuid, false)`];
  if (visibility.seesConfidential) positions.push(sql<boolean>`true`);
  const concernedSees = [isConcerned];
  if (visibility.isManager) {
    positions.push(sql<boolean>`coalesce(c.responsible_manager_id = ${user}::uuid, false)`);
    if (managed.length > 0) {
      positions.push(sql<boolean>`coalesce(c.department_id = any(${managed}::uuid[]), false)`);
      concernedSees.push(
        sql<boolean>`exists (select 1 from staff_user s where s.id = c.subject_employee_id and s.department_id = any(${managed}::uuid[]))`,
      );
    }
  }
  return sql<boolean>`(not c.confidential or (not (${criminal} and ${isConcerned}) and (${sql.join(positions, sql` or `)} or (not ${criminal} and (${sql.join(concernedSees, sql` or `)})))))`;
}

// policy 2.3, 2.5: only a running term can be overdue; a complaint with the board is never late
const OPEN_STATUSES = [...TERM_RUNNING_STATUSES];

export type ListFilters = Omit<
  ComplaintListQuery,
  'sort' | 'cursor' | 'limit' | 'handlerId' | 'dueWithinWorkingDays'
> & {
  handlerId?: string | null;
  dueBefore?: Date;
  now: Date;
};

function applyFilters(query: ComplaintQuery, f: ListFilters, visibility: Visibility, withStatus: boolean) {
  let q = query.where(visible(visibility));
  if (withStatus && f.status?.length) q = q.where('c.status', 'in', f.status);
  if (f.category?.length) q = q.where('c.category', 'in', f.category);
  if (f.channel?.length) q = q.where('c.channel', 'in', f.channel);
  if (f.handlerId === null) q = q.where('c.handler_id', 'is', null);
  else if (f.handlerId !== undefined) q = q.where('c.handler_id', '=', f.handlerId);
  if (f.departmentId) q = q.where('c.department_id', '=', f.departmentId);
  if (f.housingComplexId) q = q.where('c.housing_complex_id', '=', f.housingComplexId);
  if (f.unitId) q = q.where('c.unit_id', '=', f.unitId);
  if (f.complainantId) q = q.where('c.complainant_id', '=', f.complainantId);
  if (f.contractorId) q = q.where('c.subject_contractor_id', '=', f.contractorId);
  if (f.overdue !== undefined) {
    // policy 2.6: a complaint without an answer term is never overdue
    const overdue = sql<boolean>`(c.status in (${sql.join(OPEN_STATUSES)}) and c.has_answer_term and c.due_at < ${f.now})`;
    q = q.where(f.overdue ? overdue : sql<boolean>`not ${overdue}`);
  }
  if (f.dueBefore)
    q = q
      .where('c.status', 'in', OPEN_STATUSES)
      .where('c.has_answer_term', '=', true)
      .where('c.due_at', '<=', f.dueBefore);
  if (f.receivedFrom)
    q = q.where(
      sql<boolean>`(c.received_at at time zone 'Europe/Amsterdam')::date >= ${f.receivedFrom}::date`,
    );
  if (f.receivedTo)
    q = q.where(sql<boolean>`(c.received_at at time zone 'Europe/Amsterdam')::date <= ${f.receivedTo}::date`);
  if (f.repeat !== undefined) q = q.where('c.repeat_of_id', f.repeat ? 'is not' : 'is', null);
  if (f.confidential !== undefined) q = q.where('c.confidential', '=', f.confidential);
  // issue 22: the queue shows the open complaints unless asked for the ended ones
  if (f.open !== undefined) q = q.where('c.status', f.open ? 'in' : 'not in', [...QUEUE_OPEN_STATUSES]);
  return q;
}

// Every filter is on the complaint itself: filter, sort and take the page there, then join the names for that
// page only (a search matching 9,000 complaints otherwise joined 9,000 names to show 51).
function baseQuery(trx: Kysely<DB>) {
  return trx.selectFrom('complaint as c');
}
type ComplaintQuery = ReturnType<typeof baseQuery>;

/**
 * For counting a search: the complaints under the filters among at most SEARCH_COUNT_CAP + 1 matches of each kind
 * (the CTE `found`, migration 076); `foundIsCapped` tells whether the counts are lower bounds.
 */
function cappedSearchQuery(trx: Scoped, t: SearchTerms): ComplaintQuery {
  const found = trx.with('found', (db) =>
    db.selectNoFrom(
      sql<string>`search_complaint_ids(${t.query}, ${t.like}, ${t.postcode}::text, ${SEARCH_COUNT_CAP + 1})`.as(
        'id',
      ),
    ),
  );
  // The CTE is only named inside sql fragments (inFoundSet, foundIsCapped): the table types stay the complaint's
  return found.selectFrom('complaint as c').where(inFoundSet) as unknown as ComplaintQuery;
}

/** Counting query: capped when searching. */
function countQuery(trx: Scoped, q: string | undefined) {
  return q ? cappedSearchQuery(trx, searchTerms(q)) : baseQuery(trx);
}

const PAGE_COLUMNS = [
  'c.id',
  'c.reference',
  'c.status',
  'c.channel',
  'c.received_at',
  'c.category',
  'c.handler_id',
  'c.due_at',
  'c.has_answer_term',
  'c.confidential',
  'c.repeat_of_id',
  'c.complainant_id',
  'c.housing_complex_id',
] as const;

export type Sort = ComplaintListQuery['sort'];
export type Cursor = { value: string; id: string };

export async function listComplaints(
  trx: Scoped,
  filters: ListFilters,
  visibility: Visibility,
  page: { sort: Sort; cursor: Cursor | null; limit: number },
  /** `last`: nothing runs after this in the transaction, so the commit may travel with it (decision 058). */
  options: { last?: boolean } = {},
) {
  const compiled = listComplaintsQuery(trx, filters, visibility, page).compile();
  // Decision 043: the queue's page of the usual size keeps its plan per connection (parsed and planned once, not
  // per request). Not a search: its best plan depends on the word.
  if (filters.q || page.limit !== WORK_QUEUE_PAGE_SIZE) return (await trx.executeQuery(compiled)).rows;
  const text = keepPlan(options.last ? endsTransaction(compiled.sql) : compiled.sql);
  const kept: typeof compiled = { ...compiled, sql: text };
  return (await trx.executeQuery(kept)).rows;
}

/**
 * The work queue's page as one statement; the benchmark's baseline compiles the same query (bench/baseline-queries.ts).
 * Organisation scope comes from row-level security and the search functions, not from the query.
 */
export function listComplaintsQuery(
  trx: Kysely<DB>,
  filters: ListFilters,
  visibility: Visibility,
  page: { sort: Sort; cursor: Cursor | null; limit: number },
) {
  const column = page.sort === 'due' ? 'c.due_at' : 'c.received_at';
  const descending = page.sort === 'received';
  const direction = descending ? 'desc' : 'asc';
  let q = applyFilters(baseQuery(trx), filters, visibility, true);
  if (page.cursor !== null) {
    const value = new Date(page.cursor.value);
    q = q.where(
      descending
        ? sql<boolean>`(${sql.ref(column)}, c.id) < (${value}, ${page.cursor.id}::uuid)`
        : sql<boolean>`(${sql.ref(column)}, c.id) > (${value}, ${page.cursor.id}::uuid)`,
    );
  }
  const n = page.limit + 1;
  if (!Number.isSafeInteger(n) || n < 2) throw new Error('page limit is not a positive integer');
  // The page's limit is written into the statement (a checked integer): with a parameter there PostgreSQL never
  // takes a generic plan for the kept statement (decision 043), so it would plan each request anyway.
  let pageOfComplaints = q
    .select(PAGE_COLUMNS)
    .orderBy(column, direction)
    .orderBy('c.id', direction)
    .limit(sql.lit(n));
  if (filters.q) {
    // Decisions 038 and 044: walk the queue's index and test each complaint for the word; a walked prefix that
    // holds the page is the page. A probe of SEARCH_PROBE complaints settles a common word; one found often enough
    // there (SEARCH_PROBE_MIN) earns a longer walk of SEARCH_WALK; any other word is looked up kind by kind, the
    // first page of each kind on its own (an index each), and the page is the first of their union. One
    // statement; the branches not needed are never executed.
    const t = searchTerms(filters.q);
    const prefix = (complaints: number) =>
      q
        .select([...PAGE_COLUMNS, sql<string>`c.search_vector`.as('search_vector')])
        .orderBy(column, direction)
        .orderBy('c.id', direction)
        .limit(complaints);
    const count = (cte: string) => sql<number>`(select count(*) from ${sql.table(cte)})`;
    // A prefix shorter than asked for reached the end of the queue: what it holds is every match
    const probeDone = sql<boolean>`(${count('probe')} >= ${n} or ${count('probe_prefix')} < ${SEARCH_PROBE})`;
    const walkRuns = sql<boolean>`(not ${probeDone} and ${count('probe')} >= ${walkWorthFor(n)})`;
    const walkDone = sql<boolean>`(${walkRuns} and (${count('walked')} >= ${n} or ${count('walk_prefix')} < ${SEARCH_WALK}))`;
    // Each kind's matches as a materialized CTE, planned on its own: with the page's LIMIT in view the planner
    // would rather walk the whole queue's index than look a kind up through its own index
    const [byText, byName] = searchKinds(t);
    const kindMatches = (kind: typeof byText) => q.where(kind).select(PAGE_COLUMNS);
    const byKind = sql.join(
      ['search_by_text', 'search_by_name'].map((name) => sql`select * from ${sql.table(name)}`),
      sql` union `,
    );
    const fromKinds = trx
      .selectFrom(sql`(${byKind})`.as('c'))
      .selectAll()
      .orderBy(sql.ref(column), direction)
      .orderBy(sql.ref('c.id'), direction)
      .limit(n);
    pageOfComplaints = trx
      .with(
        (cte) => cte('search_by_text').materialized(),
        () => kindMatches(byText),
      )
      .with(
        (cte) => cte('search_by_name').materialized(),
        () => kindMatches(byName),
      )
      .with('probe_prefix', () => prefix(SEARCH_PROBE))
      .with('probe', (db) =>
        db
          .selectFrom('probe_prefix as c')
          .where(matchesSearch(t))
          .select(PAGE_COLUMNS)
          .orderBy(column, direction)
          .orderBy('c.id', direction)
          .limit(n),
      )
      .with('walk_prefix', () => prefix(SEARCH_WALK))
      .with('walked', (db) =>
        db
          .selectFrom('walk_prefix as c')
          .where(matchesSearch(t))
          .where(walkRuns)
          .select(PAGE_COLUMNS)
          .orderBy(column, direction)
          .orderBy('c.id', direction)
          .limit(n),
      )
      .selectFrom('probe as c')
      .selectAll('c')
      .where(probeDone)
      .unionAll((db) => db.selectFrom('walked as c').selectAll('c').where(walkDone))
      .unionAll(
        trx
          .selectFrom(fromKinds.as('c'))
          .selectAll()
          // the kinds' CTEs are typed by the builder chain above, not here: same columns as `probe`
          .where(sql<boolean>`not ${probeDone} and not ${walkDone}`) as never,
      ) as unknown as typeof pageOfComplaints;
  }
  return trx
    .selectFrom(pageOfComplaints.as('c'))
    .leftJoin('person as p', 'p.id', 'c.complainant_id')
    .leftJoin('housing_complex as hc', 'hc.id', 'c.housing_complex_id')
    .leftJoin('staff_user as h', 'h.id', 'c.handler_id')
    .select([
      'c.id',
      'c.reference',
      'c.status',
      'c.channel',
      'c.received_at',
      'p.name as complainantName',
      'hc.name as housingComplexName',
      'c.category',
      'c.handler_id',
      'h.name as handlerName',
      'c.due_at',
      'c.has_answer_term',
      'c.confidential',
      'c.repeat_of_id',
    ])
    .orderBy(column, direction)
    .orderBy('c.id', direction);
}

/** Counts per status; when searching, over the capped matches (`capped`: the counts are lower bounds). */
export async function countByStatus(trx: Scoped, filters: ListFilters, visibility: Visibility) {
  return applyFilters(countQuery(trx, filters.q), filters, visibility, false)
    .select([
      filters.q ? foundIsCapped.as('capped') : sql<boolean>`false`.as('capped'),
      'c.status',
      sql<number>`count(*)::int`.as('n'),
      sql<number>`count(*) filter (where c.status in (${sql.join(OPEN_STATUSES)}) and c.has_answer_term and c.due_at < ${filters.now})::int`.as(
        'overdue',
      ),
    ])
    .groupBy('c.status')
    .execute();
}

/**
 * The work queue's tab counts in one pass (issue 22): mine, the department's, its unassigned ones and all, under
 * the same filters and visibility. A tab the caller may not open is not counted (null).
 */
export async function countQueueTabs(
  trx: Scoped,
  filters: ListFilters,
  visibility: Visibility,
  tabs: { userId: string | null; departmentId: string | null; all: boolean },
) {
  const { departmentId: _department, handlerId: _handler, ...rest } = filters;
  const none = sql<number | null>`null::int`;
  const inDepartment = sql<boolean>`c.department_id = ${tabs.departmentId}::uuid`;
  return applyFilters(countQuery(trx, filters.q), rest, visibility, true)
    .select([
      filters.q ? foundIsCapped.as('capped') : sql<boolean>`false`.as('capped'),
      tabs.userId === null
        ? sql<number>`0`.as('mine')
        : sql<number>`count(*) filter (where c.handler_id = ${tabs.userId}::uuid)::int`.as('mine'),
      tabs.departmentId === null
        ? none.as('department')
        : sql<number | null>`count(*) filter (where ${inDepartment})::int`.as('department'),
      tabs.departmentId === null
        ? none.as('unassigned')
        : sql<number | null>`count(*) filter (where ${inDepartment} and c.handler_id is null)::int`.as(
            'unassigned',
          ),
      tabs.all ? sql<number | null>`count(*)::int`.as('all') : none.as('all'),
    ])
    .executeTakeFirstOrThrow();
}

/** Earlier complaints of the same person or unit in the last 12 months, most similar text first (policy 2.6). */
export async function findLikelyRepeats(
  trx: Scoped,
  input: { complainantId: string | null; unitId: string | null; text: string; since: Date },
  visibility: Visibility,
) {
  return trx
    .selectFrom('complaint as c')
    .select([
      'c.id',
      'c.reference',
      'c.status',
      'c.received_at',
      'c.description',
      sql<number>`similarity(c.description, ${input.text})`.as('similarity'),
      sql<boolean>`coalesce(c.complainant_id = ${input.complainantId}, false)`.as('sameComplainant'),
      sql<boolean>`coalesce(c.unit_id = ${input.unitId}, false)`.as('sameUnit'),
    ])
    .where(visible(visibility))
    .where('c.received_at', '>=', input.since)
    .where((eb) =>
      eb.or([
        ...(input.complainantId ? [eb('c.complainant_id', '=', input.complainantId)] : []),
        ...(input.unitId ? [eb('c.unit_id', '=', input.unitId)] : []),
      ]),
    )
    .orderBy('similarity', 'desc')
    .orderBy('c.received_at', 'desc')
    .limit(10)
    .execute();
}

/**
 * Issue 22: the same complainant's complaints received within `window` of `around` that have not ended, as
 * candidates for the domain's duplicate rule (findLikelyDuplicates), only those the reader may see.
 */
export async function findDuplicateCandidates(
  trx: Scoped,
  input: { complainantId: string; around: Date; windowMs: number; endedStatuses: readonly string[] },
  visibility: Visibility,
) {
  return trx
    .selectFrom('complaint as c')
    .select(['c.id', 'c.reference', 'c.status', 'c.received_at', 'c.description', 'c.complainant_id'])
    .where(visible(visibility))
    .where('c.complainant_id', '=', input.complainantId)
    .where('c.status', 'not in', [...input.endedStatuses])
    .where('c.received_at', '>=', new Date(input.around.getTime() - input.windowMs))
    .where('c.received_at', '<=', new Date(input.around.getTime() + input.windowMs))
    .orderBy('c.received_at', 'desc')
    .limit(50)
    .execute();
}
