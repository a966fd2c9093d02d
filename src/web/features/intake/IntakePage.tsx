import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { type ComplaintDetail, registerComplaintInput, triageInput } from '../../../contract/complaints.ts';
import type { Person } from '../../../contract/reference-data.ts';
import {
  type IntakeChannel,
  OUTSIDE_PROCEDURE_GROUNDS,
  TENANT_LOCALES,
  type TenantLocale,
} from '../../../domain/index.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { appNow } from '../../lib/app-clock.ts';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem, validateForm } from '../../lib/form-errors.ts';
import { adjustmentSummaryFields } from '../complaint/forms/AdjustmentFieldGroups.tsx';
import { complaintKeys, postComplaintAction, registerComplaint } from '../complaints/complaints-api.ts';
import { toDateTimeLocalValue } from '../complaints/format.ts';
import { useScrollToTop } from '../complaints/use-scroll-to-top.ts';
import { AdjustmentFields, INTAKE_ADJUSTMENT_ID_PREFIX } from './AdjustmentFields.tsx';
import { ComplexPicker } from './ComplexPicker.tsx';
import { ConfidentialQuestion } from './ConfidentialQuestion.tsx';
import { DueDatePreview } from './DueDatePreview.tsx';
import {
  blankIntakeValues,
  confidentialityErrors,
  type IntakeValues,
  leavesTriageToHandler,
  toRegisterBody,
  toTriageBody,
} from './intake-form.ts';
import { LikelyDuplicates } from './LikelyDuplicates.tsx';
import { LikelyRepeats } from './LikelyRepeats.tsx';
import { NewPersonFields } from './NewPersonFields.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { RepeatFields } from './RepeatFields.tsx';
import { RepresentativeFields } from './RepresentativeFields.tsx';
import { fieldsFromSearchText } from './search-text.ts';
import { TriageQuestions } from './TriageQuestions.tsx';

const initialValues = (): IntakeValues => blankIntakeValues('phone', toDateTimeLocalValue(appNow()));

type Submission = { created: ComplaintDetail | null };

// Staff register what reaches them directly; the most common first. Website complaints come in by themselves.
const STAFF_CHANNELS: IntakeChannel[] = ['phone', 'desk', 'letter', 'email'];

/**
 * One keyboard-first screen for a phone call, desk visit, letter or e-mail: register, then triage, then
 * straight to the case page. A retry after a failed triage does not register twice (idempotency key, and
 * the registered complaint is kept).
 */
export function IntakePage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.intake.pageTitle);
  useScrollToTop('intake');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<IntakeValues>(initialValues);
  const [person, setPerson] = useState<Person | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const submission = useRef<Submission>({ created: null });
  const dirty = useRef(false);
  const set = (changes: Partial<IntakeValues>) => {
    dirty.current = true;
    setValues((current) => ({ ...current, ...changes }));
  };

  // The case page comes next: fetch its code while the call is being typed in.
  useEffect(() => {
    // A failure here is retried when the page is opened (app/complaint-pages.tsx).
    import('../complaint/ComplaintPage.tsx').catch(() => {});
  }, []);

  // Unsaved-change warning: a half-typed phone intake must not vanish on a stray reload or close.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const save = useMutation({
    mutationFn: async ({ register, triage }: { register: unknown; triage: unknown }) => {
      const created =
        submission.current.created ?? (await registerComplaint(register as never, idempotencyKey));
      submission.current.created = created;
      // policy 2.6: a repeat after the last response is only recorded; the case page offers that step.
      if (created.nextSteps.some((step) => step.code === 'record_without_answer_duty')) return created;
      // policy 2.6: nobody handles an employee-caused repeat until the manager chooses; the handler triages it.
      const triaged =
        triage === null || created.handler === null
          ? created
          : await postComplaintAction(created, 'triage', triage);
      // issue 26 (decision 052): the adjustments heard at intake went with the registration itself
      return triaged;
    },
    onSuccess: (complaint) => {
      dirty.current = false;
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      queryClient.setQueryData(complaintKeys.detail(complaint.id), complaint);
      navigate(`/klachten/${complaint.id}`);
    },
    onError: (error) => {
      const prefix = submission.current.created ? 'triage.' : '';
      if (isFieldProblem(error)) {
        const fromApi = fieldErrorsFromProblem(error);
        setErrors(Object.fromEntries(Object.entries(fromApi).map(([path, text]) => [prefix + path, text])));
      } else setErrors({});
    },
  });

  const submit = () => {
    setAttempt((n) => n + 1);
    save.reset();
    const register = validateForm(registerComplaintInput, toRegisterBody(values));
    const withTriage = !leavesTriageToHandler(values);
    const triage = withTriage
      ? validateForm(triageInput, toTriageBody(values))
      : ({ ok: true, data: null } as const);
    const next: FieldErrors = { ...(register.ok ? {} : register.errors), ...confidentialityErrors(values) };
    if (!triage.ok) for (const [path, text] of Object.entries(triage.errors)) next[`triage.${path}`] = text;
    const ground = values.ground as keyof typeof OUTSIDE_PROCEDURE_GROUNDS;
    if (
      withTriage &&
      values.isReferral === 'no' &&
      values.isOutside === 'yes' &&
      ground &&
      OUTSIDE_PROCEDURE_GROUNDS[ground]?.detailRequired &&
      !values.groundDetail.trim()
    )
      next['triage.referralDetail'] = { nl: 'Vul dit veld in.', en: 'Fill in this field.' };
    setErrors(next);
    if (Object.keys(next).length > 0 || !register.ok || !triage.ok) return;
    save.mutate({ register: register.data, triage: triage.data });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const fields = [
    { path: 'receivedAt', id: 'intake-received-at', label: t.intake.receivedAt },
    { path: 'complainantId', id: 'intake-person', label: t.intake.personSearch },
    { path: 'complainant', id: 'intake-person', label: t.intake.personSearch },
    { path: 'complainant.name', id: 'intake-new-name', label: t.intake.newPersonName },
    { path: 'complainant.phone', id: 'intake-new-phone', label: t.intake.newPersonPhone },
    { path: 'complainant.email', id: 'intake-new-email', label: t.intake.newPersonEmail },
    { path: 'representative.name', id: 'intake-rep-name', label: t.intake.representative.name },
    { path: 'representative.relation', id: 'intake-rep-relation', label: t.intake.representative.relation },
    { path: 'representative.phone', id: 'intake-rep-phone', label: t.intake.representative.phone },
    { path: 'representative.email', id: 'intake-rep-email', label: t.intake.representative.email },
    { path: 'housingComplexId', id: 'intake-complex', label: t.intake.complex.label },
    { path: 'description', id: 'intake-description', label: t.intake.description },
    { path: 'desiredOutcome', id: 'intake-desired-outcome', label: t.intake.desiredOutcome },
    { path: 'complainantLocale', id: 'intake-complainant-locale', label: t.intake.complainantLocale },
    {
      path: 'confidentialReason',
      id: 'intake-confidential-reason',
      label: t.complaint.form.confidentialReason,
    },
    {
      path: 'confidentialReasonText',
      id: 'intake-confidential-text',
      label: t.complaint.form.confidentialReasonText,
    },
    { path: 'repeat.earlierComplaintId', id: 'intake-description', label: t.intake.repeatsTitle },
    { path: 'repeat.employeeId', id: 'intake-repeat-employee', label: t.intake.repeat.employee },
    { path: 'repeat.cause', id: 'intake-repeat-cause', label: t.intake.repeat.cause },
    // issue 26 (decision 052): the adjustments go with the registration and are refused under `adjustments.`
    { path: 'adjustments', id: 'intake-adjustment-channel', label: t.adjustments.title },
    ...adjustmentSummaryFields(INTAKE_ADJUSTMENT_ID_PREFIX, 'adjustments.', t.adjustments),
    { path: 'triage.kind', id: 'intake-referral-kind', label: t.intake.referralKind },
    { path: 'triage.ground', id: 'intake-ground', label: t.intake.ground },
    { path: 'triage.referralDetail', id: 'intake-ground-detail', label: t.intake.groundDetail },
    { path: 'triage.category', id: 'intake-category', label: t.intake.category },
    { path: `triage.subject.${values.subjectKind}Id`, id: 'intake-subject', label: t.intake.subjectKind },
  ];
  const created = submission.current.created;
  const failure =
    save.error && !isFieldProblem(save.error)
      ? [created ? t.intake.triageFailed(created.reference) : null, describeApiError(save.error, locale, t)]
          .filter(Boolean)
          .join(' ')
      : undefined;
  const submitLabel =
    values.isReferral === 'yes'
      ? t.intake.submitReferral
      : values.isOutside === 'yes'
        ? t.intake.submitOutside
        : t.intake.submitComplaint;
  const unitId = person?.unitId ?? null;

  return (
    <Stack gap="md">
      <Title order={1}>{t.intake.title}</Title>
      <Text>{t.intake.intro}</Text>
      <ErrorSummary
        message={failure}
        fieldErrors={summarizeFieldErrors(errors, fields, locale)}
        attempt={attempt}
      />
      {isApiError(save.error, 'precondition_failed') && <Text>{t.complaint.conflict}</Text>}
      <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={t.intake.title}>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Group align="flex-start" gap="xl" wrap="wrap">
              <Radio.Group
                name="channel"
                label={t.intake.channel}
                value={values.channel}
                onChange={(channel) => set({ channel: channel as IntakeChannel })}
              >
                <Group mt={4}>
                  {STAFF_CHANNELS.map((channel) => (
                    <Radio key={channel} value={channel} label={t.complaint.channel[channel]} />
                  ))}
                </Group>
              </Radio.Group>
              <Stack gap={4}>
                <TextInput
                  id="intake-received-at"
                  type="datetime-local"
                  label={t.intake.receivedAt}
                  description={t.intake.receivedAtHint}
                  value={values.receivedAt}
                  error={errors.receivedAt?.[locale]}
                  onChange={(event) => set({ receivedAt: event.currentTarget.value })}
                />
                <DueDatePreview receivedAt={values.receivedAt} />
              </Stack>
            </Group>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="intake-person-title">
            <Title order={2} size="h3" id="intake-person-title" mb="sm">
              {t.intake.personTitle}
            </Title>
            {values.newPerson ? (
              <NewPersonFields
                values={values}
                set={set}
                errors={errors}
                onCancel={() => set({ newPerson: false })}
              />
            ) : (
              <PersonPicker
                person={person}
                error={(errors.complainantId ?? errors.complainant)?.[locale]}
                onChange={(chosen) => {
                  setPerson(chosen);
                  set({ complainantId: chosen?.id ?? '', repeatOf: '' });
                }}
                onNewPerson={(searchText) => {
                  setPerson(null);
                  set({
                    newPerson: true,
                    complainantId: '',
                    repeatOf: '',
                    ...fieldsFromSearchText(searchText),
                  });
                }}
              />
            )}
            <ComplexPicker
              unitId={values.newPerson ? values.newPersonUnitId || null : unitId}
              value={values.housingComplexId}
              onChange={(housingComplexId) => set({ housingComplexId })}
              error={errors.housingComplexId?.[locale]}
            />
            <RepresentativeFields values={values} set={set} errors={errors} />
            <AdjustmentFields values={values} set={set} errors={errors} />
            <NativeSelect
              id="intake-complainant-locale"
              mt="sm"
              maw={320}
              label={t.intake.complainantLocale}
              description={t.intake.complainantLocaleHint}
              value={values.complainantLocale}
              data={TENANT_LOCALES.map((value) => ({ value, label: t.intake.languages[value] }))}
              error={errors.complainantLocale?.[locale]}
              onChange={(event) => set({ complainantLocale: event.currentTarget.value as TenantLocale })}
            />
          </Paper>

          <Paper withBorder p="md">
            <Stack gap="sm">
              <Textarea
                id="intake-description"
                label={t.intake.description}
                description={t.intake.descriptionHint}
                required
                autosize
                minRows={3}
                value={values.description}
                error={errors.description?.[locale]}
                onChange={(event) => set({ description: event.currentTarget.value })}
              />
              <Textarea
                id="intake-desired-outcome"
                label={`${t.intake.desiredOutcome} ${t.complaint.optional}`}
                autosize
                minRows={1}
                value={values.desiredOutcome}
                error={errors.desiredOutcome?.[locale]}
                onChange={(event) => set({ desiredOutcome: event.currentTarget.value })}
              />
              <LikelyDuplicates
                complainantId={values.complainantId}
                text={values.description}
                receivedAt={values.receivedAt}
              />
              <LikelyRepeats
                complainantId={values.complainantId}
                unitId={unitId}
                text={values.description}
                repeatOf={values.repeatOf}
                onLink={(repeatOf) => set({ repeatOf })}
              >
                <RepeatFields values={values} set={set} errors={errors} />
              </LikelyRepeats>
              <ConfidentialQuestion values={values} set={set} errors={errors} />
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="intake-triage-title">
            <Title order={2} size="h3" id="intake-triage-title" mb="sm">
              {t.intake.triageTitle}
            </Title>
            {leavesTriageToHandler(values) ? (
              <Alert variant="light" color="gray" data-testid="triage-left-to-handler">
                {t.intake.triageLeftToHandler}
              </Alert>
            ) : (
              <TriageQuestions values={values} set={set} errors={errors} />
            )}
          </Paper>

          <Group>
            <Button type="submit" size="md" loading={save.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
