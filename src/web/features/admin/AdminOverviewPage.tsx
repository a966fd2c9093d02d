import { Alert, Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { SetupGapView } from '../../../contract/setup.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Messages } from '../../i18n/messages.nl.ts';
import { QueryState } from '../people/QueryState.tsx';
import { fetchSetupGaps } from './admin-api.ts';

/** Which screen fixes each gap (the gaps themselves are the domain's `listSetupGaps`). */
const FIX: Record<SetupGapView['kind'], { path: string; label: keyof Messages['backOffice']['fix'] }> = {
  intake_department_missing: { path: '/beheer/portaal', label: 'portal' },
  intake_department_without_manager: { path: '/beheer/afdelingen', label: 'departments' },
  department_without_manager: { path: '/beheer/afdelingen', label: 'departments' },
  // an assistant is a user with that role in the department: the users screen gives both
  department_without_assistant: { path: '/beheer/gebruikers', label: 'users' },
  contact_details_missing: { path: '/beheer/portaal', label: 'portal' },
  committee_details_missing: { path: '/beheer/portaal', label: 'portal' },
};

function describeGap(gap: SetupGapView, t: Messages): string {
  const texts = t.backOffice.gap;
  const name = gap.department?.name ?? '';
  switch (gap.kind) {
    case 'intake_department_without_manager':
      return texts.intake_department_without_manager(name);
    case 'department_without_manager':
      return texts.department_without_manager(name);
    case 'department_without_assistant':
      return texts.department_without_assistant(name);
    default:
      return texts[gap.kind];
  }
}

/** The administrator's start page: what the installation still lacks, each with the screen that fixes it. */
export function AdminOverviewPage() {
  const { t } = useI18n();
  useDocumentTitle(t.backOffice.overviewTitle);
  const gaps = useQuery({ queryKey: ['admin', 'setup-gaps'], queryFn: fetchSetupGaps });
  return (
    <Stack gap="lg" maw={900}>
      <Title order={1}>{t.backOffice.overviewTitle}</Title>
      <Text>{t.backOffice.overviewIntro}</Text>
      <QueryState query={gaps}>
        {({ gaps: list }) =>
          list.length === 0 ? (
            <Alert color="#1b5e20" variant="outline" role="status" data-testid="setup-complete">
              {t.backOffice.noGaps}
            </Alert>
          ) : (
            <Paper component="section" withBorder p="md" aria-labelledby="setup-gaps-title">
              <Title order={2} size="h3" id="setup-gaps-title" mb="sm">
                {t.backOffice.gapsTitle(list.length)}
              </Title>
              <List spacing="sm" data-testid="setup-gaps">
                {list.map((gap) => {
                  const fix = FIX[gap.kind];
                  return (
                    <List.Item key={`${gap.kind}-${gap.department?.id ?? ''}`}>
                      <Text component="span">{describeGap(gap, t)}</Text>{' '}
                      <Anchor component={Link} to={fix.path} underline="always">
                        {t.backOffice.fix[fix.label]}
                      </Anchor>
                    </List.Item>
                  );
                })}
              </List>
            </Paper>
          )
        }
      </QueryState>
    </Stack>
  );
}
