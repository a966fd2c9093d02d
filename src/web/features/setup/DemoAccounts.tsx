import { Alert, Button, Code, Stack, Table, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import type { DemoAccount } from '../../../contract/setup.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The demo accounts with their passwords, which the API returns exactly once. */
export function DemoAccounts({ accounts }: { accounts: DemoAccount[] }) {
  const { t } = useI18n();
  if (accounts.length === 0) return <Navigate to="/werk" replace />;
  return (
    <Stack gap="md">
      <Alert color="red.9" variant="outline" title={t.setup.demoWarningTitle} role="alert">
        {t.setup.demoWarning}
      </Alert>
      <section aria-labelledby="demo-accounts-title">
        <Title order={2} id="demo-accounts-title" mb="xs">
          {t.setup.demoAccountsTitle}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder data-testid="demo-accounts">
            <Table.Caption>{t.setup.demoAccountsCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.setup.columnName}</Table.Th>
                <Table.Th scope="col">{t.setup.columnEmail}</Table.Th>
                <Table.Th scope="col">{t.setup.columnRoles}</Table.Th>
                <Table.Th scope="col">{t.setup.columnDepartment}</Table.Th>
                <Table.Th scope="col">{t.setup.columnPassword}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((account) => (
                <Table.Tr key={account.email}>
                  <Table.Th scope="row">{account.name}</Table.Th>
                  <Table.Td>{account.email}</Table.Td>
                  <Table.Td>{account.roles.map((role) => t.roles[role]).join(', ')}</Table.Td>
                  <Table.Td>{account.department ?? '—'}</Table.Td>
                  <Table.Td>
                    <Code className="secret">{account.password}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      <div>
        <Button component={Link} to="/werk" replace>
          {t.setup.continue}
        </Button>
      </div>
    </Stack>
  );
}
