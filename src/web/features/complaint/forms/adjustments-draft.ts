import type { AdjustmentsInput } from '../../../../contract/adjustments.ts';

/**
 * Issue 26 (decision 052): the whole set of adjustments as the inputs hold it (strings, '' for nothing), shared by
 * the case page's "Aanpassingen wijzigen" and the staff intake, so both send the same set the same way.
 */
export type AdjustmentsDraft = {
  preferredChannel: NonNullable<AdjustmentsInput['preferredChannel']> | null;
  largePrint: boolean;
  interpreterLanguage: string;
  callBack: { dayParts: NonNullable<AdjustmentsInput['callBack']>['dayParts']; note: string };
  representative: Omit<NonNullable<AdjustmentsInput['representative']>, 'authorityNote'> & {
    authorityNote: string;
  };
  accessNeeds: Omit<NonNullable<AdjustmentsInput['accessNeeds']>, 'note'> & { note: string };
};

/** Nothing asked for yet. */
export function blankAdjustmentsDraft(): AdjustmentsDraft {
  return {
    preferredChannel: null,
    largePrint: false,
    interpreterLanguage: '',
    callBack: { dayParts: [], note: '' },
    representative: {
      name: '',
      contact: '',
      authority: 'written_authorisation',
      authorityNote: '',
      authorityDate: '',
      receivesCopies: false,
    },
    accessNeeds: { needs: [], note: '', consentGiven: false },
  };
}

/** The inputs for a recorded set (the case page's edit form starts from it). */
export function adjustmentsDraftFrom(current: AdjustmentsInput): AdjustmentsDraft {
  const blank = blankAdjustmentsDraft();
  return {
    preferredChannel: current.preferredChannel ?? null,
    largePrint: current.largePrint === true,
    interpreterLanguage: current.interpreterLanguage ?? '',
    callBack: current.callBack
      ? { dayParts: current.callBack.dayParts, note: current.callBack.note ?? '' }
      : blank.callBack,
    representative: current.representative
      ? { ...current.representative, authorityNote: current.representative.authorityNote ?? '' }
      : blank.representative,
    accessNeeds: current.accessNeeds
      ? { ...current.accessNeeds, note: current.accessNeeds.note ?? '' }
      : blank.accessNeeds,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The set the adjustments API takes. A representative or reading/hearing need is sent as soon as anything of it
 * was filled in, so a missing name, date or consent is named at its field instead of silently dropped.
 */
export function toAdjustmentsInput(draft: AdjustmentsDraft): AdjustmentsInput {
  const { callBack, representative: rep, accessNeeds } = draft;
  const repStarted =
    [rep.name, rep.contact, rep.authorityNote, rep.authorityDate].some((s) => s.trim() !== '') ||
    rep.receivesCopies;
  const needsStarted =
    accessNeeds.needs.length > 0 || accessNeeds.note.trim() !== '' || accessNeeds.consentGiven;
  return {
    preferredChannel: draft.preferredChannel,
    largePrint: draft.largePrint,
    interpreterLanguage: orNull(draft.interpreterLanguage),
    callBack:
      callBack.dayParts.length > 0 || callBack.note.trim() !== ''
        ? { dayParts: callBack.dayParts, note: orNull(callBack.note) }
        : null,
    representative: repStarted ? { ...rep, authorityNote: orNull(rep.authorityNote) } : null,
    accessNeeds: needsStarted ? { ...accessNeeds, note: orNull(accessNeeds.note) } : null,
  };
}

/** True when nothing at all was asked for: the intake then sends no adjustments. */
export function isEmptyAdjustments(input: AdjustmentsInput): boolean {
  return (
    !input.preferredChannel &&
    input.largePrint !== true &&
    !input.interpreterLanguage &&
    !input.callBack &&
    !input.representative &&
    !input.accessNeeds
  );
}
