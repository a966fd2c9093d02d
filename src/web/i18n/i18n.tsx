import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useState } from 'react';
import type { Locale } from '../../contract/errors.ts';
import type { LocalizedText } from '../lib/api-client.ts';
import { en } from './messages.en.ts';
import { type Messages, nl } from './messages.nl.ts';

const STORAGE_KEY = 'gehoord.locale';
const catalogues: Record<Locale, Messages> = { nl, en };

type I18n = {
  locale: Locale;
  t: Messages;
  setLocale: (locale: Locale) => void;
  /** Picks the current language from a text the API sent in both (problem+json `messages`). */
  localize: (text: LocalizedText) => string;
};

/** A UI text in both languages, for messages kept in state that must follow a later language switch. */
export function inBothLanguages(pick: (messages: Messages) => string): LocalizedText {
  return { nl: pick(nl), en: pick(en) };
}

const I18nContext = createContext<I18n | null>(null);

function savedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    // Storage can be blocked (privacy settings); Dutch is the default then.
    return 'nl';
  }
}

/** Dutch by default; the visitor's choice is remembered in this browser and announced via `<html lang>`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(savedLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, but the switch still works for this visit.
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, t: catalogues[locale], setLocale, localize: (text) => text[locale] }),
    [locale, setLocale],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const context = use(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}
