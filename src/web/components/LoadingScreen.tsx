import { Center, Loader } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

export function LoadingScreen() {
  const { t } = useI18n();
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden="true" size="sm" mr="sm" />
      {t.app.loading}
    </Center>
  );
}
