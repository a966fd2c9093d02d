import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { loginInput } from '../../../contract/auth.ts';
import { currentUserKey } from '../../app/query-client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  describeApiError,
  describeErrorCode,
  isFieldProblem,
  summarizeFieldErrors,
} from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem, validateForm } from '../../lib/form-errors.ts';
import { signIn } from './auth-api.ts';
import { SecondFactorStep } from './SecondFactorStep.tsx';
import { SsoButton } from './SsoButton.tsx';
import { useCurrentUser } from './use-current-user.ts';

/** Where to go after signing in: a path inside the app from `?terug=`, never another site. */
export function returnPath(searchParams: URLSearchParams): string {
  const target = searchParams.get('terug');
  return target?.startsWith('/') && !target.startsWith('//') ? target : '/werk';
}

export function LoginPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.login.pageTitle);
  const [searchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const currentUser = useCurrentUser();
  const [values, setValues] = useState({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  // A single sign-on for an account with two-step verification lands here with `?stap=code`.
  const [step, setStep] = useState<'password' | 'second-factor'>(() =>
    searchParams.get('stap') === 'code' ? 'second-factor' : 'password',
  );

  // The page itself redirects once the API knows the user (below): one way out, so no competing navigations.
  const finishSignIn = () => queryClient.refetchQueries({ queryKey: currentUserKey });

  const login = useMutation({
    mutationFn: signIn,
    onSuccess: async (result) => {
      if (result.status === 'second_factor_required') setStep('second-factor');
      else await finishSignIn();
    },
    onError: (error) => {
      setFieldErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {});
      setValues((current) => ({ ...current, password: '' }));
    },
  });

  if (currentUser.isPending) return <LoadingScreen />;
  if (currentUser.data) return <Navigate to={returnPath(searchParams)} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    login.reset();
    const validation = validateForm(loginInput, values);
    if (!validation.ok) {
      setFieldErrors(validation.errors);
      return;
    }
    setFieldErrors({});
    login.mutate(validation.data);
  };

  const fields = [
    { path: 'email', id: 'login-email', label: t.login.email },
    { path: 'password', id: 'login-password', label: t.login.password },
  ];
  const failure =
    login.error && !isFieldProblem(login.error) ? describeApiError(login.error, locale, t) : undefined;
  const redirectError = searchParams.get('fout');
  const signedOut = searchParams.get('uitgelogd');

  return (
    <PublicLayout>
      {step === 'second-factor' ? (
        <SecondFactorStep
          onSignedIn={finishSignIn}
          onStartOver={() => {
            setStep('password');
            setValues({ email: values.email, password: '' });
          }}
        />
      ) : (
        <Stack gap="md">
          <Title order={1}>{t.login.title}</Title>
          {attempt === 0 && redirectError && (
            <ErrorSummary message={describeErrorCode(redirectError, locale, t)} attempt={attempt} />
          )}
          {attempt === 0 && !redirectError && signedOut && (
            <Alert color="gehoord" variant="outline" role="status">
              {signedOut === 'overal' ? t.login.signedOutEverywhere : t.login.signedOut}
            </Alert>
          )}
          <ErrorSummary
            message={failure}
            fieldErrors={summarizeFieldErrors(fieldErrors, fields, locale)}
            attempt={attempt}
          />
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <TextInput
                id="login-email"
                label={t.login.email}
                type="email"
                autoComplete="username"
                required
                value={values.email}
                onChange={(event) => setValues({ ...values, email: event.currentTarget.value })}
                error={fieldErrors.email?.[locale]}
              />
              <PasswordField
                id="login-password"
                label={t.login.password}
                autoComplete="current-password"
                required
                value={values.password}
                onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
                error={fieldErrors.password?.[locale]}
              />
              <Button type="submit" loading={login.isPending}>
                {t.login.submit}
              </Button>
            </Stack>
          </form>
          <SsoButton dividerLabel={t.login.or} returnTo={returnPath(searchParams)}>
            {t.login.sso}
          </SsoButton>
        </Stack>
      )}
    </PublicLayout>
  );
}
