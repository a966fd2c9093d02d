import { Button } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/** Names the other language in that language ("English", "Nederlands"), marked with its own lang. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Button
      variant="outline"
      size="sm"
      lang={t.app.languageSwitchLang}
      onClick={() => setLocale(locale === 'nl' ? 'en' : 'nl')}
    >
      {t.app.languageSwitch}
    </Button>
  );
}
