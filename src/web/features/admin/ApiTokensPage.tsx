import {
  Badge,
  Button,
  Code,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createApiTokenInput } from '../../../contract/api-tokens.ts';
import { TOKEN_SCOPES, type TokenScope } from '../../../domain/permissions.ts';
import { EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { FormFailure, SavedNotice } from '../../components/forms/FormNotices.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { formatDate, formatDateTime } from '../people/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { createApiToken, fetchApiTokens, revokeApiToken } from './admin-api.ts';

const tokensKey = ['admin', 'api-tokens'];

/** Tokens for integrations (CRM, website): the secret is shown once; revoking stops it at once. */
export function ApiTokensPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.admin.tokensTitle);
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: fetchApiTokens });
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t.admin.tokensTitle}</Title>
      <CreateTokenForm />
      <FormFailure message={revoke.isError ? describeApiError(revoke.error, locale, t) : undefined} />
      <QueryState query={tokens}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t.admin.noTokens}</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="api-tokens">
                <Table.Caption>{t.admin.tokensCaption(list.length)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.admin.tokenName}</Table.Th>
                    <Table.Th scope="col">{t.admin.tokenPrefix}</Table.Th>
                    <Table.Th scope="col">{t.admin.tokenScope}</Table.Th>
                    <Table.Th scope="col">{t.admin.tokenCreatedAt}</Table.Th>
                    <Table.Th scope="col">{t.admin.tokenExpires}</Table.Th>
                    <Table.Th scope="col">{t.admin.tokenLastUsed}</Table.Th>
                    <Table.Th scope="col">{t.admin.state}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((token) => (
                    <Table.Tr key={token.id}>
                      <Table.Th scope="row">{token.name}</Table.Th>
                      <Table.Td>
                        <Code>{token.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>{t.admin.scopes[token.scope]}</Table.Td>
                      <Table.Td>
                        {formatDate(token.createdAt, locale)}
                        {token.createdByName ? ` (${token.createdByName})` : ''}
                      </Table.Td>
                      <Table.Td>{token.expiresAt ? formatDate(token.expiresAt, locale) : '—'}</Table.Td>
                      <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : '—'}</Table.Td>
                      <Table.Td>
                        {token.revokedAt ? (
                          <Badge color="#495057" variant="outline" tt="none">
                            {t.admin.revokedOn(formatDate(token.revokedAt, locale))}
                          </Badge>
                        ) : (
                          <Button
                            size="compact-sm"
                            color="red.9"
                            variant="outline"
                            loading={revoke.isPending && revoke.variables === token.id}
                            onClick={() => {
                              if (window.confirm(t.admin.revokeConfirm(token.name))) revoke.mutate(token.id);
                            }}
                          >
                            {t.admin.revoke}
                            <VisuallyHidden> {token.name}</VisuallyHidden>
                          </Button>
                        )}
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

function CreateTokenForm() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm({
    initial: { name: '', scope: 'read' as TokenScope, expiresOn: '' },
    fields: {
      name: { id: 'new-token-name', label: t.admin.tokenName },
      scope: { id: 'new-token-scope', label: t.admin.tokenScope },
      expiresOn: { id: 'new-token-expires', label: t.admin.tokenExpires, path: 'expiresAt' },
    },
    // A date field gives a day; the token expires at the end of that day, Dutch time.
    toInput: ({ name, scope, expiresOn }) => ({
      name,
      scope,
      ...(expiresOn ? { expiresAt: new Date(`${expiresOn}T23:59:59`).toISOString() } : {}),
    }),
    schema: createApiTokenInput,
    submit: createApiToken,
    onSuccess: () => {
      // The scope stays as chosen: the next token is often for the same integration.
      form.setValues((v) => ({ ...v, name: '', expiresOn: '' }));
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });
  return (
    <FormSection id="new-token" title={t.admin.newToken}>
      {form.isSuccess && form.data && (
        <SavedNotice mb="sm" title={t.admin.tokenCreated}>
          <Text size="sm">{t.admin.tokenOnce}</Text>
          <Code className="secret" data-testid="new-token-secret">
            {form.data.token}
          </Code>
        </SavedNotice>
      )}
      <EntityForm form={form}>
        <Group align="flex-start" wrap="wrap">
          <TextInput label={t.admin.tokenName} required {...form.text('name')} />
          <NativeSelect
            label={t.admin.tokenScope}
            data={TOKEN_SCOPES.map((s) => ({ value: s, label: t.admin.scopes[s] }))}
            {...form.text('scope')}
          />
          <TextInput type="date" label={t.admin.tokenExpires} {...form.text('expiresOn')} />
          <Button type="submit" mt={25} loading={form.isPending}>
            {t.admin.createToken}
          </Button>
        </Group>
      </EntityForm>
    </FormSection>
  );
}
