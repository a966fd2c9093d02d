import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useOrganization } from '../features/auth/use-current-user.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Frame of the pages anyone may see: the landing page, sign-in and first-run setup. */
export function PublicLayout({
  children,
  width = 'sm',
}: {
  children: ReactNode;
  width?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useI18n();
  const organization = useOrganization();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <Box component="header" className="site-header">
        <Container size={width}>
          <Group justify="space-between" py="sm">
            <div>
              <Anchor href="/" className="brand" underline="never">
                {t.app.name}
              </Anchor>
              {organization.data && (
                <Text>
                  {t.app.servedBy} {organization.data.name}
                </Text>
              )}
            </div>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={width} py="lg">
        {children}
      </Container>
      <Box component="footer" className="site-footer">
        <Container size={width}>
          <Group py="sm" gap="lg">
            <Anchor href="/api/docs">{t.app.apiLink}</Anchor>
            <Anchor href="/health/ready">{t.app.status}</Anchor>
          </Group>
        </Container>
      </Box>
    </>
  );
}
