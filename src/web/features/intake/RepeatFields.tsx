import { Checkbox, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import {
  EMPLOYEE_RESPONSE_CAUSES,
  type EmployeeResponseCause,
  LAWYER_INVOLVEMENT,
  type LawyerInvolvement,
} from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import { useStaff } from '../complaints/reference-queries.ts';
import type { IntakeValues, RepeatKind } from './intake-form.ts';

const KINDS: RepeatKind[] = ['disagrees_with_decision', 'employee_response'];
const CAUSES = Object.keys(EMPLOYEE_RESPONSE_CAUSES) as EmployeeResponseCause[];
const LAWYER = Object.keys(LAWYER_INVOLVEMENT) as LawyerInvolvement[];

/**
 * policy 2.6, asked once a repeat is linked: does the complainant disagree with the decision (new facts?), or
 * did an employee answer late, not at all or poorly (which employee, what went wrong)? And is a lawyer involved?
 */
export function RepeatFields({
  values,
  set,
  errors,
}: {
  values: IntakeValues;
  set: (changes: Partial<IntakeValues>) => void;
  errors: FieldErrors;
}) {
  const { t, locale } = useI18n();
  const r = t.intake.repeat;
  const staff = useStaff();
  const error = (field: string) => errors[`repeat.${field}`]?.[locale];
  return (
    <Stack gap="sm" mt="sm">
      <Radio.Group
        name="repeat-kind"
        label={r.kind}
        value={values.repeatKind}
        onChange={(kind) => set({ repeatKind: kind as RepeatKind })}
      >
        <Stack gap={6} mt={4}>
          {KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={r.kinds[kind]} />
          ))}
        </Stack>
      </Radio.Group>
      {values.repeatKind === 'disagrees_with_decision' ? (
        <Checkbox
          label={t.intake.repeatNewFacts}
          checked={values.repeatNewFacts}
          onChange={(event) => set({ repeatNewFacts: event.currentTarget.checked })}
        />
      ) : (
        <>
          <NativeSelect
            id="intake-repeat-employee"
            label={r.employee}
            required
            value={values.repeatEmployeeId}
            data={[
              { value: '', label: t.intake.choose },
              ...(staff.data ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
            error={error('employeeId')}
            onChange={(event) => set({ repeatEmployeeId: event.currentTarget.value })}
          />
          <NativeSelect
            id="intake-repeat-cause"
            label={r.cause}
            required
            value={values.repeatCause}
            data={[
              { value: '', label: t.intake.choose },
              ...CAUSES.map((cause) => ({ value: cause, label: r.causes[cause] })),
            ]}
            error={error('cause')}
            onChange={(event) =>
              set({ repeatCause: event.currentTarget.value as EmployeeResponseCause | '' })
            }
          />
          <Text size="sm">{r.managerDecides}</Text>
        </>
      )}
      <Radio.Group
        name="repeat-lawyer"
        label={r.lawyer}
        description={r.lawyerHint}
        value={values.repeatLawyer}
        onChange={(lawyer) => set({ repeatLawyer: lawyer as LawyerInvolvement })}
      >
        <Stack gap={6} mt={4}>
          {LAWYER.map((lawyer) => (
            <Radio key={lawyer} value={lawyer} label={r.lawyers[lawyer]} />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
