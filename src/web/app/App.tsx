import { useEffect, useState } from 'react';
import type { Locale } from '../../contract/errors.ts';
import type { PublicOrganization } from '../../contract/organization.ts';
import { messages } from './messages.ts';

function initialLocale(): Locale {
  const saved = localStorage.getItem('gehoord.locale');
  return saved === 'en' ? 'en' : 'nl';
}

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [organization, setOrganization] = useState<PublicOrganization | null>(null);
  const t = messages[locale];

  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem('gehoord.locale', locale);
  }, [locale]);

  useEffect(() => {
    fetch('/api/organization')
      .then((response) => (response.ok ? (response.json() as Promise<PublicOrganization>) : null))
      .then(setOrganization)
      .catch(() => setOrganization(null));
  }, []);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div>
          <p className="brand">Gehoord</p>
          {organization && (
            <p className="served-by">
              {t.servedBy} {organization.name}
            </p>
          )}
        </div>
        <button
          type="button"
          className="link-button"
          onClick={() => setLocale(locale === 'nl' ? 'en' : 'nl')}
        >
          {t.languageSwitch}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{t.tagline}</h1>
        <p className="intro">{t.intro}</p>
        <section aria-labelledby="promise-title">
          <h2 id="promise-title">{t.promiseTitle}</h2>
          <ul>
            {t.promises.map((promise) => (
              <li key={promise}>{promise}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="staff-title">
          <h2 id="staff-title">{t.staffTitle}</h2>
          <p>{t.staffText}</p>
        </section>
      </main>
      <footer className="site-footer">
        <a href="/api/docs">{t.apiLink}</a>
        <a href="/health/ready">{t.status}</a>
      </footer>
    </>
  );
}
