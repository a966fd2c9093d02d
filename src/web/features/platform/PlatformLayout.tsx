import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The platform's own frame: no corporation's name, as the platform stands outside every corporation. */
export function PlatformLayout({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <Box component="header" className="site-header">
        <Container size="lg">
          <Group justify="space-between" py="sm">
            <Text fw={700}>{t.platform.brand}</Text>
            <Group gap="sm">
              {actions}
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="lg" py="lg">
        {children}
      </Container>
    </>
  );
}
