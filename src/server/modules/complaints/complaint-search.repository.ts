import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

/**
 * Search as SQL (issue 24, decision 038). A word is found in the complaint's text or reference, or in the name of
 * its complainant, the street or postcode of its unit, or the name of its housing complex.
 */
export type SearchTerms = { query: string; like: string; postcode: string };

/** At most this many complaints are counted for a search; below it counts are exact, above it a lower bound. */
export const SEARCH_COUNT_CAP = 1000;

/**
 * A search first asks the search indexes for at most SEARCH_FEW matches of each kind (migration 076). Fewer than
 * that of every kind is all of them: the page comes from those, as cheap as the matches are few.
 */
export const SEARCH_FEW = 300;

/**
 * A word with more matches first tests the first SEARCH_PROBE complaints of the queue in its order for the word. Found in at least
 * SEARCH_PROBE_MIN of them (one in 25), it walks on to SEARCH_WALK complaints; rarer words are looked up through
 * the search indexes. Measured on the national data (docs/performance.md): testing a complaint costs about as much
 * as fetching one match from the indexes, so a word in one complaint of 25 is where the two meet.
 */
export const SEARCH_PROBE = 200;
export const SEARCH_PROBE_MIN = 8;
export const SEARCH_WALK = 1500;

export function searchTerms(q: string): SearchTerms {
  return {
    query: q,
    like: `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`,
    postcode: `%${q.replace(/\s+/g, '').toUpperCase()}%`,
  };
}

/**
 * The word tested on one complaint while walking the queue's index. Person, unit and housing complex ids come
 * from functions outside row-level security (migration 076), evaluated once per query; the text test comes last
 * because it reads the (often TOASTed) search vector.
 */
export function matchesSearch(t: SearchTerms) {
  return sql<boolean>`(c.reference ilike ${t.like}
    or c.complainant_id in (select search_person_ids(${t.like}))
    or c.unit_id in (select search_unit_ids(${t.like}, ${t.postcode}))
    or c.housing_complex_id in (select search_housing_complex_ids(${t.like}))
    or c.search_vector @@ (select websearch_to_tsquery('dutch', ${t.query})))`;
}

/** Every matching complaint, through the search indexes (migration 053): the cost grows with the matches. */
export function inSearchSet(t: SearchTerms) {
  return sql<boolean>`c.id in (select search_complaint_ids(${t.query}, ${t.like}, ${t.postcode}))`;
}

/**
 * At most `SEARCH_COUNT_CAP + 1` matches of each kind (migration 076), for counting. Used with the `found` CTE of
 * `withCappedSearch`: more than the cap found means the counts are lower bounds.
 */
export function cappedSearchSet(t: SearchTerms) {
  return sql<{
    id: string;
  }>`select search_complaint_ids(${t.query}, ${t.like}, ${t.postcode}, ${SEARCH_COUNT_CAP + 1}) as id`;
}

export const inFoundSet = sql<boolean>`c.id in (select id from found)`;
export const foundIsCapped = sql<boolean>`(select count(*) from found) > ${SEARCH_COUNT_CAP}`;

/** Whether a search finds more than SEARCH_COUNT_CAP complaints of one kind of match, before any filter. */
export async function searchIsCapped(trx: Scoped, q: string) {
  const t = searchTerms(q);
  const { rows } = await sql<{ capped: boolean }>`with found as (${cappedSearchSet(t)})
    select ${foundIsCapped} as capped`.execute(trx);
  return rows[0]?.capped ?? false;
}
