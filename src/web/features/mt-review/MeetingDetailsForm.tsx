import { Alert, Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem } from '../../lib/form-errors.ts';
import { type Meeting, mtKeys, updateMeeting } from './mt-api.ts';
import { useUnsavedWarning } from './use-unsaved-warning.ts';

type Values = { heldOn: string; attendeeIds: string[]; otherAttendees: string; minutes: string };

const valuesOf = (meeting: Meeting): Values => ({
  heldOn: meeting.heldOn,
  attendeeIds: meeting.attendees.map((a) => a.id).sort(),
  otherAttendees: meeting.otherAttendees ?? '',
  minutes: meeting.minutes,
});
const same = (a: Values, b: Values) =>
  a.heldOn === b.heldOn &&
  a.otherAttendees === b.otherAttendees &&
  a.minutes === b.minutes &&
  [...a.attendeeIds].sort().join() === [...b.attendeeIds].sort().join();

/** Date, attendees and minutes of a draft meeting; warns while changes are unsaved. */
export function MeetingDetailsForm({
  meeting,
  candidates,
  onDirtyChange,
}: {
  meeting: Meeting;
  /** People who can be ticked as present: the MT and board, plus whoever is already on the list. */
  candidates: { id: string; name: string }[];
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => valuesOf(meeting));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const dirty = !same(values, valuesOf(meeting));
  useUnsavedWarning(dirty);
  const set = (patch: Partial<Values>) => {
    const next = { ...values, ...patch };
    setValues(next);
    onDirtyChange(!same(next, valuesOf(meeting)));
  };
  const save = useMutation({
    mutationFn: () =>
      updateMeeting(meeting.id, {
        heldOn: values.heldOn,
        attendeeIds: values.attendeeIds,
        otherAttendees: values.otherAttendees.trim() === '' ? null : values.otherAttendees,
        minutes: values.minutes,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(mtKeys.meeting(saved.id), saved);
      setValues(valuesOf(saved));
      onDirtyChange(false);
    },
    onError: (error) => setFieldErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    save.reset();
    if (!values.heldOn) {
      setFieldErrors({ heldOn: { nl: 'Vul dit veld in.', en: 'Fill in this field.' } });
      return;
    }
    setFieldErrors({});
    save.mutate();
  };
  const fields = [
    { path: 'heldOn', id: 'meeting-date', label: t.mtReview.heldOn },
    { path: 'attendeeIds', id: 'meeting-attendees', label: t.mtReview.attendees },
    { path: 'otherAttendees', id: 'meeting-other-attendees', label: t.mtReview.otherAttendees },
    { path: 'minutes', id: 'meeting-minutes', label: t.mtReview.minutes },
  ];
  const failure =
    save.error && !isFieldProblem(save.error) ? describeApiError(save.error, locale, t) : undefined;

  return (
    <form onSubmit={onSubmit} noValidate data-testid="meeting-form">
      <ErrorSummary
        message={failure}
        fieldErrors={summarizeFieldErrors(fieldErrors, fields, locale)}
        attempt={attempt}
      />
      <Stack gap="md">
        <TextInput
          id="meeting-date"
          type="date"
          label={t.mtReview.heldOn}
          required
          value={values.heldOn}
          onChange={(event) => set({ heldOn: event.currentTarget.value })}
          error={fieldErrors.heldOn?.[locale]}
          maw={240}
        />
        <Checkbox.Group
          id="meeting-attendees"
          label={t.mtReview.attendees}
          description={t.mtReview.attendeesHelp}
          value={values.attendeeIds}
          onChange={(attendeeIds) => set({ attendeeIds })}
          error={fieldErrors.attendeeIds?.[locale]}
        >
          <Group gap="md" mt="xs">
            {candidates.map((person) => (
              <Checkbox key={person.id} value={person.id} label={person.name} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          id="meeting-other-attendees"
          label={t.mtReview.otherAttendees}
          value={values.otherAttendees}
          onChange={(event) => set({ otherAttendees: event.currentTarget.value })}
          error={fieldErrors.otherAttendees?.[locale]}
        />
        <Textarea
          id="meeting-minutes"
          label={t.mtReview.minutes}
          autosize
          minRows={6}
          value={values.minutes}
          onChange={(event) => set({ minutes: event.currentTarget.value })}
          error={fieldErrors.minutes?.[locale]}
        />
        {dirty && (
          <Alert color="#8a4500" variant="outline" role="status" data-testid="unsaved-changes">
            {t.mtReview.unsaved}
          </Alert>
        )}
        {save.isSuccess && !dirty && (
          <Text role="status" c="#1b5e20">
            {t.mtReview.saved}
          </Text>
        )}
        <div>
          <Button type="submit" loading={save.isPending}>
            {t.mtReview.save}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
