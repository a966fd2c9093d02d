import { Alert, Anchor, Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { approvalRefusalInput } from '../../../contract/complaints.ts';
import type { WaitingApproval } from '../../../contract/manager.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { formatEuros } from '../complaints/format.ts';
import { formatDate, formatDateTime } from '../people/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { approveInPlace, fetchApprovalsWaiting, refuseInPlace } from './manager-api.ts';

const QUERY_KEY = ['manager', 'approvals-waiting'];
/** Approved in the list: the answer and the compensation. A decision needs its text, an extension its date. */
const APPROVABLE_IN_PLACE: readonly WaitingApproval['subject'][] = ['answer', 'compensation'];

/** policy 2.3, 2.4, 2.6: what waits for this manager, decided in place; the list updates after each decision. */
export function ApprovalsWaiting() {
  const { t, locale } = useI18n();
  const approvals = useQuery({ queryKey: QUERY_KEY, queryFn: fetchApprovalsWaiting });
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <div role="status">{done && <Alert color="green">{done}</Alert>}</div>
      <QueryState query={approvals}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t.manager.approvalsEmpty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={880}>
              <Table striped data-testid="approvals-waiting">
                <Table.Caption>{t.manager.approvalsCaption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.people.columnReference}</Table.Th>
                    <Table.Th scope="col">{t.manager.approvalSubject}</Table.Th>
                    <Table.Th scope="col">{t.manager.amount}</Table.Th>
                    <Table.Th scope="col">{t.manager.requestedBy}</Table.Th>
                    <Table.Th scope="col">{t.manager.requestedAt}</Table.Th>
                    <Table.Th scope="col">{t.manager.dueAt}</Table.Th>
                    <Table.Th scope="col">{t.manager.decide}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={`${item.complaintId}-${item.subject}`} data-testid="approval-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/klachten/${item.complaintId}`}>
                          {item.reference}
                        </Anchor>
                        {item.complainantName && <Text size="sm">{item.complainantName}</Text>}
                      </Table.Td>
                      <Table.Td>
                        {t.manager.subjects[item.subject]}
                        {item.note && <Text size="sm">{item.note}</Text>}
                      </Table.Td>
                      <Table.Td>
                        {item.amountCents === null ? '—' : formatEuros(item.amountCents, locale)}
                      </Table.Td>
                      <Table.Td>{item.requestedByName ?? '—'}</Table.Td>
                      <Table.Td>{formatDateTime(item.requestedAt, locale)}</Table.Td>
                      <Table.Td>
                        {item.dueAt === null ? t.complaint.term.noTerm : formatDate(item.dueAt, locale)}
                      </Table.Td>
                      <Table.Td>
                        <DecideInPlace item={item} onDone={setDone} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** Approve, or refuse with a reason, without leaving the list; what cannot be decided here links to the case. */
function DecideInPlace({ item, onDone }: { item: WaitingApproval; onDone: (message: string) => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const decision = useMutation({
    mutationFn: (input: { refuse: string | null }) =>
      input.refuse === null ? approveInPlace(item) : refuseInPlace(item, input.refuse),
    onSuccess: (_, input) => {
      onDone((input.refuse === null ? t.manager.approvedMessage : t.manager.refusedMessage)(item.reference));
      void queryClient.invalidateQueries({ queryKey: QUERY_KEY });
    },
  });
  if (item.subject === 'policy_finding' || item.version === null)
    return (
      <Anchor component={Link} to={`/klachten/${item.complaintId}`}>
        {t.manager.openComplaint}
      </Anchor>
    );
  const reasonId = `refusal-${item.complaintId}-${item.subject}`;
  const submitRefusal = (event: FormEvent) => {
    event.preventDefault();
    const parsed = approvalRefusalInput.shape.reason.safeParse(reason);
    setReasonError(parsed.success ? null : t.manager.refusalReasonRequired);
    if (parsed.success) decision.mutate({ refuse: parsed.data });
  };
  return (
    <Stack gap={6}>
      {decision.isError && (
        <Alert color="red" role="alert">
          {describeApiError(decision.error, locale, t)}
        </Alert>
      )}
      {!refusing ? (
        <Group gap="xs" wrap="nowrap">
          {APPROVABLE_IN_PLACE.includes(item.subject) ? (
            <Button
              size="compact-sm"
              loading={decision.isPending}
              aria-label={`${t.manager.approveInline} ${item.reference}`}
              onClick={() => decision.mutate({ refuse: null })}
            >
              {t.manager.approveInline}
            </Button>
          ) : (
            <Anchor component={Link} to={`/klachten/${item.complaintId}`} size="sm">
              {t.manager.openComplaint}
            </Anchor>
          )}
          <Button
            size="compact-sm"
            variant="default"
            aria-label={`${t.manager.refuseInline} ${item.reference}`}
            onClick={() => setRefusing(true)}
          >
            {t.manager.refuseInline}
          </Button>
        </Group>
      ) : (
        <form onSubmit={submitRefusal} noValidate>
          <Stack gap={6}>
            <Textarea
              id={reasonId}
              label={`${t.complaint.form.refusalReason} (${item.reference})`}
              required
              autosize
              minRows={2}
              value={reason}
              error={reasonError}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Group gap="xs">
              <Button type="submit" size="compact-sm" loading={decision.isPending}>
                {t.manager.confirmRefusal}
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => setRefusing(false)}>
                {t.complaint.cancel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
