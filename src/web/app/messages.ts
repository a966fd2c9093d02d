import type { Locale } from '../../contract/errors.ts';

/** UI copy: Dutch first, English second. Keys are English; texts are plain language (B1). */
export const messages = {
  nl: {
    skipToContent: 'Naar de inhoud',
    tagline: 'Klachten zijn welkom',
    intro:
      'Gehoord is de plek waar u een klacht indient over de dienstverlening van uw woningcorporatie, en waar u kunt volgen wat ermee gebeurt.',
    promiseTitle: 'Wat u van ons mag verwachten',
    promises: [
      'U krijgt binnen vijf werkdagen antwoord.',
      'We bellen of bezoeken u om uw klacht te bespreken.',
      'U kunt altijd zien hoe het met uw klacht staat.',
    ],
    staffTitle: 'Voor medewerkers',
    staffText: 'Medewerkers registreren en behandelen klachten in de backoffice.',
    apiLink: 'API-documentatie',
    languageSwitch: 'English',
    servedBy: 'Namens',
    status: 'Systeemstatus',
  },
  en: {
    skipToContent: 'Skip to content',
    tagline: 'Complaints are welcome',
    intro:
      'Gehoord is where you submit a complaint about the service of your housing corporation, and where you can follow what happens to it.',
    promiseTitle: 'What you can expect from us',
    promises: [
      'You get an answer within five working days.',
      'We call or visit you to discuss your complaint.',
      'You can always see the status of your complaint.',
    ],
    staffTitle: 'For staff',
    staffText: 'Staff register and handle complaints in the back office.',
    apiLink: 'API documentation',
    languageSwitch: 'Nederlands',
    servedBy: 'On behalf of',
    status: 'System status',
  },
} satisfies Record<Locale, Record<string, string | string[]>>;
