import { Alert, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';

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

/**
 * "Verantwoordelijkheid" (policy 1.3, 2.3): whom it is about, who handles it where, who stays accountable and
 * who gets the answer in cc — and what in the set-up is missing, with who can fix it.
 */
export function ResponsibilityPanel({ complaint }: { complaint: ComplaintDetail }) {
  const { t, locale } = useI18n();
  const r = t.complaint.responsibility;
  const { responsibility } = complaint;
  const subject = responsibility.subject;
  return (
    <section aria-labelledby="responsibility-title" data-testid="responsibility">
      <Text component="h2" id="responsibility-title" fw={700} size="lg" mb="xs">
        {r.title}
      </Text>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SimpleGrid component="dl" cols={1} spacing="xs" m={0}>
            <Fact label={r.subject}>
              {subject === null
                ? r.notTriaged
                : subject.kind === 'none'
                  ? r.subjectNone
                  : `${subject.name ?? ''} (${r.subjectKinds[subject.kind]})`}
            </Fact>
            <Fact label={r.concernedDepartment}>{responsibility.concernedDepartment?.name ?? r.none}</Fact>
            <Fact label={r.handler}>{responsibility.handler?.name ?? r.unassigned}</Fact>
            <Fact label={r.handlingDepartment}>{responsibility.handlingDepartment?.name ?? r.none}</Fact>
            <Fact label={r.accountableManager}>{responsibility.accountableManager?.name ?? r.none}</Fact>
            <Fact label={r.cc}>
              {responsibility.cc.length === 0
                ? r.none
                : responsibility.cc.map((c) => `${c.name} (${r.roles[c.role]})`).join(', ')}
            </Fact>
          </SimpleGrid>
          {responsibility.managerTakes && (
            <Text size="sm" data-testid="manager-takes">
              <strong>{r.managerTakes}:</strong> {responsibility.managerTakes[locale]}
            </Text>
          )}
          {responsibility.problems.length > 0 && (
            <Alert color="#8a4500" variant="outline" title={r.problemsTitle}>
              <List size="sm" spacing={4}>
                {responsibility.problems.map((p) => (
                  <List.Item key={p.code}>
                    {p[locale]}{' '}
                    {p.fixers.length > 0
                      ? r.fixedBy(p.fixers.map((f) => f.name).join(', '))
                      : r.fixedByRole[p.fixedBy]}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      </Paper>
    </section>
  );
}
