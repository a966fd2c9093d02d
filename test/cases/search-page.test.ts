import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import {
  SEARCH_COUNT_CAP,
  SEARCH_PROBE,
  searchTerms,
} from '../../src/server/modules/complaints/complaint-search.repository.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';

// Issue 24, decisions 038 and 044: the database returns a search's page. A common word is found by walking the
// queue's index, a rare one kind by kind through the indexes (text and reference, complainant, unit, housing
// complex); all must give the queue's order, page for page, and only what the reader may see. Counts stop at
// SEARCH_COUNT_CAP matches of a kind and say so.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;

const template = await register(as.eva, {
  channel: 'phone',
  complainantId: world.tenant.id,
  description: 'Het hek van de achtertuin klemt.',
});

// More complaints than the count cap, each a copy of the registered one with its own reference, due date (spread,
// out of insertion order) and text, one word per way a page is found: "kozijn" in 40 (few: fetched whole),
// "lekkage" in 1,560 (common: the probe fills the page), "achtertuin" in 400, one in five of the queue (walked
// further), "eindinspectie" in 400 that come last in the queue (many, yet rare where the walk looks: the search
// indexes). One of each word but "achtertuin" is confidential with Karel as handler.
const COPIES = 2400;
const { rows: columns } = await sql<{ column_name: string }>`
  select column_name from information_schema.columns
   where table_name = 'complaint' and is_generated = 'NEVER'
     and column_name not in ('id', 'reference', 'description', 'due_at', 'original_due_at')`.execute(
  database.owner,
);
const copied = sql.raw(columns.map((c) => `"${c.column_name}"`).join(', '));
await sql`
  insert into complaint (id, reference, description, due_at, original_due_at, ${copied})
  select gen_random_uuid(), 'K-2099-' || lpad(g::text, 5, '0'),
         case when g % 6 = 0 then 'Het hek van de achtertuin klemt.'
              when g % 6 = 1 then 'Eindinspectie na oplevering ontbreekt.'
              when g % 60 = 2 then 'Kozijn rot, het raam sluit niet.'
              else 'Lekkage in de badkamer, al weken.' end,
         c.due_at + ((g * 7919) % ${COPIES}) * interval '1 hour', c.due_at + ((g * 7919) % ${COPIES}) * interval '1 hour',
         ${copied}
    from complaint c, generate_series(1, ${COPIES}) g
   where c.id = ${template.id}`.execute(database.owner);
// "eindinspectie" lands last in the queue's order: beyond the probe and the walk
await sql`update complaint set due_at = due_at + interval '10 years'
           where description like 'Eindinspectie%'`.execute(database.owner);
const confidential = await sql<{ id: string; description: string }>`
  update complaint set confidential = true, confidential_reason_code = 'sensitive_personal_matter',
         handler_id = ${world.people.karel.id}
   where id in (select distinct on (left(description, 5)) id from complaint
                 where reference like 'K-2099-%' and description not like 'Het hek%' order by left(description, 5), reference)
  returning id, description`.execute(database.owner);

// Words found in names and references, not in the text (decision 044): the last 120 complaints in the queue's
// order get a complainant of their own ("Brinkhorst", rare at the head of the queue: looked up through the
// complainant), of whom the last 60 live on a street of their own in a complex of their own ("Zwanenhof", found
// through the unit and the complex); the references "K-2099-0001…" are ten complaints spread over the queue.
const brinkhorst = await database.owner
  .insertInto('person')
  .values({ organization_id: world.organization.id, name: 'Gerrit Brinkhorst', relation: 'tenant' })
  .returning('id')
  .executeTakeFirstOrThrow();
const zwanenhof = await database.owner
  .insertInto('housing_complex')
  .values({
    organization_id: world.organization.id,
    complex_number: '2077',
    name: 'Zwanenhof',
    place: 'Delft',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const zwanenstraat = await database.owner
  .insertInto('unit')
  .values({
    organization_id: world.organization.id,
    housing_complex_id: zwanenhof.id,
    street: 'Zwanenhofstraat',
    house_number: 3,
    postcode: '2611XY',
    place: 'Delft',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
await sql`update complaint set complainant_id = ${brinkhorst.id}
           where id in (select id from complaint where reference like 'K-2099-%' order by due_at desc, id desc limit 120)`.execute(
  database.owner,
);
await sql`update complaint set unit_id = ${zwanenstraat.id}, housing_complex_id = ${zwanenhof.id}
           where id in (select id from complaint where reference like 'K-2099-%' order by due_at desc, id desc limit 60)`.execute(
  database.owner,
);

/**
 * Every way a word matches (decision 038): text, reference, complainant's name, unit's street or postcode, housing
 * complex's name; in the queue's order, as the owner sees them.
 */
async function expectedAnywhere(word: string, seesConfidential: boolean) {
  const t = searchTerms(word);
  const { rows } = await sql<{ id: string }>`
    select c.id from complaint c
      left join person p on p.id = c.complainant_id
      left join unit u on u.id = c.unit_id
      left join housing_complex h on h.id = c.housing_complex_id
     where c.organization_id = ${world.organization.id} and (${seesConfidential} or not c.confidential)
       and (c.search_vector @@ websearch_to_tsquery('dutch', ${word}) or c.reference ilike ${t.like}
            or p.name ilike ${t.like} or u.street ilike ${t.like} or u.postcode like ${`%${word.replace(/\s+/g, '').toUpperCase()}%`}
            or h.name ilike ${t.like})
     order by c.due_at, c.id`.execute(database.owner);
  return rows.map((r) => r.id);
}

/** The matches in the queue's order, as the owner sees them: every one, confidential or not. */
async function expected(word: string, seesConfidential: boolean) {
  const { rows } = await sql<{ id: string }>`
    select id from complaint where organization_id = ${world.organization.id}
       and search_vector @@ websearch_to_tsquery('dutch', ${word}) and (${seesConfidential} or not confidential)
     order by due_at, id`.execute(database.owner);
  return rows.map((r) => r.id);
}

type Page = { items: { id: string; dueAt: string | null }[]; nextCursor: string | null };

async function everyPage(client: Client, query: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/complaints?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await client.request({ url });
    expect(response.statusCode, url).toBe(200);
    const page = response.json() as Page;
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 100);
  return { ids, pages };
}

describe('a search page comes from the database in the queue’s order', () => {
  test('a common word: the first page is the first matches by due date, walked from the index', async () => {
    const all = await expected('lekkage', false);
    expect(all.length).toBeGreaterThan(SEARCH_COUNT_CAP);
    const page = (await as.eva.request({ url: '/api/complaints?q=lekkage&limit=50' })).json() as Page;
    expect(page.items.map((i) => i.id)).toEqual(all.slice(0, 50));
    expect(page.nextCursor).not.toBeNull();
  });

  test('paging a common word across the count cap and past the walked prefix gives every match once, in order', async () => {
    const { ids, pages } = await everyPage(as.eva, 'q=lekkage&limit=200');
    expect(ids).toEqual(await expected('lekkage', false));
    expect(ids.length).toBeGreaterThan(SEARCH_COUNT_CAP);
    expect(pages).toBe(Math.ceil(ids.length / 200));
  });

  test('a word in one complaint of five: past the probe, walked further, paged in order', async () => {
    const all = await expected('achtertuin', false);
    expect(all.length).toBeGreaterThan(SEARCH_PROBE);
    const { ids } = await everyPage(as.eva, 'q=achtertuin&limit=50');
    expect(ids).toEqual(all);
  });

  test('many matches beyond the walked prefix: found through the search indexes, paged in order', async () => {
    const all = await expected('eindinspectie', false);
    expect(all.length).toBeGreaterThan(SEARCH_PROBE);
    const { ids } = await everyPage(as.eva, 'q=eindinspectie&limit=50');
    expect(ids).toEqual(all);
  });

  test('few matches: looked up kind by kind, paged in order', async () => {
    const all = await expected('kozijn', false);
    expect(all.length).toBeGreaterThan(2);
    expect(all.length).toBeLessThan(SEARCH_PROBE);
    const { ids } = await everyPage(as.eva, 'q=kozijn&limit=7');
    expect(ids).toEqual(all);
  });

  test('a name, a street, a postcode, a complex or a reference: every match, in order, on every path', async () => {
    // Brinkhorst: past the walk, through the complainant; Zwanenhof(straat): through the unit and the complex;
    // the reference part: ten matches, none in the text; Hofweg and 3155: everyone else's unit, found on the walk
    const cases = [
      ['Brinkhorst', 120],
      ['zwanenhof', 60],
      ['Zwanenhofstraat', 60],
      ['2611 xy', 60],
      ['K-2099-0001', 10],
      // decision 056: the names' index is asked for "brinkh" / "zwanen" only; the whole word must still match
      ['Brinkhorstlaan', 0],
      ['Zwanenhofweg', 0],
    ] as const;
    for (const [word, count] of cases) {
      expect((await expectedAnywhere(word, true)).length, word).toBe(count);
      const { ids } = await everyPage(as.eva, `q=${encodeURIComponent(word)}&limit=50`);
      expect(ids, word).toEqual(await expectedAnywhere(word, false));
      const forMarieke = await everyPage(as.marieke, `q=${encodeURIComponent(word)}&limit=50`);
      expect(forMarieke.ids, word).toEqual(await expectedAnywhere(word, true));
    }
    // Everyone else's street and postcode: found on the walk, the first two pages in order
    for (const word of ['Hofweg', '3155']) {
      const all = await expectedAnywhere(word, false);
      expect(all.length, word).toBeGreaterThan(COPIES - 120);
      const first = (await as.eva.request({ url: `/api/complaints?q=${word}&limit=50` })).json() as Page;
      const second = (
        await as.eva.request({
          url: `/api/complaints?q=${word}&limit=50&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
        })
      ).json() as Page;
      expect(
        [...first.items, ...second.items].map((i) => i.id),
        word,
      ).toEqual(all.slice(0, 100));
    }
  });

  test('received order, newest first, also pages through every match', async () => {
    const { ids } = await everyPage(as.eva, 'q=eindinspectie&sort=received&limit=50');
    expect(new Set(ids)).toEqual(new Set(await expected('eindinspectie', false)));
  });

  test('confidential matches only for those allowed, on every path', async () => {
    expect(confidential.rows).toHaveLength(3);
    for (const word of ['lekkage', 'eindinspectie', 'kozijn']) {
      const hidden = confidential.rows.find((r) => r.description.toLowerCase().includes(word));
      expect(hidden, word).toBeDefined();
      const forEva = await everyPage(as.eva, `q=${word}&limit=200`);
      expect(forEva.ids, word).not.toContain(hidden?.id);
      const forMarieke = await everyPage(as.marieke, `q=${word}&limit=200`);
      expect(forMarieke.ids, word).toEqual(await expected(word, true));
      expect(forMarieke.ids, word).toContain(hidden?.id);
      const forKarel = await everyPage(as.karel, `q=${word}&limit=200`);
      expect(forKarel.ids, word).toContain(hidden?.id);
    }
  });
});

describe('a search is counted up to a cap', () => {
  test('a common word: "more than 1,000", in the status counts and the tab counts', async () => {
    const counts = (await as.eva.request({ url: '/api/complaints/counts?q=lekkage' })).json();
    expect(counts).toMatchObject({ total: SEARCH_COUNT_CAP, totalIsLowerBound: true });
    const tabs = (await as.mia.request({ url: '/api/complaints/queue-counts?q=lekkage' })).json();
    expect(tabs).toMatchObject({ all: SEARCH_COUNT_CAP, isLowerBound: true });
  });

  test('below the cap the counts are exact, and respect visibility and filters', async () => {
    const rare = (await expected('eindinspectie', false)).length;
    const counts = (await as.eva.request({ url: '/api/complaints/counts?q=eindinspectie' })).json();
    expect(counts).toMatchObject({ total: rare, totalIsLowerBound: false });
    const forMarieke = (await as.marieke.request({ url: '/api/complaints/counts?q=eindinspectie' })).json();
    expect(forMarieke).toMatchObject({ total: rare + 1, totalIsLowerBound: false });
    const filtered = (
      await as.eva.request({ url: '/api/complaints/counts?q=eindinspectie&confidential=true' })
    ).json();
    expect(filtered).toMatchObject({ total: 0, totalIsLowerBound: false });
    const tabs = (await as.mia.request({ url: '/api/complaints/queue-counts?q=eindinspectie' })).json();
    expect(tabs).toMatchObject({ isLowerBound: false });
    const withoutSearch = (await as.eva.request({ url: '/api/complaints/counts' })).json();
    expect(withoutSearch).toMatchObject({ total: COPIES + 1 - 3, totalIsLowerBound: false });
  });

  test('a capped search filtered down to nothing still says its count is a lower bound', async () => {
    const counts = (
      await as.eva.request({ url: '/api/complaints/counts?q=lekkage&confidential=true' })
    ).json();
    expect(counts).toMatchObject({ total: 0, totalIsLowerBound: true });
  });
});
