import type { ImportKind, ImportResult } from '../../../../contract/imports.ts';
import type { FieldError } from '../../../../contract/problem.ts';
import { describeConstraintViolation } from '../../../db/constraint-errors.ts';
import type { Database } from '../../../db/database.ts';
import { inOrganization, type Scoped } from '../../../db/tenant-scope.ts';
import { AppError } from '../../../http/app-error.ts';
import { updateHousingComplex, updateUnit } from '../housing.repository.ts';
import { updatePerson } from '../people.repository.ts';
import { readCsv } from './csv-reader.ts';
import * as repository from './import.repository.ts';
import { type Plan, planComplexes, planTenants, planUnits } from './import-plans.ts';
import { findDuplicates, rowError, validateRows } from './import-rows.ts';

/** Enough to fix a file; a wholly wrong file would otherwise answer with tens of thousands of lines. */
export const MAX_REPORTED_ERRORS = 1000;

function refuse(errors: FieldError[]): never {
  const lines = [...new Set(errors.map((e) => Number(e.path.split('.')[1])))].sort((a, b) => a - b);
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  throw new AppError('import_invalid', {
    detail:
      `${errors.length} problem(s) on ${lines.length} line(s): ${lines.slice(0, 50).join(', ')}` +
      `${lines.length > 50 ? ', …' : ''}.` +
      (shown.length < errors.length ? ` The first ${shown.length} are listed.` : ''),
    fieldErrors: shown,
  });
}

async function applyPlan<V>(
  plan: Plan<V>,
  insert: (rows: V[]) => Promise<void>,
  update: (id: string, changes: Partial<V>) => Promise<void>,
) {
  await insert(plan.creates);
  for (const { id, changes } of plan.updates) await update(id, changes);
}

async function planAndApply(
  trx: Scoped,
  organizationId: string,
  kind: ImportKind,
  text: string,
  dryRun: boolean,
): Promise<ImportResult> {
  const csv = readCsv(text);
  if (!csv.ok) {
    refuse([
      csv.reason === 'empty'
        ? rowError(csv.line, '', 'empty', 'Het bestand is leeg.', 'The file is empty.')
        : rowError(
            csv.line,
            '',
            'csv_syntax',
            'Het bestand is hier geen geldige CSV meer: staat er een aanhalingsteken (") dat niet wordt gesloten?',
            'The file stops being valid CSV here: is there a quote (") that is never closed?',
          ),
    ]);
  }
  const report = { kind, dryRun, rows: csv.table.rows.length };
  const count = <V>(plan: Plan<V>): ImportResult => ({
    ...report,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    ignoredColumns: [],
  });

  // Every row is checked (shape, duplicates, references) before anything is written: all or nothing.
  switch (kind) {
    case 'complexes': {
      const { rows, partial, errors, ignoredColumns } = validateRows('complexes', csv.table);
      const all = byLine([...rows, ...partial]);
      errors.push(...findDuplicates(all, 'complexnummer', (r) => r.complexnummer));
      errors.push(...findDuplicates(all, 'extern_id', (r) => r.extern_id ?? undefined));
      const stored = await repository.loadComplexes(trx);
      const plan = planComplexes(rows, stored);
      errors.push(...planComplexes(having(partial, 'complexnummer'), stored).errors);
      if (errors.length + plan.errors.length > 0) refuse(sortByLine([...errors, ...plan.errors]));
      if (!dryRun)
        await applyPlan(
          plan,
          (creates) => repository.insertComplexes(trx, organizationId, creates),
          (id, changes) => updateHousingComplex(trx, id, changes),
        );
      return { ...count(plan), ignoredColumns };
    }
    case 'units': {
      const { rows, partial, errors, ignoredColumns } = validateRows('units', csv.table);
      errors.push(...findDuplicates(byLine([...rows, ...partial]), 'extern_id', (r) => r.extern_id));
      const [stored, complexes] = [await repository.loadUnits(trx), await repository.loadComplexes(trx)];
      const plan = planUnits(rows, stored, complexes);
      errors.push(...planUnits(having(partial, 'complexnummer'), stored, complexes).errors);
      if (errors.length + plan.errors.length > 0) refuse(sortByLine([...errors, ...plan.errors]));
      if (!dryRun)
        await applyPlan(
          plan,
          (creates) => repository.insertUnits(trx, organizationId, creates),
          (id, changes) => updateUnit(trx, id, changes),
        );
      return { ...count(plan), ignoredColumns };
    }
    case 'tenants': {
      const { rows, partial, errors, ignoredColumns } = validateRows('tenants', csv.table);
      errors.push(...findDuplicates(byLine([...rows, ...partial]), 'extern_id', (r) => r.extern_id));
      const [stored, units] = [
        await repository.loadPersonsWithExternalId(trx),
        await repository.loadUnits(trx),
      ];
      const plan = planTenants(rows, stored, units);
      errors.push(...planTenants(having(partial, 'eenheid'), stored, units).errors);
      if (errors.length + plan.errors.length > 0) refuse(sortByLine([...errors, ...plan.errors]));
      if (!dryRun)
        await applyPlan(
          plan,
          (creates) => repository.insertPersons(trx, organizationId, creates),
          (id, changes) => updatePerson(trx, id, changes),
        );
      return { ...count(plan), ignoredColumns };
    }
  }
}

const byLine = <R extends { line: number }>(rows: R[]) => [...rows].sort((a, b) => a.line - b.line);

/** The bad lines whose cell a reference check needs is fine (the other cells are left unset). */
const having = <R extends { values: object }>(rows: R[], cell: string) =>
  rows.filter((row) => (row.values as Record<string, unknown>)[cell] !== undefined);

function sortByLine(errors: FieldError[]): FieldError[] {
  const lineOf = (error: FieldError) => Number(error.path.split('.')[1]);
  return [...errors].sort((a, b) => lineOf(a) - lineOf(b));
}

/**
 * Imports complexes, units or tenants from a corporation's CSV export into one organisation, in one
 * transaction. Re-importing updates rows by their external id; a dry run validates and counts only.
 */
export async function importCsv(
  db: Database,
  organizationId: string,
  kind: ImportKind,
  text: string,
  options: { dryRun: boolean },
): Promise<ImportResult> {
  return inOrganization(db, organizationId, (trx) =>
    planAndApply(trx, organizationId, kind, text, options.dryRun),
  ).catch((error: unknown) => {
    // Everything was checked first; a violation now means someone changed the same rows meanwhile.
    if (describeConstraintViolation(error)) throw new AppError('conflict', { cause: error });
    throw error;
  });
}
