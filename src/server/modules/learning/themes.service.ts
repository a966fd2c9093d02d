import type { z } from 'zod';
import type { quarterThemes, themeRequest } from '../../../contract/complaint-themes.ts';
import {
  bestMatch,
  findThemes,
  type Quarter,
  quarterOfDay,
  quarterRange,
  THEME_SETTINGS,
  themesWithoutComplaint,
  themeTrend,
  toLocalDate,
} from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { knownComplaintIds } from '../complaints/index.ts';
import * as repository from './themes.repository.ts';

// The quarter's recurring themes (issue 26, decision 049): computed by the worker's job, never in a request;
// read with the reader's need-to-know applied to the member complaints.

const EXAMPLES = 3;
/** Runs per job run: the national set's 560 first runs spread over a few minutes. */
const RUNS_PER_JOB = 40;
const DAY_MS = 86_400_000;

export function previousQuarter(quarter: Quarter): Quarter {
  const [y, q] = quarter.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${(q - 1) as 1 | 2 | 3}`;
}

/** One organisation's quarter: read the words under its row-level security, find the themes, store them. */
export async function computeThemes(
  owner: Database,
  organizationId: string,
  quarter: Quarter,
  now: Date,
  answersRequestOf: Date | null = null,
) {
  return inOrganization(owner, organizationId, async (trx) => {
    const { complaints, total } = await repository.quarterComplaintWords(
      trx,
      quarterRange(quarter),
      THEME_SETTINGS.maxComplaints,
    );
    const found = findThemes(complaints);
    const result = { ...found, leftOut: found.leftOut + (total - complaints.length) };
    await repository.saveRun(trx, { organizationId, quarter, computedAt: now, result, answersRequestOf });
    return { complaints: result.complaints, themes: result.themes.length };
  });
}

/** The scheduled job: requested runs first, then missing current/previous quarters, then stale current ones. */
export async function refreshThemes(owner: Database, now: Date) {
  const current = quarterOfDay(toLocalDate(now));
  const due = await repository.runsToCompute(
    owner,
    { current, previous: previousQuarter(current) },
    new Date(now.getTime() - DAY_MS),
    RUNS_PER_JOB,
  );
  let themes = 0;
  for (const run of due) {
    const computed = await computeThemes(
      owner,
      run.organization_id,
      run.quarter as Quarter,
      now,
      run.requested_at,
    );
    themes += computed.themes;
  }
  return { runs: due.length, themes };
}

/** The MT asks for a fresh run; the worker picks it up within a minute. */
export async function requestThemes(
  trx: Scoped,
  staff: StaffPrincipal,
  quarter: Quarter,
  now: Date,
): Promise<z.infer<typeof themeRequest>> {
  await repository.requestRun(trx, {
    organizationId: staff.organizationId,
    quarter,
    requestedAt: now,
    requestedBy: staff.userId,
  });
  return { quarter, requestedAt: now.toISOString() };
}

/**
 * The quarter's themes as the reader may see them: sizes count every member (confidential ones too), examples
 * name only complaints the reader may know of; each theme with its earlier quarters, trend and action.
 */
export async function getQuarterThemes(
  trx: Scoped,
  staff: StaffPrincipal,
  quarter: Quarter,
): Promise<z.infer<typeof quarterThemes>> {
  const earlierQuarters: Quarter[] = [];
  for (let q = previousQuarter(quarter), i = 0; i < 4; i++, q = previousQuarter(q))
    earlierQuarters.unshift(q);
  const runs = await repository.findRuns(trx, [quarter, ...earlierQuarters]);
  const run = runs.find((r) => r.quarter === quarter);
  const empty = {
    quarter,
    computedAt: run?.computed_at?.toISOString() ?? null,
    requestedAt: run?.requested_at?.toISOString() ?? null,
    complaints: run?.complaints ?? null,
    leftOut: run?.left_out ?? null,
  };
  const status = run?.requested_at ? 'requested' : run?.computed_at ? 'computed' : 'not_computed';
  if (run === undefined || run.computed_at === null) return { ...empty, status, themes: [] };
  const themes = run.themes;
  const known = await knownComplaintIds(
    trx,
    staff,
    themes.flatMap((t) => t.complaintIds),
  );
  const exampleIds = themes.flatMap((t) => t.complaintIds.filter((id) => known.has(id)).slice(0, EXAMPLES));
  const [references, names, actions] = await Promise.all([
    repository.complaintReferences(trx, exampleIds),
    repository.departmentAndComplexNames(
      trx,
      [...new Set(themes.flatMap((t) => t.departments.map((d) => d.id)))],
      [...new Set(themes.flatMap((t) => t.complexes.map((c) => c.id)))],
    ),
    repository.actionsFromThemes(trx),
  ]);
  const runOf = new Map(runs.filter((r) => r.computed_at !== null).map((r) => [r.quarter, r]));
  return {
    ...empty,
    status,
    themes: themes.map((theme) => {
      const earlier = earlierQuarters.map((q) => {
        const other = runOf.get(q);
        return { quarter: q, size: other ? (bestMatch(theme, other.themes)?.size ?? null) : null };
      });
      // without a run for the previous quarter there is nothing to compare with (not "new")
      const compared = runOf.has(previousQuarter(quarter));
      const previous = earlier[earlier.length - 1]?.size ?? null;
      // the action made from this very theme, else one made from a matching theme of an earlier quarter
      const candidates = actions.filter((a) => a.source_theme.quarter <= quarter);
      const action =
        candidates.find((a) => a.source_theme.quarter === quarter && a.source_theme.key === theme.key) ??
        bestMatch(
          theme,
          candidates
            .filter((a) => a.source_theme.quarter < quarter)
            .map((a) => ({ ...a, terms: a.source_theme.terms })),
        );
      const examples = theme.complaintIds
        .filter((id) => known.has(id))
        .slice(0, EXAMPLES)
        .map((id) => ({ id, reference: references.get(id) ?? '' }));
      return {
        key: theme.key,
        name: theme.name,
        size: theme.size,
        cohesion: theme.cohesion,
        terms: [...theme.terms],
        trend: compared ? themeTrend(theme.size, previous) : ('unknown' as const),
        earlier,
        departments: theme.departments.map((d) => ({ ...d, name: names.departments.get(d.id) ?? '' })),
        complexes: theme.complexes.map((c) => ({ ...c, name: names.complexes.get(c.id) ?? '' })),
        examples,
        hiddenMembers: theme.complaintIds.filter((id) => !known.has(id)).length,
        action:
          action === null || action === undefined
            ? null
            : {
                id: action.id,
                title: action.title,
                status: action.status,
                fromQuarter: action.source_theme.quarter as Quarter,
                sizeBefore: action.source_theme.size,
                sizeNow: theme.size,
              },
      };
    }),
  };
}

/** The stored theme an action is made from, and its members the creator may know of (issue 26). */
export async function themeForAction(trx: Scoped, staff: StaffPrincipal, quarter: Quarter, key: string) {
  const [run] = await repository.findRuns(trx, [quarter]);
  const theme = run?.themes.find((t) => t.key === key);
  if (theme === undefined) return null;
  const known = await knownComplaintIds(trx, staff, theme.complaintIds);
  return {
    complaintIds: theme.complaintIds.filter((id) => known.has(id)).slice(0, 200),
    source: {
      quarter,
      key: theme.key,
      name: theme.name,
      size: theme.size,
      terms: theme.terms.map((t) => ({ lexeme: t.lexeme, weight: t.weight })),
    },
  };
}

/**
 * A complaint is erased (retention, erasure on request, re-applied erasure): in the erasure's own transaction it
 * leaves every stored theme run, so no run keeps the id of a complaint that is gone (decision 049).
 */
export async function forgetErasedComplaint(trx: Scoped, complaintId: string): Promise<number> {
  const runs = await repository.runsWithMember(trx, complaintId);
  if (runs.length === 0) return 0;
  const place = await repository.memberPlace(trx, complaintId);
  const erased = {
    id: complaintId,
    departmentId: place?.department_id ?? null,
    housingComplexId: place?.housing_complex_id ?? null,
  };
  for (const run of runs)
    await repository.replaceRunThemes(trx, run.quarter, themesWithoutComplaint(run.themes, erased));
  return runs.length;
}
