import type { FieldError } from '../../../../contract/problem.ts';
import type { ComplexValues, UnitValues } from '../housing.repository.ts';
import type { PersonValues } from '../people.repository.ts';
import type * as repository from './import.repository.ts';
import { type LinedRow, rowError } from './import-rows.ts';

/** What an import will do, decided before anything is written (so a dry run can report it exactly). */
export type Plan<V> = {
  creates: V[];
  updates: { id: string; changes: Partial<V> }[];
  unchanged: number;
  errors: FieldError[];
};

type Loaded<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

/** Row values where undefined means "this column is not in the file": keep what is stored. */
type FromFile<V> = { [K in keyof V]: V[K] | undefined };

/** The fields that differ from what is stored, leaving out columns the file does not have. */
function changesOf<V extends object>(existing: object, values: FromFile<V>): Partial<V> {
  const stored = existing as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => value !== undefined && stored[key] !== value),
  ) as Partial<V>;
}

/** A new row: a column the file does not have is simply empty. */
function complete<V extends object>(values: FromFile<V>): V {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? null])) as V;
}

function place<V extends object>(
  plan: Plan<V>,
  existing: (object & { id: string }) | undefined,
  values: FromFile<V>,
) {
  if (!existing) return void plan.creates.push(complete(values));
  const changes = changesOf<V>(existing, values);
  if (Object.keys(changes).length === 0) plan.unchanged += 1;
  else plan.updates.push({ id: existing.id, changes });
}

const emptyPlan = <V>(): Plan<V> => ({ creates: [], updates: [], unchanged: 0, errors: [] });

export function planComplexes(
  rows: LinedRow<'complexes'>[],
  stored: Loaded<typeof repository.loadComplexes>,
): Plan<ComplexValues> {
  const plan = emptyPlan<ComplexValues>();
  const byExternalId = new Map(stored.filter((c) => c.externalId).map((c) => [c.externalId as string, c]));
  const byNumber = new Map(stored.map((c) => [c.complexNumber, c]));
  for (const { line, values } of rows) {
    const externalId = values.extern_id ?? values.complexnummer;
    const holder = byNumber.get(values.complexnummer);
    // A complex entered by hand (no external id yet) is adopted by the import rather than duplicated.
    const target = byExternalId.get(externalId) ?? (holder?.externalId === null ? holder : undefined);
    if (holder && holder !== target) {
      plan.errors.push(
        rowError(
          line,
          'complexnummer',
          'taken',
          `Complexnummer ${values.complexnummer} hoort al bij een ander complex (extern id ${holder.externalId}).`,
          `Complex number ${values.complexnummer} already belongs to another complex (external id ${holder.externalId}).`,
        ),
      );
      continue;
    }
    place(plan, target, {
      complexNumber: values.complexnummer,
      name: values.naam,
      place: values.plaats,
      externalId,
    });
  }
  return plan;
}

export function planUnits(
  rows: LinedRow<'units'>[],
  stored: Loaded<typeof repository.loadUnits>,
  complexes: Loaded<typeof repository.loadComplexes>,
): Plan<UnitValues> {
  const plan = emptyPlan<UnitValues>();
  const byExternalId = new Map(stored.map((u) => [u.externalId as string, u]));
  const complexIdByNumber = new Map(complexes.map((c) => [c.complexNumber, c.id]));
  for (const { line, values } of rows) {
    const complexNumber = values.complexnummer;
    const housingComplexId = complexNumber ? complexIdByNumber.get(complexNumber) : complexNumber;
    if (housingComplexId === undefined && complexNumber) {
      plan.errors.push(
        rowError(
          line,
          'complexnummer',
          'unknown_complex',
          `Er is geen complex met complexnummer ${complexNumber}; importeer eerst de complexen.`,
          `There is no complex with number ${complexNumber}; import the complexes first.`,
        ),
      );
      continue;
    }
    place<UnitValues>(plan, byExternalId.get(values.extern_id), {
      externalId: values.extern_id,
      housingComplexId,
      street: values.straat,
      houseNumber: values.huisnummer,
      houseNumberAddition: values.toevoeging,
      postcode: values.postcode,
      place: values.plaats,
    });
  }
  return plan;
}

export function planTenants(
  rows: LinedRow<'tenants'>[],
  stored: Loaded<typeof repository.loadPersonsWithExternalId>,
  units: Loaded<typeof repository.loadUnits>,
): Plan<PersonValues> {
  const plan = emptyPlan<PersonValues>();
  const byExternalId = new Map(stored.map((p) => [p.externalId as string, p]));
  const unitIdByExternalId = new Map(units.map((u) => [u.externalId as string, u.id]));
  for (const { line, values } of rows) {
    const unitId = unitIdByExternalId.get(values.eenheid);
    if (!unitId) {
      plan.errors.push(
        rowError(
          line,
          'eenheid',
          'unknown_unit',
          `Er is geen eenheid met extern_id ${values.eenheid}; importeer eerst de eenheden.`,
          `There is no unit with external id ${values.eenheid}; import the units first.`,
        ),
      );
      continue;
    }
    place<PersonValues>(plan, byExternalId.get(values.extern_id), {
      externalId: values.extern_id,
      name: values.naam,
      email: values.email,
      phone: values.telefoon,
      postalAddress: values.postadres,
      relation: 'tenant',
      unitId,
    });
  }
  return plan;
}
