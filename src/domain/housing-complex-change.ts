// policy 2.2: complaints are registered per housing complex ("G/klachten/complex") and counted per complex in
// the reports, so a wrong complex is corrected — never silently: the reason stays on the timeline.

export type HousingComplexChange = Readonly<{
  currentComplexId: string | null;
  newComplexId: string | null;
  reason: string;
}>;

export type HousingComplexChangeProblem =
  | 'housing_complex_change_requires_reason'
  | 'housing_complex_unchanged';

export type HousingComplexChangeDecision =
  | { ok: true; from: string | null; to: string | null; reason: string }
  | { ok: false; reason: HousingComplexChangeProblem };

/** Whether the complaint's housing complex may change as asked (policy 2.2). */
export function decideHousingComplexChange(change: HousingComplexChange): HousingComplexChangeDecision {
  const reason = change.reason.trim();
  if (reason === '') return { ok: false, reason: 'housing_complex_change_requires_reason' };
  if (change.newComplexId === change.currentComplexId)
    return { ok: false, reason: 'housing_complex_unchanged' };
  return { ok: true, from: change.currentComplexId, to: change.newComplexId, reason };
}
