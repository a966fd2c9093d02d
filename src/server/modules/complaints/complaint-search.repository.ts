import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

/**
 * Search as SQL (issue 24, decision 038). A word is found in the complaint's text or reference, or in the name of
 * its complainant, the street or postcode of its unit, or the name of its housing complex.
 */
export type SearchTerms = {
  query: string;
  /** For names, streets and housing complexes: the word anywhere, case-insensitive. */
  like: string;
  /** A part of `like` for the names' trigram index (rarer trigrams); `like` itself is tested on what it finds. */
  nameKey: string;
  /** For postcodes, or null when the word cannot be part of one (a postcode is `1234AB`, unit_postcode_check). */
  postcode: string | null;
  /** For references, or null when the word cannot be part of one (`K-2026-00001`, complaint_reference_check). */
  reference: string | null;
};

/** At most this many complaints are counted for a search; below it counts are exact, above it a lower bound. */
export const SEARCH_COUNT_CAP = 1000;

/**
 * A search first tests the first SEARCH_PROBE complaints of the queue in its order for the word. Found there often
 * enough that SEARCH_WALK complaints would hold a page and a quarter (`walkWorthFor`, at least SEARCH_PROBE_MIN:
 * one in 25), it walks on to SEARCH_WALK; a word that neither fills the page there nor reaches the end of the queue
 * is looked up kind by kind (`searchKinds`). Measured on the national data (docs/performance.md): a walk that
 * falls short costs as much as the lookup it then still needs, so only a walk expected to fill the page is taken.
 */
export const SEARCH_PROBE = 200;
export const SEARCH_PROBE_MIN = 8;
export const SEARCH_WALK = 1500;

/**
 * Matches in the probe that make the walk worth it for a page of `rows` (the page and one more): 9 for a page of
 * 50. A heuristic from the national plans: a walk that falls short costs as much as the lookup it still needs.
 */
export function walkWorthFor(rows: number) {
  return Math.max(SEARCH_PROBE_MIN, Math.ceil((1.25 * rows * SEARCH_PROBE) / SEARCH_WALK));
}

/** At most this many characters of the query's longest word make the names' index pattern (`SearchTerms.nameKey`). */
export const NAME_KEY_LENGTH = 6;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

export function searchTerms(q: string): SearchTerms {
  const like = `%${escapeLike(q)}%`;
  // Decision 056: the names' trigram index is asked for the first NAME_KEY_LENGTH characters of the longest word
  // only, and the whole pattern is tested on what it returns. The trigrams of a whole street or name include
  // those every street shares ("straat": str, tra, raa, aat), whose posting lists cover most of the corporation:
  // measured on the national data, "kerkstraat" took 79 ms through the index, "kerkst" then the whole 21-24 ms.
  const longest = q.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  const key = longest.slice(0, NAME_KEY_LENGTH);
  const compact = q.replace(/\s+/g, '').toUpperCase();
  // Decision 044: a word that cannot be part of a postcode or a reference (their check constraints) is not looked
  // up there: each lookup costs a trigram index scan, and a null pattern matches nothing without one.
  return {
    query: q,
    like,
    nameKey: key.length >= 3 ? `%${escapeLike(key)}%` : like,
    postcode: /^[0-9A-Z]{1,6}$/.test(compact) ? `%${compact}%` : null,
    reference: /^[kK0-9-]+$/.test(q) ? like : null,
  };
}

/**
 * The word tested on one complaint while walking the queue's index: its reference (only when the word can be part
 * of one), then its search row (migration 098: the complainant's name, the unit's street and postcode, the housing
 * complex's name in one short row, one key lookup; decision 056), and last its text, because that reads the
 * (often TOASTed) search vector. The row is read by a scalar subquery, not `exists`: PostgreSQL may turn an
 * `exists` under `or` into a hashed subplan that filters every search row of the organisation (67 ms on the
 * medium data, bench/plans/medium/search.txt), where one key lookup per walked complaint is what is wanted.
 */
export function matchesSearch(t: SearchTerms) {
  return sql<boolean>`(coalesce(c.reference ilike ${t.reference}::text, false)
    or coalesce((select s.names ilike ${t.like} or coalesce(s.postcode like ${t.postcode}::text, false)
      from complaint_search_names s where s.complaint_id = c.id), false)
    or c.search_vector @@ (select websearch_to_tsquery('dutch', ${t.query})))`;
}

/**
 * The ways a complaint matches, each through its own index (decisions 044 and 056): text and reference through
 * the search indexes (migration 083), names, streets, postcodes and complexes through the search rows' trigram
 * index (migration 098), both outside row-level security and scoped to the organisation in scope. A complaint
 * matches when it matches one of them; the first page of the union is among the first pages of the kinds.
 */
export function searchKinds(t: SearchTerms) {
  return [
    sql<boolean>`c.id in (select search_text_ids(${t.query}, ${t.reference}::text))`,
    sql<boolean>`c.id in (select search_name_complaint_ids(${t.like}, ${t.nameKey}, ${t.postcode}::text))`,
  ] as const;
}

/** Every matching complaint, through the search indexes (migration 053): the cost grows with the matches. */
export function inSearchSet(t: SearchTerms) {
  return sql<boolean>`c.id in (select search_complaint_ids(${t.query}, ${t.like}, ${t.postcode}::text))`;
}

/**
 * At most `SEARCH_COUNT_CAP + 1` matches of each kind (migration 076), for counting. Used with the `found` CTE of
 * `withCappedSearch`: more than the cap found means the counts are lower bounds.
 */
export function cappedSearchSet(t: SearchTerms) {
  return sql<{
    id: string;
  }>`select search_complaint_ids(${t.query}, ${t.like}, ${t.postcode}::text, ${SEARCH_COUNT_CAP + 1}) as id`;
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
