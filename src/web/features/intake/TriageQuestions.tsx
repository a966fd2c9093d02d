import { Alert, NativeSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import {
  CHOOSABLE_MANAGER_TAKES_REASONS,
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  composeOutsideProcedureExplanation,
  isAboutEmployeeConduct,
  MANAGER_TAKES_REASONS,
  type ManagerTakesReason,
  OUTSIDE_PROCEDURE_GROUNDS,
  type OutsideProcedureGround,
} from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import {
  useContractors,
  useDepartments,
  useRoutingSettings,
  useStaff,
} from '../complaints/reference-queries.ts';
import type { IntakeValues, SubjectKind } from './intake-form.ts';
import { YesNo } from './YesNo.tsx';

const REFERRAL_KINDS = ['repair_request', 'nuisance_report', 'housing_fraud_report'] as const;

/**
 * The policy's own questions, in its order (1.2, 2.5): a first-time repair, nuisance or fraud report is
 * referred; an out-of-procedure ground gets an explanation; otherwise it is a complaint with a category
 * and a subject. The criminal-offence question is asked whatever the outcome.
 */
export function TriageQuestions({
  values,
  set,
  errors,
}: {
  values: IntakeValues;
  set: (changes: Partial<IntakeValues>) => void;
  errors: FieldErrors;
}) {
  const { t, locale } = useI18n();
  const departments = useDepartments();
  const staff = useStaff();
  const contractors = useContractors();
  // policy 1.3: the organisation's rule may already send this complaint to the manager; say so here
  const routingRule = useRoutingSettings();
  const byRule =
    routingRule.data?.conductToManager === true &&
    isAboutEmployeeConduct((values.category || null) as ComplaintCategory | null, values.subjectKind);
  const error = (path: string) => errors[`triage.${path}`]?.[locale];
  const choose = { value: '', label: t.intake.choose };
  const ground = values.ground as OutsideProcedureGround | '';
  const subjectOptions =
    values.subjectKind === 'department'
      ? (departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))
      : values.subjectKind === 'employee'
        ? (staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))
        : (contractors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const subjectLabel = {
    department: t.intake.subjectDepartment,
    employee: t.intake.subjectEmployee,
    contractor: t.intake.subjectContractor,
    none: '',
  }[values.subjectKind];

  return (
    <Stack gap="md">
      <YesNo
        name="is-referral"
        label={t.intake.questionReferral}
        value={values.isReferral}
        onChange={(isReferral) => set({ isReferral })}
      />
      {values.isReferral === 'yes' ? (
        <>
          <NativeSelect
            id="intake-referral-kind"
            label={t.intake.referralKind}
            required
            value={values.referralKind}
            data={[choose, ...REFERRAL_KINDS.map((k) => ({ value: k, label: t.complaint.notAComplaint[k] }))]}
            error={error('kind')}
            onChange={(event) => set({ referralKind: event.currentTarget.value })}
          />
          <Textarea
            id="intake-referral-note"
            label={`${t.intake.referralNote} ${t.complaint.optional}`}
            autosize
            minRows={2}
            value={values.referralNote}
            error={error('note')}
            onChange={(event) => set({ referralNote: event.currentTarget.value })}
          />
        </>
      ) : (
        <YesNo
          name="is-outside"
          label={t.intake.questionOutside}
          value={values.isOutside}
          onChange={(isOutside) => set({ isOutside })}
        />
      )}
      {values.isReferral === 'no' && values.isOutside === 'yes' && (
        <>
          <NativeSelect
            id="intake-ground"
            label={t.intake.ground}
            required
            value={values.ground}
            data={[
              choose,
              ...Object.keys(OUTSIDE_PROCEDURE_GROUNDS).map((g) => ({
                value: g,
                label: t.complaint.ground[g as OutsideProcedureGround],
              })),
            ]}
            error={error('ground')}
            onChange={(event) => set({ ground: event.currentTarget.value })}
          />
          {ground && OUTSIDE_PROCEDURE_GROUNDS[ground].detailRequired && (
            <Textarea
              id="intake-ground-detail"
              label={t.intake.groundDetail}
              required
              autosize
              minRows={2}
              value={values.groundDetail}
              error={error('referralDetail')}
              onChange={(event) => set({ groundDetail: event.currentTarget.value })}
            />
          )}
          {ground && (
            <Alert variant="light" color="gehoord" title={t.intake.explanationPreview}>
              <Text size="sm" data-testid="explanation-preview">
                {composeOutsideProcedureExplanation(ground, values.groundDetail.trim() || '…')}
              </Text>
            </Alert>
          )}
        </>
      )}
      <YesNo
        name="criminal"
        label={t.intake.questionCriminal}
        description={t.intake.criminalHint}
        value={values.criminal}
        onChange={(criminal) => set({ criminal })}
      />
      {values.isReferral === 'no' && values.isOutside === 'no' && (
        <>
          <YesNo
            name="discrimination"
            label={t.intake.questionDiscrimination}
            description={t.intake.discriminationHint}
            value={values.discrimination}
            onChange={(discrimination) =>
              set(
                discrimination === 'yes'
                  ? { discrimination, category: 'treated_wrongly' }
                  : { discrimination },
              )
            }
          />
          <NativeSelect
            id="intake-category"
            label={t.intake.category}
            required
            value={values.category}
            data={[
              choose,
              ...Object.keys(COMPLAINT_CATEGORIES).map((c) => ({
                value: c,
                label: t.complaint.category[c as keyof typeof COMPLAINT_CATEGORIES],
              })),
            ]}
            error={error('category')}
            onChange={(event) => set({ category: event.currentTarget.value })}
          />
          <Radio.Group
            name="subject-kind"
            label={t.intake.subjectKind}
            value={values.subjectKind}
            onChange={(kind) => set({ subjectKind: kind as SubjectKind, subjectId: '', managerTakes: '' })}
          >
            <Stack gap={4} mt={4}>
              {(['department', 'employee', 'contractor', 'none'] as const).map((kind) => (
                <Radio key={kind} value={kind} label={t.intake.subjectKinds[kind]} />
              ))}
            </Stack>
          </Radio.Group>
          {values.subjectKind !== 'none' && (
            <NativeSelect
              id="intake-subject"
              label={subjectLabel}
              required
              value={values.subjectId}
              data={[choose, ...subjectOptions]}
              error={error(`subject.${values.subjectKind}Id`)}
              onChange={(event) => set({ subjectId: event.currentTarget.value })}
            />
          )}
          {values.subjectKind === 'employee' && (
            <NativeSelect
              id="intake-manager-takes"
              label={t.intake.managerTakes}
              description={byRule ? t.intake.managerTakesByRuleHint : t.intake.managerTakesHint}
              value={values.managerTakes}
              data={[
                { value: '', label: byRule ? t.intake.managerTakesByRule : t.intake.managerTakesNo },
                ...CHOOSABLE_MANAGER_TAKES_REASONS.map((reason) => ({
                  value: reason,
                  label: MANAGER_TAKES_REASONS[reason as ManagerTakesReason][locale],
                })),
              ]}
              error={error('managerTakes')}
              onChange={(event) => set({ managerTakes: event.currentTarget.value })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
