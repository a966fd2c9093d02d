import { Button, Group, Modal, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MT_DECISIONS, type MtDecision } from '../../../domain/learning.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { inBothLanguages, useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem } from '../../lib/form-errors.ts';
import { type DecisionInput, type Meeting, mtKeys, type PolicyIssue, recordDecision } from './mt-api.ts';

const REQUIRED = { nl: 'Vul dit veld in.', en: 'Fill in this field.' };
const DECISIONS = Object.keys(MT_DECISIONS) as MtDecision[];
const EMPTY = {
  subject: '',
  decision: '' as MtDecision | '',
  reason: '',
  title: '',
  description: '',
  ownerId: '',
  dueOn: '',
};

/**
 * The MT's decision on one agenda item (or a point of its own): adjust the policy, a new improvement action
 * with owner and due date, or no action with the reason why (policy 3.1).
 */
export function DecisionDialog({
  meeting,
  item,
  opened,
  owners,
  onClose,
  onDecided,
}: {
  meeting: Meeting;
  /** The agenda item decided on; null for a point that is not on the list. */
  item: PolicyIssue | null;
  opened: boolean;
  owners: { id: string; label: string }[];
  onClose: () => void;
  onDecided: (subject: string) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const set = (patch: Partial<typeof EMPTY>) => setValues((v) => ({ ...v, ...patch }));
  const subject = item ? item.title : values.subject.trim();
  const decide = useMutation({
    mutationFn: (input: DecisionInput) => recordDecision(meeting.id, input),
    onSuccess: (saved, input) => {
      queryClient.setQueryData(mtKeys.meeting(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: mtKeys.all });
      setValues(EMPTY);
      onDecided(input.subject);
    },
    onError: (error) => setFieldErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });
  const close = () => {
    decide.reset();
    setFieldErrors({});
    setValues(EMPTY);
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    decide.reset();
    const errors: FieldErrors = {};
    if (!item && !subject) errors.subject = REQUIRED;
    if (!values.decision) errors.decision = inBothLanguages((m) => m.mtReview.decisionRequired);
    if (values.decision === 'no_action' && !values.reason.trim())
      errors.reason = inBothLanguages((m) => m.mtReview.reasonRequired);
    if (values.decision === 'new_action' && !values.title.trim())
      errors['action.title'] = inBothLanguages((m) => m.mtReview.actionTitleRequired);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || !values.decision) return;
    decide.mutate({
      ...(item ? { policyIssueId: item.id } : {}),
      subject,
      decision: values.decision,
      reason: values.reason.trim() || null,
      ...(values.decision === 'new_action'
        ? {
            action: {
              title: values.title,
              description: values.description.trim() || null,
              ownerId: values.ownerId || null,
              dueOn: values.dueOn || null,
              complaintIds: item ? item.complaints.map((c) => c.id) : [],
            },
          }
        : {}),
    });
  };

  const fields = [
    { path: 'subject', id: 'decision-subject', label: t.mtReview.subject },
    { path: 'decision', id: 'decision-kind', label: t.mtReview.decision },
    { path: 'reason', id: 'decision-reason', label: t.mtReview.reason },
    { path: 'action.title', id: 'decision-action-title', label: t.mtReview.actionTitle },
    { path: 'action.ownerId', id: 'decision-action-owner', label: t.mtReview.owner },
    { path: 'action.dueOn', id: 'decision-action-due', label: t.mtReview.dueOn },
  ];
  const failure =
    decide.error && !isFieldProblem(decide.error) ? describeApiError(decide.error, locale, t) : undefined;

  return (
    <Modal
      opened={opened}
      onClose={close}
      size="lg"
      title={item ? t.mtReview.decisionTitle(item.title) : t.mtReview.decisionTitleOther}
      closeButtonProps={{ 'aria-label': t.mtReview.close }}
    >
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary
          message={failure}
          fieldErrors={summarizeFieldErrors(fieldErrors, fields, locale)}
          attempt={attempt}
        />
        <Stack gap="md">
          {!item && (
            <TextInput
              id="decision-subject"
              label={t.mtReview.subject}
              required
              value={values.subject}
              onChange={(event) => set({ subject: event.currentTarget.value })}
              error={fieldErrors.subject?.[locale]}
            />
          )}
          <Radio.Group
            id="decision-kind"
            label={t.mtReview.decision}
            required
            value={values.decision}
            onChange={(decision) => set({ decision: decision as MtDecision })}
            error={fieldErrors.decision?.[locale]}
          >
            <Stack gap="xs" mt="xs">
              {DECISIONS.map((d) => (
                <Radio key={d} value={d} label={MT_DECISIONS[d][locale]} />
              ))}
            </Stack>
          </Radio.Group>
          {values.decision === 'new_action' && (
            <>
              <TextInput
                id="decision-action-title"
                label={t.mtReview.actionTitle}
                required
                value={values.title}
                onChange={(event) => set({ title: event.currentTarget.value })}
                error={fieldErrors['action.title']?.[locale]}
              />
              <Textarea
                id="decision-action-description"
                label={t.mtReview.actionDescription}
                autosize
                minRows={2}
                value={values.description}
                onChange={(event) => set({ description: event.currentTarget.value })}
              />
              <Group grow align="flex-start">
                <NativeSelect
                  id="decision-action-owner"
                  label={t.mtReview.owner}
                  value={values.ownerId}
                  onChange={(event) => set({ ownerId: event.currentTarget.value })}
                  data={[
                    { value: '', label: t.mtReview.noOwner },
                    ...owners.map((o) => ({ value: o.id, label: o.label })),
                  ]}
                  error={fieldErrors['action.ownerId']?.[locale]}
                />
                <TextInput
                  id="decision-action-due"
                  type="date"
                  label={t.mtReview.dueOn}
                  value={values.dueOn}
                  onChange={(event) => set({ dueOn: event.currentTarget.value })}
                  error={fieldErrors['action.dueOn']?.[locale]}
                />
              </Group>
            </>
          )}
          <Textarea
            id="decision-reason"
            label={t.mtReview.reason}
            description={values.decision === 'no_action' ? t.mtReview.reasonHelpNoAction : undefined}
            required={values.decision === 'no_action'}
            autosize
            minRows={2}
            value={values.reason}
            onChange={(event) => set({ reason: event.currentTarget.value })}
            error={fieldErrors.reason?.[locale]}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={close}>
              {t.mtReview.cancel}
            </Button>
            <Button type="submit" loading={decide.isPending}>
              {t.mtReview.recordDecision}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
