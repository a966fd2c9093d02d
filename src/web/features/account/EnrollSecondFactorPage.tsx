import { Alert, Anchor, Button, Code, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { renderSVG } from 'uqr';
import { secondFactorInput } from '../../../contract/auth.ts';
import { currentUserKey } from '../../app/query-client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { inBothLanguages, useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, summarizeFieldErrors } from '../../lib/describe-error.ts';
import { type FieldErrors, validateForm } from '../../lib/form-errors.ts';
import { enableSecondFactor, startSecondFactorEnrollment } from '../auth/auth-api.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';

/** TOTP enrolment: scan the QR code (or type the key), then prove it works with a first code. */
export function EnrollSecondFactorPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.account.enrollPageTitle);
  const queryClient = useQueryClient();
  const user = useCurrentUser().data;
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  // A query, not a mutation: one secret per visit even when React renders twice; forgotten when leaving.
  const enrollment = useQuery({
    queryKey: ['auth', 'second-factor', 'setup'],
    queryFn: startSecondFactorEnrollment,
    enabled: Boolean(user && !user.secondFactorEnabled),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const enable = useMutation({
    mutationFn: enableSecondFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: currentUserKey }),
    onError: () => setCode(''),
  });
  const qrCode = useMemo(
    () =>
      enrollment.data
        ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(enrollment.data.otpauthUri, { border: 2 }))}`
        : null,
    [enrollment.data],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    enable.reset();
    const validation = validateForm(secondFactorInput, { code });
    if (!validation.ok) {
      setFieldErrors({ code: inBothLanguages((m) => m.login.codeInvalid) });
      return;
    }
    setFieldErrors({});
    enable.mutate(validation.data.code);
  };

  const backLink = (
    <Anchor component={Link} to="/account">
      {t.account.backToAccount}
    </Anchor>
  );
  let content: ReactNode;
  if (enable.isSuccess || user?.secondFactorEnabled)
    content = (
      <>
        <Alert color="green.9" variant="outline" role="status">
          {enable.isSuccess ? t.account.enabled : t.account.secondFactorOn}
        </Alert>
        {backLink}
      </>
    );
  else if (enrollment.isPending) content = <LoadingScreen />;
  else if (enrollment.isError)
    content = <ErrorSummary message={describeApiError(enrollment.error, locale, t)} attempt={1} />;
  else
    content = (
      <>
        {user?.mustEnrollSecondFactor && (
          <Alert color="red.9" variant="outline">
            {t.account.secondFactorRequired}
          </Alert>
        )}
        <ErrorSummary
          message={enable.error ? describeApiError(enable.error, locale, t) : undefined}
          fieldErrors={summarizeFieldErrors(
            fieldErrors,
            [{ path: 'code', id: 'enroll-code', label: t.login.code }],
            locale,
          )}
          attempt={attempt}
        />
        <List type="ordered" spacing="md">
          <List.Item>{t.account.enrollStep1}</List.Item>
          <List.Item>
            <Text>{t.account.enrollStep2}</Text>
            {qrCode && (
              <img src={qrCode} alt={t.account.qrAlt} width={220} height={220} className="qr-code" />
            )}
            <Text mt="xs">{t.account.manualEntry}</Text>
            <Code className="secret" data-testid="totp-secret">
              {enrollment.data.secret}
            </Code>
          </List.Item>
          <List.Item>
            <Text mb="xs">{t.account.enrollStep3}</Text>
            <form onSubmit={onSubmit} noValidate>
              <Stack gap="sm" align="flex-start">
                <TextInput
                  id="enroll-code"
                  label={t.login.code}
                  description={t.login.codeHint}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  required
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                  error={fieldErrors.code?.[locale]}
                />
                <Button type="submit" loading={enable.isPending}>
                  {t.account.enable}
                </Button>
              </Stack>
            </form>
          </List.Item>
        </List>
        {!user?.mustEnrollSecondFactor && backLink}
      </>
    );

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t.account.enrollPageTitle}</Title>
      {content}
    </Stack>
  );
}
