import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { DemoAccount } from '../../../contract/setup.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { DemoAccounts } from './DemoAccounts.tsx';
import { SetupForm } from './SetupForm.tsx';
import { checkSetupToken } from './setup-api.ts';

/**
 * First run: `/inrichten#ghi_…`, the one-time link the server printed. The token stays in the fragment, so it
 * never reaches a server log or a Referer header; it is read once and kept in memory.
 */
export function SetupPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.setup.pageTitle);
  const [token] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  const [demoAccounts, setDemoAccounts] = useState<DemoAccount[] | null>(null);
  const check = useQuery({
    queryKey: ['setup', 'check', token],
    queryFn: () => checkSetupToken(token),
    enabled: token.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const width = demoAccounts?.length ? 'lg' : 'sm';
  let content: ReactNode;
  if (demoAccounts) content = <DemoAccounts accounts={demoAccounts} />;
  else if (!token) content = <Text>{t.setup.noToken}</Text>;
  else if (check.isPending) content = <LoadingScreen />;
  else if (check.isError)
    content = (
      <>
        <ErrorSummary message={describeApiError(check.error, locale, t)} attempt={1} />
        <Anchor component={Link} to="/inloggen">
          {t.setup.toLogin}
        </Anchor>
      </>
    );
  else
    content = (
      <SetupForm
        token={token}
        organizationName={check.data.organizationName}
        onDone={(accounts) => {
          // The link is used up: drop it from the address bar and history.
          window.history.replaceState(window.history.state, '', window.location.pathname);
          setDemoAccounts(accounts);
        }}
      />
    );

  return (
    <PublicLayout width={width}>
      <Stack gap="md">
        <Title order={1}>{demoAccounts ? t.setup.doneTitle : t.setup.title}</Title>
        {content}
      </Stack>
    </PublicLayout>
  );
}
