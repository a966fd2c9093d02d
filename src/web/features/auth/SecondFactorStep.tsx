import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { secondFactorInput } from '../../../contract/auth.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { inBothLanguages, useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, summarizeFieldErrors } from '../../lib/describe-error.ts';
import { type FieldErrors, validateForm } from '../../lib/form-errors.ts';
import { completeSecondFactor } from './auth-api.ts';

/** The code from the authenticator app, after a correct password for an account with two-step verification. */
export function SecondFactorStep({
  onSignedIn,
  onStartOver,
}: {
  onSignedIn: () => Promise<unknown>;
  onStartOver: () => void;
}) {
  const { t, locale } = useI18n();
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const verify = useMutation({
    mutationFn: completeSecondFactor,
    onSuccess: onSignedIn,
    onError: () => setCode(''),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    verify.reset();
    const validation = validateForm(secondFactorInput, { code });
    if (!validation.ok) {
      setFieldErrors({ code: inBothLanguages((m) => m.login.codeInvalid) });
      return;
    }
    setFieldErrors({});
    verify.mutate(validation.data.code);
  };

  const fields = [{ path: 'code', id: 'login-code', label: t.login.code }];
  return (
    <Stack gap="md">
      <Title order={1}>{t.login.secondFactorTitle}</Title>
      <Text>{t.login.secondFactorIntro}</Text>
      <ErrorSummary
        message={verify.error ? describeApiError(verify.error, locale, t) : undefined}
        fieldErrors={summarizeFieldErrors(fieldErrors, fields, locale)}
        attempt={attempt}
      />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            id="login-code"
            label={t.login.code}
            description={t.login.codeHint}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={fieldErrors.code?.[locale]}
          />
          <Group>
            <Button type="submit" loading={verify.isPending}>
              {t.login.verify}
            </Button>
            <Button variant="subtle" onClick={onStartOver}>
              {t.login.startOver}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
