import { Button, Divider } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { fetchSsoAvailability } from './auth-api.ts';

/** "Sign in with your organisation account": only when single sign-on is on for this organisation. */
export function SsoButton({
  children,
  dividerLabel,
  returnTo,
}: {
  children: ReactNode;
  dividerLabel: string;
  returnTo: string;
}) {
  const sso = useQuery({ queryKey: ['auth', 'sso'], queryFn: fetchSsoAvailability, staleTime: 5 * 60_000 });
  if (!sso.data?.enabled || !sso.data.startUrl) return null;
  const href = `${sso.data.startUrl}?${new URLSearchParams({ returnTo })}`;
  return (
    <>
      <Divider label={dividerLabel} labelPosition="center" />
      {/* A full page navigation: the identity provider takes over and sends the browser back. */}
      <Button component="a" href={href} variant="outline">
        {children}
      </Button>
    </>
  );
}
