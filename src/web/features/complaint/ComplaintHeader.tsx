import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { CONFIDENTIALITY_REASONS } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Messages } from '../../i18n/messages.nl.ts';
import { formatDateTime, formatDay } from '../complaints/format.ts';
import { TermBadge } from '../complaints/TermBadge.tsx';
import { ComplaintFlags } from './ComplaintFlags.tsx';
import { ContactLinks } from './ContactLinks.tsx';
import { TermExplanation } from './TermExplanation.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** policy 2.6: what kind of repeat, whose answer caused it, and whether a lawyer is involved. */
function describeRepeat(repeat: NonNullable<ComplaintDetail['repeat']>, t: Messages): string {
  const r = t.intake.repeat;
  const what =
    repeat.kind === 'employee_response'
      ? [repeat.cause ? r.causes[repeat.cause] : null, repeat.employee?.name].filter(Boolean).join(': ')
      : r.kinds.disagrees_with_decision;
  return [what, repeat.lawyer === 'none' ? null : r.lawyers[repeat.lawyer]].filter(Boolean).join(' · ');
}

/** Who, what, when and how urgent, at a glance: the term with its date and working days, always in view. */
export function ComplaintHeader({ complaint }: { complaint: ComplaintDetail }) {
  const { t, locale } = useI18n();
  const h = t.complaint.header;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <div>
            <Title order={1}>{t.complaint.pageTitle(complaint.reference)}</Title>
            <ComplaintFlags complaint={complaint} />
          </div>
          <Stack gap={2} align="flex-end" data-testid="complaint-term">
            <Text size="sm" fw={600}>
              {h.term}
            </Text>
            <TermBadge progress={complaint.term.progress} size="lg" />
            {complaint.term.dueAt !== null && (
              <Text size="sm">{t.complaint.term.dueOn(formatDay(complaint.term.dueAt, locale))}</Text>
            )}
          </Stack>
        </Group>
        <TermExplanation term={complaint.term} />
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" m={0}>
          <Fact label={h.handler}>{complaint.handler?.name ?? h.nobody}</Fact>
          <Fact label={h.manager}>{complaint.responsibleManager?.name ?? h.unknown}</Fact>
          <Fact label={h.department}>{complaint.department?.name ?? h.unknown}</Fact>
          <Fact label={h.receivedAt}>
            {formatDateTime(complaint.receivedAt, locale)} · {t.complaint.channel[complaint.channel]}
          </Fact>
          <Fact label={h.complainant}>
            {complaint.complainant ? (
              <ContactLinks
                who="complainant"
                name={complaint.complainant.name}
                phone={complaint.complainant.phone}
                email={complaint.complainant.email}
              />
            ) : (
              h.unknown
            )}
          </Fact>
          <Fact label={h.complainantLocale}>
            <span data-testid="complainant-locale">{t.intake.languages[complaint.complainantLocale]}</span>
          </Fact>
          <Fact label={h.address}>
            {complaint.unit ? `${complaint.unit.address}, ${complaint.unit.postcode}` : h.unknown}
          </Fact>
          <Fact label={h.complex}>
            {complaint.housingComplex
              ? `${complaint.housingComplex.complexNumber} ${complaint.housingComplex.name}`
              : h.unknown}
          </Fact>
          <Fact label={h.category}>
            {complaint.category ? t.complaint.category[complaint.category] : h.unknown}
            {complaint.subject?.name ? ` · ${h.subject}: ${complaint.subject.name}` : ''}
          </Fact>
          {complaint.confidentialReason && (
            <Fact label={t.complaint.flags.confidential}>
              <span data-testid="confidential-reason">
                {CONFIDENTIALITY_REASONS[complaint.confidentialReason.code][locale]}
                {complaint.confidentialReason.text ? ` — ${complaint.confidentialReason.text}` : ''}
              </span>
            </Fact>
          )}
          {complaint.representative && (
            <Fact label={h.representative}>
              <ContactLinks
                who="representative"
                name={`${complaint.representative.name} (${complaint.representative.relation})`}
                phone={complaint.representative.phone}
                email={complaint.representative.email}
                extra={[complaint.representative.consentNoted ? h.consentNoted : h.noConsent]}
              />
            </Fact>
          )}
          {complaint.repeat && <Fact label={h.repeat}>{describeRepeat(complaint.repeat, t)}</Fact>}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
