import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { createApiTokenInput } from '../../../contract/api-tokens.ts';
import { TOKEN_SCOPES, type TokenScope } from '../../../domain/permissions.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem, validateForm } from '../../lib/form-errors.ts';
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
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: createApiToken,
    onSuccess: () => {
      setName('');
      setExpiresOn('');
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (error) => setErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    // A date field gives a day; the token expires at the end of that day, Dutch time.
    const input = {
      name,
      scope,
      ...(expiresOn ? { expiresAt: new Date(`${expiresOn}T23:59:59`).toISOString() } : {}),
    };
    const validation = validateForm(createApiTokenInput, input);
    setErrors(validation.ok ? {} : validation.errors);
    if (validation.ok) create.mutate(validation.data);
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{t.admin.tokensTitle}</Title>
      <Paper component="section" withBorder p="md" aria-labelledby="new-token" maw={760}>
        <Title order={2} size="h3" id="new-token" mb="sm">
          {t.admin.newToken}
        </Title>
        {create.isError && !isFieldProblem(create.error) && (
          <Alert color="red.9" variant="outline" role="alert" mb="sm">
            {describeApiError(create.error, locale, t)}
          </Alert>
        )}
        {create.isSuccess && (
          <Alert color="#1b5e20" variant="outline" role="status" mb="sm" title={t.admin.tokenCreated}>
            <Text size="sm">{t.admin.tokenOnce}</Text>
            <Code className="secret" data-testid="new-token-secret">
              {create.data.token}
            </Code>
          </Alert>
        )}
        <form onSubmit={onSubmit} noValidate>
          <Group align="flex-start" wrap="wrap">
            <TextInput
              id="new-token-name"
              label={t.admin.tokenName}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name?.[locale]}
            />
            <NativeSelect
              id="new-token-scope"
              label={t.admin.tokenScope}
              value={scope}
              onChange={(event) => setScope(event.currentTarget.value as TokenScope)}
              data={TOKEN_SCOPES.map((s) => ({ value: s, label: t.admin.scopes[s] }))}
              error={errors.scope?.[locale]}
            />
            <TextInput
              id="new-token-expires"
              type="date"
              label={t.admin.tokenExpires}
              value={expiresOn}
              onChange={(event) => setExpiresOn(event.currentTarget.value)}
              error={errors.expiresAt?.[locale]}
            />
            <Button type="submit" mt={25} loading={create.isPending}>
              {t.admin.createToken}
            </Button>
          </Group>
        </form>
      </Paper>
      {revoke.isError && (
        <Alert color="red.9" variant="outline" role="alert">
          {describeApiError(revoke.error, locale, t)}
        </Alert>
      )}
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
